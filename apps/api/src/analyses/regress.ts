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
  model: Schema.optional(Schema.Literals(["ols", "lag", "error", "slx", "durbin", "sdem", "sac"])),
  alpha: Schema.optional(Schema.Finite.check(Schema.isGreaterThan(0), Schema.isLessThan(1))),
  weights: Schema.optional(WeightsSpec),
  /** slx, durbin, sdem: regressors whose spatial lags enter (default all but the intercept). */
  durbin: Schema.optional(Schema.Array(Schema.String)),
  variance: Schema.optional(Schema.Literals(["auto", "information", "hessian"])),
  /** lag, durbin, sac: simulated impact standard errors from this many draws (`--impacts-se N`). */
  impacts_se: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(2), Schema.isLessThanOrEqualTo(1_000_000))),
  seed: Schema.optional(Schema.Int),
})
export type RegressRequest = typeof RegressRequest.Type

/** The document `jiju regress --json` prints, for the same data, formula, model and weights. */
export const runRegress = (req: RegressRequest) => {
  const model = req.model ?? "ols"
  if (model !== "ols" && !req.weights)
    throw new ApiProblem(422, "missing_weights", { en: `model ${model} needs spatial weights`, zh: `${model} 模型需要空间权重` }, [
      { field: "weights", en: "required for the spatial models", zh: "空间模型必填" },
    ])
  const weights = req.weights ? weightsSpecOf(req.weights) : undefined
  const impactsSe = req.impacts_se === undefined ? undefined : { draws: req.impacts_se, seed: req.seed ?? 1 }
  return regressReport(tableOf(req), {
    formula: req.formula,
    model,
    alpha: req.alpha,
    id: req.id,
    weights,
    durbin: req.durbin,
    variance: req.variance,
    impactsSe,
  })
}
