-- Airlock record store, version 8: a product state of its own for products that need no CID.
-- NOT_NEEDED: collected Licensed (LicenseStatus 1) or as a KMS client (ProductKeyChannel
-- Volume:GVLK) before it went out, so it is never exported, counted as waiting, or put in a kit.
-- The reason follows from license_status and channel; state_detail says it in words.
--
-- SQLite cannot change a CHECK constraint in place, so the product table is rebuilt with the same
-- columns, ids and indexes. Foreign keys stay on inside Flyway's transaction, and dropping the old
-- table would cascade into its child tables: their rows are kept aside and put back unchanged.
-- Products already waiting for export (COLLECTED, or REJECTED) that need no CID move to NOT_NEEDED.

CREATE TEMP TABLE v8_product_history AS SELECT * FROM product_history;
CREATE TEMP TABLE v8_outbound_reference AS SELECT * FROM outbound_reference;
CREATE TEMP TABLE v8_activation_saved AS SELECT * FROM activation_saved;

CREATE TABLE product_v8 (
    id                INTEGER PRIMARY KEY,
    machine_id        INTEGER NOT NULL REFERENCES machine (id) ON DELETE CASCADE,
    sku_id            TEXT    NOT NULL,
    application_id    TEXT    NOT NULL,
    product_class     TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    description       TEXT    NOT NULL DEFAULT '',
    partial_key       TEXT    NOT NULL DEFAULT '',   -- '' when typed in by hand without it
    channel           TEXT    NOT NULL DEFAULT '',
    epid              TEXT    NOT NULL,
    license_status    INTEGER NOT NULL CHECK (license_status BETWEEN 0 AND 6),
    grace_minutes     INTEGER NOT NULL DEFAULT 0,
    iid               TEXT    NOT NULL,
    cid               TEXT,
    state             TEXT    NOT NULL CHECK (state IN ('COLLECTED', 'EXPORTED', 'CID_RECEIVED', 'APPLIED',
                                                        'VERIFIED', 'REJECTED', 'REUSABLE', 'APPLY_FAILED',
                                                        'NOT_NEEDED')),
    state_detail      TEXT    NOT NULL DEFAULT '',   -- e.g. the error code of a rejection
    state_changed_at  TEXT    NOT NULL,
    first_seen_at     TEXT    NOT NULL,
    last_seen_at      TEXT    NOT NULL,
    UNIQUE (machine_id, sku_id)
);

INSERT INTO product_v8 (id, machine_id, sku_id, application_id, product_class, name, description, partial_key,
        channel, epid, license_status, grace_minutes, iid, cid, state, state_detail, state_changed_at,
        first_seen_at, last_seen_at)
SELECT id, machine_id, sku_id, application_id, product_class, name, description, partial_key,
        channel, epid, license_status, grace_minutes, iid, cid,
        CASE WHEN state IN ('COLLECTED', 'REJECTED')
                  AND (upper(trim(channel)) IN ('VOLUME:GVLK', 'VOLUME_KMSCLIENT', 'VOLUME:KMSCLIENT')
                       OR license_status = 1)
             THEN 'NOT_NEEDED' ELSE state END,
        CASE WHEN state IN ('COLLECTED', 'REJECTED')
                  AND upper(trim(channel)) IN ('VOLUME:GVLK', 'VOLUME_KMSCLIENT', 'VOLUME:KMSCLIENT')
             THEN 'Activates against your KMS host; nothing to do here'
             WHEN state IN ('COLLECTED', 'REJECTED') AND license_status = 1
             THEN 'Licensed, nothing to do'
             ELSE state_detail END,
        CASE WHEN state IN ('COLLECTED', 'REJECTED')
                  AND (upper(trim(channel)) IN ('VOLUME:GVLK', 'VOLUME_KMSCLIENT', 'VOLUME:KMSCLIENT')
                       OR license_status = 1)
             THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE state_changed_at END,
        first_seen_at, last_seen_at
FROM product;

DROP TABLE product;
ALTER TABLE product_v8 RENAME TO product;
CREATE INDEX product_by_iid ON product (iid);
CREATE INDEX product_by_state ON product (state);
CREATE INDEX product_by_machine_name ON product (machine_id, name);

INSERT INTO product_history SELECT * FROM v8_product_history;
INSERT INTO outbound_reference SELECT * FROM v8_outbound_reference;
INSERT INTO activation_saved SELECT * FROM v8_activation_saved;
DROP TABLE v8_product_history;
DROP TABLE v8_outbound_reference;
DROP TABLE v8_activation_saved;
