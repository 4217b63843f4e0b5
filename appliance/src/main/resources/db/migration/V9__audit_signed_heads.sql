-- Airlock record store, version 9: signed heads of the audit log.
-- Each row is one signing: the appliance's Ed25519 signature (its own key, sealed under the
-- supervisor passphrase) over the log's row count, the hash of its last row and the time. The
-- audit.sign row that announces a signing is itself the last row it covers. Every signed head
-- is kept, so rewriting any signed stretch of the log is caught by `airlock audit verify`.
-- signature is over: 'airlock/audit-head/1' 0x00 'key=<key id>\nrows=<n>\nlast=<hash>\nat=<time>\n'.
CREATE TABLE audit_signed_head (
    row_count        INTEGER PRIMARY KEY CHECK (row_count > 0),
    last_hash        TEXT    NOT NULL,
    signed_at        TEXT    NOT NULL,
    key_fingerprint  TEXT    NOT NULL,
    signature        BLOB    NOT NULL
);
