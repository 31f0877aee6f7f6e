-- One concurrency mechanism for the whole register: regions and indicators carry a version like clusters (0001).
-- A change names the version it read (If-Match "v3"); the row lock and the version check make concurrent changes
-- of one entry serialise, the second being refused as stale.
ALTER TABLE regions ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;
ALTER TABLE regions ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now();
