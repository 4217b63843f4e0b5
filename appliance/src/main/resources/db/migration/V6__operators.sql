-- Airlock record store, version 6: kiosk operators (technicians and supervisors) who sign in
-- with a PIN. The PIN is kept only as an Argon2id hash with its own salt and cost; wrong PINs in
-- a row and lockouts are counted here so a restart does not reset them. A removed operator's
-- row stays (removed_at set) so audit rows naming "operator N" keep their meaning and ids are
-- never reused. Times are UTC text, yyyy-MM-ddTHH:mm:ss.SSSZ.

CREATE TABLE operator (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    role             TEXT    NOT NULL CHECK (role IN ('technician', 'supervisor')),
    pin_kdf_memory_kib  INTEGER NOT NULL CHECK (pin_kdf_memory_kib > 0),
    pin_kdf_iterations  INTEGER NOT NULL CHECK (pin_kdf_iterations > 0),
    pin_salt         BLOB    NOT NULL,
    pin_hash         BLOB    NOT NULL,
    failures         INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),   -- wrong PINs in a row
    lockouts         INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),   -- lockouts since the last success
    locked_until     TEXT,                                               -- NULL: not locked
    created_at       TEXT    NOT NULL,
    created_by       TEXT    NOT NULL,
    removed_at       TEXT,                                               -- NULL: active
    removed_by       TEXT
);
-- Names are unique among active operators, ignoring case.
CREATE UNIQUE INDEX operator_active_name ON operator (name COLLATE NOCASE) WHERE removed_at IS NULL;
