-- Where a stored run's inputs came from, so that the report read back later is the one its run printed:
-- {previousSource: "stored" | "computed" | null, source: "store" | "file", demo: boolean, schemeFrom: "built_in" | "file" | "stored"}.
-- Null for runs stored before it was recorded.
ALTER TABLE assessment_runs ADD COLUMN IF NOT EXISTS provenance jsonb;
