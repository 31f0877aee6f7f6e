-- The project register's rule sources take the shape of every other rule of Jiju (@jiju/domain/model RuleSource:
-- kind document | practice | default | commission, document, section, quote, note), keeping their one-line
-- `reference`. Rows written in the register's first shape (kind document | local | default, reference, quote) are
-- rewritten: "seed NNN section" becomes the source document's file and section, a zone's own regulation ("local")
-- the commission's configuration, a default Jiju's default with its text as the note. The domain reads both shapes
-- the same way (fromLegacySource), so a row this misses still reads alike.

create function jiju_rule_source_0610(s jsonb) returns jsonb language sql immutable as $$
  select case
    when s is null or jsonb_typeof(s) <> 'object' or s ? 'section' then s
    when s->>'kind' = 'document' and (s->>'reference') ~ '^seed 00[0-4] .' then jsonb_build_object(
      'kind', 'document',
      'document', case substring(s->>'reference' from '^seed (00[0-4]) ')
        when '000' then '000_16ad9c9629b227c4.txt'
        when '001' then '001_810bd646562a92fe.txt'
        when '002' then '002_5346310891de6d1c.txt'
        when '003' then '003_7586426ca355d17b.txt'
        else '004_b718be197b9f8d5d.txt' end,
      'section', substring(s->>'reference' from '^seed 00[0-4] (.+)$'),
      'quote', coalesce(s->'quote', 'null'::jsonb),
      'note', 'null'::jsonb,
      'reference', s->'reference')
    when s->>'kind' = 'document' then jsonb_build_object(
      'kind', 'document', 'document', s->'reference', 'section', 'null'::jsonb,
      'quote', coalesce(s->'quote', 'null'::jsonb), 'note', 'null'::jsonb, 'reference', s->'reference')
    when s->>'kind' = 'local' then jsonb_build_object(
      'kind', 'commission', 'document', 'null'::jsonb, 'section', 'null'::jsonb,
      'quote', coalesce(s->'quote', 'null'::jsonb),
      'note', jsonb_build_object('zh', s->'reference', 'en', s->'reference'),
      'reference', s->'reference')
    else jsonb_build_object(
      'kind', 'default', 'document', 'null'::jsonb, 'section', 'null'::jsonb,
      'quote', coalesce(s->'quote', 'null'::jsonb),
      'note', jsonb_build_object(
        'zh', regexp_replace(s->>'reference', '^Jiju default: ', ''),
        'en', regexp_replace(s->>'reference', '^Jiju default: ', '')),
      'reference', s->'reference')
  end
$$;

-- Each element's `source`, in the array's order.
create function jiju_rule_sources_0610(items jsonb) returns jsonb language sql immutable as $$
  select coalesce(
    (select jsonb_agg(case when e ? 'source' then jsonb_set(e, '{source}', jiju_rule_source_0610(e->'source')) else e end order by i)
       from jsonb_array_elements(items) with ordinality as x(e, i)),
    '[]'::jsonb)
$$;

update zone_areas set rules = jiju_rule_sources_0610(rules) where jsonb_typeof(rules) = 'array' and jsonb_array_length(rules) > 0;
update firms set memberships = jiju_rule_sources_0610(memberships)
 where jsonb_typeof(memberships) = 'array' and jsonb_array_length(memberships) > 0;
update projects set admission = jsonb_set(admission, '{breaches}', jiju_rule_sources_0610(admission->'breaches'))
 where jsonb_typeof(admission->'breaches') = 'array' and jsonb_array_length(admission->'breaches') > 0;

drop function jiju_rule_sources_0610(jsonb);
drop function jiju_rule_source_0610(jsonb);
