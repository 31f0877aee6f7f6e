-- Jiju store, version 1: the register (regions, clusters, indicators), observations and audit trails.
-- Runs unchanged on PGlite (PostgreSQL 17+) and PostgreSQL 15+.

create table regions (
  code        text primary key check (code ~ '^[1-9][0-9]{5}$'),
  name        text not null,
  name_en     text,
  level       text not null check (level in ('province', 'prefecture', 'county')),
  parent      text references regions (code),
  macro_zone  text not null check (macro_zone in ('east', 'central', 'west', 'northeast')),
  is_district boolean not null default false
);
create index regions_parent on regions (parent);

create table indicators (
  code           text primary key check (code ~ '^[a-z][a-z0-9_]{0,63}$'),
  zh             text not null,
  en             text not null,
  unit           text not null default '',
  unit_en        text not null default '',
  direction      text not null check (direction in ('positive', 'negative')),
  subsystem      text not null,
  frequency      text not null check (frequency in ('year', 'quarter', 'month')),
  allow_negative boolean not null default false,
  description    text
);

create table clusters (
  id                          text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name                        text not null,
  name_en                     text,
  kind                        text not null,
  form                        text,
  level                       text not null,
  ranking_group               text not null check (ranking_group in ('urban_district', 'county')),
  region                      text not null references regions (code),
  planned_area                double precision not null check (planned_area > 0),
  established                 text,
  leading_industries          jsonb not null default '[]',
  leading_industry_indicators jsonb,
  management_body             text,
  planning                    jsonb not null default '[]',
  infrastructure              jsonb not null,
  standard_factory_area       double precision not null default 0,
  financing                   jsonb not null,
  is_demo                     boolean not null default false,
  -- Optimistic concurrency: an update names the version it read.
  version                     integer not null default 1,
  created_at                  timestamptz not null default now(),
  updated_at                  timestamptz not null default now(),
  archived_at                 timestamptz
);
create index clusters_region on clusters (region);

-- One value per (target, period, indicator); a target is a cluster or a region.
-- Bulk loads (demo data, restore) write ~50,000 rows at once: one foreign key (indicator) and one secondary index
-- keep that fast; targets are checked by the code that writes them (import validation, API).
create table observations (
  target_kind  text not null check (target_kind in ('cluster', 'region')),
  target_id    text not null,
  period       text not null check (period ~ '^(19|20)[0-9]{2}(Q[1-4]|-(0[1-9]|1[0-2]))?$'),
  indicator    text not null references indicators (code),
  value        double precision not null,
  source       text not null default '',
  submitter    text not null default '',
  submitted_at timestamptz not null default now(),
  note         text,
  is_demo      boolean not null default false,
  primary key (target_kind, target_id, period, indicator)
);
-- A period for all clusters (assessments, matrices).
create index observations_period on observations (period, indicator);

-- Every accepted import file.
create table imports (
  id          bigint generated always as identity primary key,
  file_name   text not null,
  format      text not null,
  rows        integer not null,
  imported_by text not null default '',
  imported_at timestamptz not null default now(),
  checksum    text
);

-- Who changed what: before and after images of register entries.
create table audit_log (
  id        bigint generated always as identity primary key,
  actor     text not null default '',
  at        timestamptz not null default now(),
  entity    text not null,
  entity_id text not null,
  action    text not null,
  before    jsonb,
  after     jsonb
);
create index audit_log_entity on audit_log (entity, entity_id);
