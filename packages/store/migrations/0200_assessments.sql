-- Assessment schemes and per-zone results. Runs themselves live in assessment_runs (0100): scheme id, period,
-- run time (created_at), the full result (jsonb) and the published flag. This adds what the CLI and history
-- queries need: stored scheme definitions, the stability analysis of a run, and one row per zone and run.

-- Schemes read from files, kept so a stored run can always be traced to the exact definition it used.
CREATE TABLE IF NOT EXISTS assessment_schemes (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name        text NOT NULL,
  name_en     text NOT NULL,
  definition  jsonb NOT NULL,
  -- md5 of the definition's JSON text: a run names the version it used.
  checksum    text NOT NULL,
  created_by  text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE assessment_runs ADD COLUMN IF NOT EXISTS scheme_checksum text;
ALTER TABLE assessment_runs ADD COLUMN IF NOT EXISTS stability jsonb;

-- One row per zone and run: a zone's history is a scan of this narrow table, not of every result document.
-- No foreign key to clusters: results outlive archived or re-imported register entries.
CREATE TABLE IF NOT EXISTS assessment_cluster_results (
  run_id         text NOT NULL REFERENCES assessment_runs (id) ON DELETE CASCADE,
  cluster_id     text NOT NULL,
  scheme         text NOT NULL,
  period         text NOT NULL,
  ranking_group  text NOT NULL CHECK (ranking_group IN ('urban_district', 'county')),
  status         text NOT NULL CHECK (status IN ('ranked', 'vetoed', 'excluded')),
  score          double precision,
  rank           integer,
  rank_change    integer,
  reward         boolean NOT NULL DEFAULT false,
  stars          integer,
  star_movement  text,
  PRIMARY KEY (run_id, cluster_id)
);
CREATE INDEX IF NOT EXISTS assessment_cluster_results_history ON assessment_cluster_results (scheme, cluster_id, period);
