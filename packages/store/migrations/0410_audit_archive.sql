-- A restore that replaces a store (restore --force) never deletes its audit trail: the entries move here, with when
-- they were set aside. Not part of exports (an archive belongs to the store it was made in).
CREATE TABLE IF NOT EXISTS audit_log_archive (
  id          bigint NOT NULL,
  actor       text NOT NULL,
  at          timestamptz NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  action      text NOT NULL,
  before      jsonb,
  after       jsonb,
  archived_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS audit_log_archive_entity ON audit_log_archive (entity, entity_id);
