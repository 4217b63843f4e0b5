-- Airlock record store, version 3: the round trip's ledger. Request bundles this lab wrote, the
-- lab-side map from each bundle's random references to products (it never leaves the lab), and
-- the responses merged, so the same response twice changes nothing. Times are UTC text.

-- A request bundle written to a stick. The envelope is kept so a response can be checked against
-- exactly what went out (request id, digest, references, count queries); it holds no PII.
CREATE TABLE outbound_bundle (
    id            TEXT    PRIMARY KEY,            -- bundle id, 32 hex digits
    digest        TEXT    NOT NULL UNIQUE,        -- SHA-256 of the envelope, hex
    envelope      BLOB    NOT NULL,
    created_at    TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    record_count  INTEGER NOT NULL CHECK (record_count > 0),
    answered      INTEGER NOT NULL DEFAULT 0 CHECK (answered >= 0),   -- distinct references answered so far
    state         TEXT    NOT NULL CHECK (state IN ('WRITTEN', 'PARTLY_ANSWERED', 'ANSWERED')),
    exported_by   TEXT    NOT NULL
);

-- Reference -> product, per request bundle (the lab-side map). answered_by: the first response
-- that carried an answer for it.
CREATE TABLE outbound_reference (
    bundle_id    TEXT    NOT NULL REFERENCES outbound_bundle (id) ON DELETE CASCADE,
    reference    INTEGER NOT NULL,                -- the 4-byte reference as a signed 32-bit value
    product_id   INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    answered_by  TEXT,
    PRIMARY KEY (bundle_id, reference)
) WITHOUT ROWID;
CREATE INDEX outbound_reference_by_product ON outbound_reference (product_id);

-- A response merged into the record, with what it did.
CREATE TABLE inbound_bundle (
    id          TEXT    PRIMARY KEY,              -- response bundle id, 32 hex digits
    request_id  TEXT    NOT NULL REFERENCES outbound_bundle (id),
    digest      TEXT    NOT NULL UNIQUE,          -- SHA-256 of the response envelope, hex
    signer      TEXT    NOT NULL,                 -- gateway key id
    created_at  TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    merged_at   TEXT    NOT NULL,
    merged_by   TEXT    NOT NULL,
    cids        INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    counts      INTEGER NOT NULL
);
CREATE INDEX inbound_bundle_by_request ON inbound_bundle (request_id);
