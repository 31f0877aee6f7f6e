-- Regions and indicators can be archived like clusters: kept (their observations and the clusters that
-- reference them stay valid) but left out of the register's lists and closed to new submissions.
ALTER TABLE regions ADD COLUMN IF NOT EXISTS archived_at timestamptz;
ALTER TABLE indicators ADD COLUMN IF NOT EXISTS archived_at timestamptz;
