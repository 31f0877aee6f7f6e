import { concentrationIndices } from "@jiju/domain/econometrics"
import { numericColumn, requireColumn, stringColumn } from "@jiju/domain/io"
import { Schema } from "effect"
import { ApiProblem } from "../http/problem.js"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/concentration (the flags of `jiju concentration`). */
export const ConcentrationRequest = Schema.Struct({
  ...DataInput,
  region: Schema.String,
  industry: Schema.String,
  value: Schema.String,
  /** Plant-level Herfindahl H per industry (0 ≤ H < 1), as `--plant-h`. */
  plantH: Schema.optional(Schema.Record(Schema.String, Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThan(1)))),
})
export type ConcentrationRequest = typeof ConcentrationRequest.Type

/** The document `jiju concentration --json` prints, for the same data and options. */
export const runConcentration = (req: ConcentrationRequest) => {
  const data = tableOf(req)
  for (const c of [req.region, req.industry, req.value]) requireColumn(data, c)
  const regions = stringColumn(data, req.region)
  const industries = stringColumn(data, req.industry)
  const values = numericColumn(data, req.value)
  const records = regions.map((region, k) => ({ region, industry: industries[k]!, value: values[k]! }))
  if (req.plantH) {
    const known = new Set(industries)
    const unknown = Object.keys(req.plantH).filter((k) => !known.has(k))
    if (unknown.length > 0)
      throw new ApiProblem(422, "bad_plant_h", {
        en: `plantH names industries not in the data: ${unknown.join(", ")}; available: ${[...known].join(", ")}`,
        zh: `plantH 中的产业不在数据中：${unknown.join("、")}；可选：${[...known].join("、")}`,
      }, [{ field: "plantH", en: `unknown: ${unknown.join(", ")}`, zh: `未知：${unknown.join("、")}` }])
  }
  const r = concentrationIndices(records, req.plantH ? { plantHerfindahl: req.plantH } : {})
  return {
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
  }
}
