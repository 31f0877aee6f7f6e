-- Sign-in failures per (name, address) instead of per account: an attacker elsewhere can no longer lock the admin
-- out, and unknown names are counted like known ones (no enumeration by answer). Tokens may expire.

CREATE TABLE IF NOT EXISTS sign_in_failures (
  name           text NOT NULL,
  address        text NOT NULL,
  failures       integer NOT NULL DEFAULT 0,
  blocked_until  timestamptz,
  last_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, address)
);
CREATE INDEX IF NOT EXISTS sign_in_failures_last ON sign_in_failures (last_at);

ALTER TABLE app_tokens ADD COLUMN IF NOT EXISTS expires_at timestamptz;
CREATE INDEX IF NOT EXISTS app_sessions_expires ON app_sessions (expires_at);

-- The account-wide lock is gone (see sign_in_failures).
ALTER TABLE app_users DROP COLUMN IF EXISTS failed_attempts;
ALTER TABLE app_users DROP COLUMN IF EXISTS locked_until;
