-- Accounts, sessions, API tokens, background jobs and stored assessment runs (the HTTP API's tables).
-- Writes are audited in audit_log (0001). Numbered after the register's migrations.

CREATE TABLE IF NOT EXISTS app_users (
  id              text PRIMARY KEY,
  name            text NOT NULL UNIQUE,
  role            text NOT NULL CHECK (role IN ('admin', 'submitter', 'viewer')),
  -- A submitter may write only the clusters listed here.
  cluster_ids     jsonb NOT NULL DEFAULT '[]',
  -- scrypt$N$r$p$salt$hash (base64); per-user salt.
  password_hash   text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  is_demo         boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  disabled_at     timestamptz
);

CREATE TABLE IF NOT EXISTS app_sessions (
  -- sha256 of the cookie value; the value itself is never stored.
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS app_sessions_user ON app_sessions (user_id);

CREATE TABLE IF NOT EXISTS app_tokens (
  id           text PRIMARY KEY,
  -- sha256 of the bearer token; the token is shown once at creation.
  token_hash   text NOT NULL UNIQUE,
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('admin', 'submitter', 'viewer')),
  cluster_ids  jsonb NOT NULL DEFAULT '[]',
  user_id      text REFERENCES app_users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

CREATE TABLE IF NOT EXISTS jobs (
  id           text PRIMARY KEY,
  kind         text NOT NULL,
  status       text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  input        jsonb NOT NULL,
  progress     double precision NOT NULL DEFAULT 0,
  result       jsonb,
  error        jsonb,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  started_at   timestamptz,
  finished_at  timestamptz,
  -- Which API process took the job (several may share one PostgreSQL).
  claimed_by   text,
  attempts     integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS jobs_queued ON jobs (created_at) WHERE status = 'queued';

CREATE TABLE IF NOT EXISTS assessment_runs (
  id          text PRIMARY KEY,
  scheme      text NOT NULL,
  period      text NOT NULL,
  published   boolean NOT NULL DEFAULT false,
  result      jsonb NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS assessment_runs_scheme_period ON assessment_runs (scheme, period, created_at DESC);
