/** Indicators the analyses offer: the zones' scale, investment, innovation, structure and green development. */
export const ANALYSIS_INDICATORS = [
  "revenue",
  "industrial_value_added",
  "fixed_investment",
  "tax_total",
  "employment",
  "firms",
  "large_firms",
  "investment_intensity",
  "high_tech_firms",
  "patents_granted",
  "leading_industry_share",
  "local_supply_ratio",
  "energy_per_value_added",
  "sewage_treatment_rate",
]
