-- Airlock record store, version 4 (gateway role): the CID cache. Every answer BatchActivation
-- or a phone call gives for an (IID, ePID) pair is stored the moment it arrives, in its own
-- committed transaction, so an activation is never spent twice. Before a call the row is marked
-- IN_FLIGHT (committed); a row still IN_FLIGHT later means the call was made but its answer was
-- never stored (crash, timeout, unreadable answer): it is asked again only after the operator's
-- explicit confirmation (gateway process --resend-in-flight).
-- Times are UTC text, yyyy-MM-ddTHH:mm:ss.SSSZ.
CREATE TABLE gateway_cid_cache (
    iid          TEXT    NOT NULL CHECK (length(iid) IN (54, 63)),
    epid         TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('IN_FLIGHT', 'CID', 'ERROR')),
    cid          TEXT    CHECK (cid IS NULL OR length(cid) = 48),
    error_code   INTEGER,                -- unsigned 32-bit, e.g. 127 for 0x7F
    error_text   TEXT,
    source       TEXT    NOT NULL CHECK (source IN ('online', 'phone')),
    calls        INTEGER NOT NULL DEFAULT 0 CHECK (calls >= 0),  -- requests sent for this pair
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (iid, epid),
    CHECK ((state = 'CID') = (cid IS NOT NULL)),
    CHECK ((state = 'ERROR') = (error_code IS NOT NULL))
) WITHOUT ROWID;
