-- The project register: zones' sub-areas with their admission rules, the enterprise register (leading firms, 500强),
-- projects entering zones with their status history and file (档案), and weekly progress reports (周汇报).
-- The rules themselves live in @jiju/domain/projects; the checks here only keep the columns well-formed.

create table zone_areas (
  cluster_id text not null references clusters (id) on delete cascade,
  code       text not null check (code ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
  name       text not null,
  name_en    text,
  -- [{min_fixed_investment, types, traits, mode, source}], as the domain's AdmissionRule (camelCase keys).
  rules      jsonb not null default '[]',
  version    integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (cluster_id, code)
);

create table firms (
  id          text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name        text not null,
  name_en     text,
  cluster_id  text references clusters (id),
  industry    text not null default '',
  size        text check (size in ('large', 'medium', 'small', 'micro')),
  fortune500  jsonb,
  -- 培龙育鹰 list memberships: [{list, year, criteria, source}].
  memberships jsonb not null default '[]',
  is_demo     boolean not null default false,
  version     integer not null default 1,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index firms_cluster on firms (cluster_id);

create table projects (
  id               text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name             text not null,
  name_en          text,
  cluster_id       text not null references clusters (id),
  area             text,
  investor         text not null,
  firm_id          text references firms (id),
  industry         text not null default '',
  type             text not null check (type in ('industrial', 'infrastructure', 'service')),
  traits           jsonb not null default '[]',
  total_investment double precision not null check (total_investment >= 0),
  fixed_investment double precision not null check (fixed_investment >= 0),
  land             double precision not null default 0 check (land >= 0),
  floor_area       double precision not null default 0 check (floor_area >= 0),
  storeys          integer check (storeys >= 1),
  contract         jsonb not null,
  location         jsonb,
  special_reason   text,
  note             text,
  -- The last step of the history, kept as a column for filters.
  status           text not null check (status in ('signed', 'land_supplied', 'started', 'in_production', 'at_capacity', 'stalled', 'land_recovered')),
  history          jsonb not null,
  documents        jsonb not null,
  admission        jsonb not null,
  is_demo          boolean not null default false,
  version          integer not null default 1,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  -- A null area passes (MATCH SIMPLE): projects not placed in a sub-area.
  foreign key (cluster_id, area) references zone_areas (cluster_id, code)
);
create index projects_cluster on projects (cluster_id);
create index projects_firm on projects (firm_id);

create table weekly_reports (
  project_id           text not null references projects (id) on delete cascade,
  week                 text not null check (week ~ '^(19|20)[0-9]{2}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
  -- The project's zone, copied so that a zone's reports are read without a join.
  cluster_id           text not null,
  investment_this_week double precision not null check (investment_this_week >= 0),
  investment_to_date   double precision not null check (investment_to_date >= 0),
  progress_percent     double precision not null check (progress_percent >= 0 and progress_percent <= 100),
  progress             text not null default '',
  problems             jsonb not null default '[]',
  note                 text,
  submitted_by         text not null,
  first_submitted_at   timestamptz not null,
  submitted_at         timestamptz not null,
  revision             integer not null default 1,
  is_demo              boolean not null default false,
  primary key (project_id, week)
);
create index weekly_reports_cluster on weekly_reports (cluster_id, week);
