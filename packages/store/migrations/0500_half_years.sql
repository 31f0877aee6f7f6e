-- Half-year periods ("2025H1", "2025H2"): the province's half-year report ranks every zone on single indicators
-- (seed 002 篇8). The period grammar of model/Period.ts, spelled once more for the table's check.
ALTER TABLE observations DROP CONSTRAINT IF EXISTS observations_period_check;
ALTER TABLE observations ADD CONSTRAINT observations_period_check
  CHECK (period ~ '^(19|20)[0-9]{2}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?$');
ALTER TABLE indicators DROP CONSTRAINT IF EXISTS indicators_frequency_check;
ALTER TABLE indicators ADD CONSTRAINT indicators_frequency_check CHECK (frequency IN ('year', 'half', 'quarter', 'month'));

-- 区外配套企业占比 is the share of the cluster's suppliers located outside the zone (seed 003: outside firms make
-- for the cluster or supply it), not of firms supplying outside it; stores made earlier carry the old label.
UPDATE indicators SET en = 'Share of suppliers located outside the zone'
 WHERE code = 'outside_supply_share' AND en = 'Share of firms supplying outside the zone';
