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

-- Every writer of assessment_runs (the CLI, the API) gets the per-zone rows: they are derived from the stored
-- result document on insert, so no writer can forget them.
CREATE OR REPLACE FUNCTION assessment_cluster_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO assessment_cluster_results
    (run_id, cluster_id, scheme, period, ranking_group, status, score, rank, rank_change, reward, stars, star_movement)
  SELECT NEW.id, c->>'clusterId', NEW.scheme, NEW.period, c->>'group', c->>'status', (c->>'score')::double precision,
         (c->>'rank')::integer, (c->>'rankChange')::integer, coalesce((c->>'reward')::boolean, false),
         (c->'stars'->>'stars')::integer, c->'stars'->>'movement'
    FROM jsonb_array_elements(coalesce(NEW.result->'clusters', '[]'::jsonb)) AS c
  ON CONFLICT (run_id, cluster_id) DO NOTHING;
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS assessment_runs_cluster_rows ON assessment_runs;
CREATE TRIGGER assessment_runs_cluster_rows AFTER INSERT ON assessment_runs
  FOR EACH ROW EXECUTE FUNCTION assessment_cluster_rows();

-- Runs stored before this migration.
INSERT INTO assessment_cluster_results
  (run_id, cluster_id, scheme, period, ranking_group, status, score, rank, rank_change, reward, stars, star_movement)
SELECT r.id, c->>'clusterId', r.scheme, r.period, c->>'group', c->>'status', (c->>'score')::double precision,
       (c->>'rank')::integer, (c->>'rankChange')::integer, coalesce((c->>'reward')::boolean, false),
       (c->'stars'->>'stars')::integer, c->'stars'->>'movement'
  FROM assessment_runs r, jsonb_array_elements(coalesce(r.result->'clusters', '[]'::jsonb)) AS c
ON CONFLICT (run_id, cluster_id) DO NOTHING;
