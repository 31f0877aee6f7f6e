import { regressReport } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { ApiProblem } from "../http/problem.js"
import { WeightsSpec, weightsSpecOf } from "./spatial.js"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/regress (the flags of `jiju regress`). */
export const RegressRequest = Schema.Struct({
  ...DataInput,
  id: Schema.optional(Schema.String),
  /** R-style formula, e.g. "log(y) ~ a + log(b)". */
  formula: Schema.String,
  model: Schema.optional(Schema.Literals(["ols", "lag", "error"])),
  alpha: Schema.optional(Schema.Finite.check(Schema.isGreaterThan(0), Schema.isLessThan(1))),
  weights: Schema.optional(WeightsSpec),
})
export type RegressRequest = typeof RegressRequest.Type

/** The document `jiju regress --json` prints, for the same data, formula, model and weights. */
export const runRegress = (req: RegressRequest) => {
  const model = req.model ?? "ols"
  if (model !== "ols" && !req.weights)
    throw new ApiProblem(422, "missing_weights", { en: `model ${model} needs spatial weights`, zh: `${model} 模型需要空间权重` }, [
      { field: "weights", en: "required for lag and error models", zh: "空间滞后与空间误差模型必填" },
    ])
  const weights = req.weights ? weightsSpecOf(req.weights) : undefined
  return regressReport(tableOf(req), { formula: req.formula, model, alpha: req.alpha, id: req.id, weights })
}
