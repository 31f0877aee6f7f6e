-- Idempotency-Key on submissions and imports: a client that lost the connection sends the same request with the
-- same key and gets the first answer back, with nothing written twice. The key row is written in the same
-- transaction as the data it answers for, so it exists exactly when the write committed. Keys are per actor and
-- forgotten after a day.

create table if not exists idempotency_keys (
  actor         text not null,
  key           text not null,
  operation     text not null,
  -- sha256 of the request (operation, path parameters, body): the same key with another request is refused.
  request_hash  text not null,
  response      jsonb not null,
  created_at    timestamptz not null default now(),
  primary key (actor, key)
);
create index if not exists idempotency_keys_created on idempotency_keys (created_at);

-- jiju_submit_many (0300) with items that may carry {key, hash}: an item whose key this actor already used comes
-- back 'replayed' and writes nothing; a written item records its key with its receipt.
create or replace function jiju_submit_many(p_items jsonb)
returns table (ord integer, outcome text, existing jsonb, written integer)
language plpgsql as $$
#variable_conflict use_column
begin
  -- Lock the clusters first, in id order (one order for every process). The statement below then takes
  -- its snapshot after any submission it waited for has committed, so the duplicate check and the
  -- audit's before-images are exact.
  perform 1 from clusters c
   where c.id in (select e.value ->> 'cluster' from jsonb_array_elements(p_items) as e)
   order by c.id
     for update;
  return query
  with items as (
    select e.ordinality::integer as ord, e.value ->> 'cluster' as cluster, e.value ->> 'period' as period,
           e.value -> 'values' as vals, e.value ->> 'source' as source, e.value ->> 'submitter' as submitter,
           (e.value ->> 'at')::timestamptz as at, e.value ->> 'note' as note, (e.value ->> 'replace')::boolean as replace,
           e.value ->> 'key' as idem_key, e.value ->> 'hash' as idem_hash, e.value ->> 'at' as at_text
      from jsonb_array_elements(p_items) with ordinality as e
  ), kv as (
    select i.ord, v.key as indicator, (v.value #>> '{}')::double precision as value
      from items i, jsonb_each(i.vals) as v
  ), looked_up as (
    -- Scalar subqueries: one index look-up per item (a join would scan the tables, since the planner
    -- cannot count the rows of the JSON).
    select i.ord, i.replace,
           (select cl.archived_at is not null from clusters cl where cl.id = i.cluster) as archived,
           (i.idem_key is not null and exists (select 1 from idempotency_keys k where k.actor = i.submitter and k.key = i.idem_key)) as seen,
           (select jsonb_object_agg(x.indicator, x.value) from observations x
             where x.target_kind = 'cluster' and x.target_id = i.cluster and x.period = i.period and i.vals ? x.indicator) as before
      from items i
  ), verdict as (
    select l.ord,
           case when l.seen then 'replayed'
                when l.archived is null then 'unknown_cluster'
                when l.archived then 'archived'
                when l.before is not null and not l.replace then 'duplicate'
                else 'written' end as outcome,
           l.before
      from looked_up l
  ), ins as (
    insert into observations as o (target_kind, target_id, period, indicator, value, source, submitter, submitted_at, note, is_demo)
    select 'cluster', i.cluster, i.period, kv.indicator, kv.value, i.source, i.submitter, i.at, i.note, false
      from kv
      join items i on i.ord = kv.ord
      join verdict v on v.ord = kv.ord
     where v.outcome = 'written'
    on conflict (target_kind, target_id, period, indicator) do update
       set value = excluded.value, source = excluded.source, submitter = excluded.submitter,
           submitted_at = excluded.submitted_at, note = excluded.note, is_demo = false
    returning 1
  ), aud as (
    insert into audit_log (actor, entity, entity_id, action, before, after)
    select i.submitter, 'observations', i.cluster || '/' || i.period,
           case when i.replace then 'replace' else 'submit' end, v.before, i.vals
      from items i
      join verdict v on v.ord = i.ord
     where v.outcome = 'written'
     order by i.ord
  ), idem as (
    insert into idempotency_keys (actor, key, operation, request_hash, response)
    select i.submitter, i.idem_key, case when i.replace then 'correctPeriod' else 'submitPeriod' end, i.idem_hash,
           jsonb_build_object('cluster', i.cluster, 'period', i.period,
                              'written', (select count(*)::integer from kv where kv.ord = i.ord), 'submittedAt', i.at_text)
      from items i
      join verdict v on v.ord = i.ord
     where v.outcome = 'written' and i.idem_key is not null
    on conflict (actor, key) do nothing
  )
  select v.ord, v.outcome, v.before,
         case when v.outcome = 'written' then (select count(*)::integer from kv where kv.ord = v.ord) else 0 end
    from verdict v
   order by v.ord;
end
$$;
