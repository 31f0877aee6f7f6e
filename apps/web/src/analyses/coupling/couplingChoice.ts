/** What a coupling analysis is asked with. */
export interface CouplingChoice {
  readonly period: string
  readonly a: ReadonlyArray<string>
  readonly b: ReadonlyArray<string>
  readonly weighting: "entropy" | "equal"
  readonly normalise: "minmax" | "shifted"
  /** α1, α2 as typed. */
  readonly alpha: readonly [string, string]
}

/** The choice the page opens with: last year, scale against innovation and green development, equal α. */
export const defaultCouplingChoice = (): CouplingChoice => ({
  period: String(new Date().getFullYear() - 1),
  a: ["revenue", "fixed_investment", "tax_total"],
  b: ["patents_granted", "high_tech_firms", "sewage_treatment_rate", "energy_per_value_added"],
  weighting: "entropy",
  normalise: "minmax",
  alpha: ["0.5", "0.5"],
})
