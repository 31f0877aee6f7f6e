import { type ConcentrationIndices, concentrationIndices } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { numericColumn, requireColumn, stringColumn } from "../io/index.js"
import { inputError } from "../model/errors.js"

/** Options of the concentration indices on long region–industry data (the flags of `jiju concentration`). */
export interface ConcentrationReportOptions {
  readonly region: string
  readonly industry: string
  readonly value: string
  /** Plant-level Herfindahl H per industry (0 ≤ H < 1) for Ellison–Glaeser γ; default 0. */
  readonly plantH?: Readonly<Record<string, number>> | undefined
}

/**
 * LQ, HHI, Ellison–Glaeser, Krugman and spatial Gini of long region–industry data (totals are sums over the data).
 * Throws InputError "unknown_column", "not_numeric", or "bad_plant_h" when plantH names an industry not in the data.
 * @example concentrationAnalysis(table, { region: "city", industry: "sector", value: "jobs" }).hhi
 */
export const concentrationAnalysis = (table: DataTable, options: ConcentrationReportOptions): ConcentrationIndices => {
  for (const c of [options.region, options.industry, options.value]) requireColumn(table, c)
  const regions = stringColumn(table, options.region)
  const industries = stringColumn(table, options.industry)
  const values = numericColumn(table, options.value)
  const records = regions.map((region, k) => ({ region, industry: industries[k]!, value: values[k]! }))
  const plantH = options.plantH
  if (plantH) {
    const known = new Set(industries)
    const unknown = Object.keys(plantH).filter((k) => !known.has(k))
    if (unknown.length > 0)
      throw inputError(
        "bad_plant_h",
        `--plant-h names industries not in the data: ${unknown.join(", ")}; available: ${[...known].join(", ")}`,
        `plantH 中的产业不在数据中：${unknown.join("、")}；可选：${[...known].join("、")}`,
        { column: "plantH", value: unknown.join(", ") },
      )
  }
  return concentrationIndices(records, plantH ? { plantHerfindahl: plantH } : {})
}

/**
 * The JSON document of the concentration indices (what `jiju concentration --json` prints).
 * @example concentrationDocument(concentrationAnalysis(table, { region: "city", industry: "ind", value: "emp" })).hhi
 */
export const concentrationDocument = (r: ConcentrationIndices) => ({
  lq: r.lq,
  hhi: r.hhi,
  ellison_glaeser: r.ellison_glaeser,
  krugman: r.krugman,
  gini: r.gini,
  krugman_concentration: r.krugman_concentration,
  gini_specialisation: r.gini_specialisation,
  notes: [
    {
      en: "totals are sums over the data; Ellison–Glaeser uses H = 0 for industries without --plant-h",
      zh: "总量取数据合计；未给出 --plant-h 的产业，EG 指数取 H = 0",
    },
  ],
})

/**
 * The document `jiju concentration --json` prints.
 * @example concentrationReport(table, { region: "region", industry: "industry", value: "emp" }).lq[0].lq
 */
export const concentrationReport = (table: DataTable, options: ConcentrationReportOptions) => concentrationDocument(concentrationAnalysis(table, options))
