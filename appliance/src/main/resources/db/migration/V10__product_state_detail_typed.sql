-- Airlock record store, version 10: the typed parts of a product's state detail get columns.
-- forced_reuse: 1 when a supervisor forced a stored CID onto the product (its IID differs); an
-- apply after it counts as a forced activation saved. error_code: the BatchActivation error code
-- of a rejection, '0x' and upper-case hex (e.g. '0x7F'), NULL when none. state_detail keeps the
-- words that follow: the sentence shown is "forced reuse <words>", "<error_code>: <words>", or
-- the words alone, exactly the text stored before.
--
-- Rows written before: a detail that starts "forced reuse " (or is just that) is a forced reuse;
-- a REJECTED product's detail "0x<hex>: ..." is a rejection with that code. Anything else stays
-- plain words.

ALTER TABLE product ADD COLUMN forced_reuse INTEGER NOT NULL DEFAULT 0 CHECK (forced_reuse IN (0, 1));
ALTER TABLE product ADD COLUMN error_code TEXT CHECK (error_code IS NULL OR error_code GLOB '0x[0-9A-F]*');

UPDATE product
SET forced_reuse = 1,
    state_detail = CASE WHEN state_detail = 'forced reuse' THEN '' ELSE substr(state_detail, 14) END
WHERE state_detail = 'forced reuse' OR state_detail GLOB 'forced reuse *';

UPDATE product
SET error_code = substr(state_detail, 1, instr(state_detail, ':') - 1),
    state_detail = substr(state_detail, instr(state_detail, ':') + 2)
WHERE state = 'REJECTED'
  AND forced_reuse = 0
  AND state_detail GLOB '0x*: *'
  AND instr(state_detail, ':') BETWEEN 4 AND 11
  AND substr(state_detail, 3, instr(state_detail, ':') - 3) NOT GLOB '*[^0-9A-F]*'
  AND (substr(state_detail, 3, instr(state_detail, ':') - 3) = '0'
       OR substr(state_detail, 3, 1) <> '0');
