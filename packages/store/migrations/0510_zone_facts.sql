-- Dated facts about zones (an approved detailed plan, a management body, public-service capacity, trunk roads …):
-- what certification, sanctions and targets read besides the indicator values. A fact holds from as_of until a later
-- accepted record of the same zone and fact; a zone committee's proposal waits for an admin's decision.
CREATE TABLE IF NOT EXISTS zone_facts (
  id            text PRIMARY KEY,
  cluster_id    text NOT NULL REFERENCES clusters (id),
  fact          text NOT NULL CHECK (fact ~ '^[a-z][a-z0-9_]{0,63}$'),
  value         jsonb NOT NULL CHECK (jsonb_typeof(value) IN ('boolean', 'number', 'string')),
  as_of         date NOT NULL,
  evidence      text,
  status        text NOT NULL CHECK (status IN ('accepted', 'proposed', 'rejected')),
  recorded_by   text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  decided_by    text,
  decided_at    timestamptz,
  decision_note text,
  is_demo       boolean NOT NULL DEFAULT false
);
-- One accepted value per zone, fact and day: recording it again replaces it (the audit keeps the old one).
CREATE UNIQUE INDEX IF NOT EXISTS zone_facts_accepted ON zone_facts (cluster_id, fact, as_of) WHERE status = 'accepted';
CREATE INDEX IF NOT EXISTS zone_facts_proposed ON zone_facts (recorded_at) WHERE status = 'proposed';

-- The commission's supervision decisions (seed 002 篇8: 现场督导, 黄牌警告, 典型推广, 典型交流), each with its reason,
-- and the monthly reports of an on-site supervision.
CREATE TABLE IF NOT EXISTS supervision_decisions (
  id          text PRIMARY KEY,
  cluster_id  text NOT NULL REFERENCES clusters (id),
  period      text NOT NULL CHECK (period ~ '^(19|20)[0-9]{2}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?$'),
  measure     text NOT NULL CHECK (measure IN ('on_site_supervision', 'yellow_card', 'model_zone', 'model_exchange')),
  reason_zh   text NOT NULL,
  reason_en   text NOT NULL DEFAULT '',
  -- The ranking the decision rests on (scheme, period, run), when one was cited.
  evidence    jsonb,
  decided_by  text NOT NULL,
  decided_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz,
  is_demo     boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS supervision_decisions_period ON supervision_decisions (period, measure);

CREATE TABLE IF NOT EXISTS supervision_reports (
  id           text PRIMARY KEY,
  decision_id  text NOT NULL REFERENCES supervision_decisions (id) ON DELETE CASCADE,
  month        text NOT NULL CHECK (month ~ '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$'),
  text_zh      text NOT NULL,
  text_en      text NOT NULL DEFAULT '',
  reported_by  text NOT NULL,
  reported_at  timestamptz NOT NULL DEFAULT now(),
  is_demo      boolean NOT NULL DEFAULT false,
  UNIQUE (decision_id, month)
);
