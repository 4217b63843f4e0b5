-- Airlock record store, version 1: the appliance, lab groups, machines and their products,
-- taken-in files, and the hash-chained audit log. Times are UTC text, yyyy-MM-ddTHH:mm:ss.SSSZ.

CREATE TABLE appliance (
    singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
    appliance_id  TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('lab', 'gateway')),
    display_name  TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);

CREATE TABLE lab_group (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    created_at  TEXT    NOT NULL
);

CREATE TABLE machine (
    id                  INTEGER PRIMARY KEY,
    host_name           TEXT    NOT NULL,
    domain              TEXT    NOT NULL DEFAULT '',
    part_of_domain      INTEGER NOT NULL DEFAULT 0 CHECK (part_of_domain IN (0, 1)),
    fqdn                TEXT    NOT NULL DEFAULT '',
    smbios_uuid         TEXT,              -- NULL when absent or a known placeholder
    serial_number       TEXT    NOT NULL DEFAULT '',
    os_caption          TEXT    NOT NULL DEFAULT '',
    os_version          TEXT    NOT NULL DEFAULT '',
    os_build            TEXT    NOT NULL DEFAULT '',
    ip_addresses        TEXT    NOT NULL DEFAULT '',   -- comma-separated
    mac_addresses       TEXT    NOT NULL DEFAULT '',   -- comma-separated
    group_id            INTEGER REFERENCES lab_group (id),
    source              TEXT    NOT NULL CHECK (source IN ('collector', 'manual')),
    first_collected_at  TEXT    NOT NULL,
    last_collected_at   TEXT    NOT NULL
);
CREATE UNIQUE INDEX machine_by_uuid ON machine (smbios_uuid) WHERE smbios_uuid IS NOT NULL;
CREATE INDEX machine_by_host ON machine (host_name COLLATE NOCASE);
CREATE INDEX machine_by_group ON machine (group_id);

-- What changed on a machine between collections (the machine's history).
CREATE TABLE machine_change (
    id          INTEGER PRIMARY KEY,
    machine_id  INTEGER NOT NULL REFERENCES machine (id) ON DELETE CASCADE,
    changed_at  TEXT    NOT NULL,
    field       TEXT    NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    source      TEXT    NOT NULL
);
CREATE INDEX machine_change_by_machine ON machine_change (machine_id, id);

-- One row per licensed product (SKU) per machine: its current installation.
CREATE TABLE product (
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
                                                        'VERIFIED', 'REJECTED', 'REUSABLE', 'APPLY_FAILED')),
    state_detail      TEXT    NOT NULL DEFAULT '',   -- e.g. the error code of a rejection
    state_changed_at  TEXT    NOT NULL,
    first_seen_at     TEXT    NOT NULL,
    last_seen_at      TEXT    NOT NULL,
    UNIQUE (machine_id, sku_id)
);
CREATE INDEX product_by_iid ON product (iid);
CREATE INDEX product_by_state ON product (state);

-- Earlier installations of a product (its IID changed: new key or new hardware). Keeps their
-- CIDs so a supervisor can still see or force-reuse them.
CREATE TABLE product_history (
    id           INTEGER PRIMARY KEY,
    product_id   INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    iid          TEXT    NOT NULL,
    cid          TEXT,
    epid         TEXT    NOT NULL,
    partial_key  TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    archived_at  TEXT    NOT NULL,
    reason       TEXT    NOT NULL
);
CREATE INDEX product_history_by_iid ON product_history (iid);

-- Collector files already taken in, by content digest: the same file twice changes nothing.
CREATE TABLE intake_file (
    sha256       TEXT    PRIMARY KEY,
    file_name    TEXT    NOT NULL,
    ingested_at  TEXT    NOT NULL,
    machine_id   INTEGER REFERENCES machine (id) ON DELETE SET NULL,
    outcome      TEXT    NOT NULL
);

-- Append-only audit log; each row carries the hash of the previous one.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    operator   TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    details    TEXT    NOT NULL,
    prev_hash  TEXT    NOT NULL,
    hash       TEXT    NOT NULL
);

-- The chain's head, so that deleting the newest rows is noticed too.
CREATE TABLE audit_head (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    seq        INTEGER NOT NULL,
    hash       TEXT    NOT NULL
);
