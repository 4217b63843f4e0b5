-- Activation (issue 4, lab side): activations saved by reapplying a stored CID.
-- One row each time a product goes REUSABLE -> APPLIED: a CID obtained earlier was deposited
-- again (reimage, or a supervisor's forced reuse) instead of spending a new MAK activation.
-- Append-only; "activations saved" in status is the row count.

CREATE TABLE activation_saved (
    id          INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    iid         TEXT    NOT NULL,
    cid         TEXT    NOT NULL,
    forced      INTEGER NOT NULL CHECK (forced IN (0, 1)),   -- 1: reuse forced by a supervisor
    applied_at  TEXT    NOT NULL
);
CREATE INDEX activation_saved_by_product ON activation_saved (product_id);
