-- Airlock record store, version 2: the appliance's own key pair, the supervisor passphrase's
-- verifier and failure counter, pinned peers, and the MAK vault. Secrets are stored only as
-- sealed blobs (AES-256-GCM under a key derived from the passphrase with Argon2id); each blob
-- carries its own KDF parameters, salts and nonce. Times are UTC text, yyyy-MM-ddTHH:mm:ss.SSSZ.

-- The supervisor passphrase: Argon2id parameters and salt, a verifier (HMAC-SHA256 under the
-- derived key, so a wrong passphrase is told apart from a damaged secret), and the count of
-- wrong passphrases in a row with the earliest time the next one is checked.
CREATE TABLE keyring (
    singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
    kdf              TEXT    NOT NULL CHECK (kdf = 'argon2id'),
    kdf_memory_kib   INTEGER NOT NULL CHECK (kdf_memory_kib > 0),
    kdf_iterations   INTEGER NOT NULL CHECK (kdf_iterations > 0),
    kdf_lanes        INTEGER NOT NULL CHECK (kdf_lanes > 0),
    kdf_salt         BLOB    NOT NULL,
    verifier         BLOB    NOT NULL,
    failures         INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    last_failure_at  TEXT,
    next_try_at      TEXT,                 -- NULL: no delay
    created_at       TEXT    NOT NULL
);

-- This appliance's Ed25519 key pair: the public key in clear, the 32-byte seed sealed.
CREATE TABLE own_key (
    singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
    algorithm    TEXT    NOT NULL CHECK (algorithm = 'ed25519'),
    public_key   BLOB    NOT NULL,
    key_id       TEXT    NOT NULL,
    fingerprint  TEXT    NOT NULL,
    sealed_seed  BLOB    NOT NULL,
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL
);

-- Peers pinned after a person compared fingerprints: a lab pins gateways, a gateway pins labs.
CREATE TABLE trusted_peer (
    id           INTEGER PRIMARY KEY,
    role         TEXT    NOT NULL CHECK (role IN ('lab', 'gateway')),
    label        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    public_key   BLOB    NOT NULL UNIQUE,
    key_id       TEXT    NOT NULL UNIQUE,
    fingerprint  TEXT    NOT NULL,
    added_at     TEXT    NOT NULL,
    added_by     TEXT    NOT NULL
);

-- The MAK vault. AUTOINCREMENT: a removed MAK's id is never given to another one.
CREATE TABLE mak (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    sealed_key            BLOB    NOT NULL,
    partial_key           TEXT    NOT NULL CHECK (length(partial_key) = 5),
    description           TEXT    NOT NULL DEFAULT '',
    added_at              TEXT    NOT NULL,
    added_by              TEXT    NOT NULL,
    remaining_count       INTEGER,          -- last known remaining activations; NULL: never asked
    remaining_learned_at  TEXT
);
