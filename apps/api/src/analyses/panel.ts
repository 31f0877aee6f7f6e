import { panelReport } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { ApiProblem } from "../http/problem.js"
import { WeightsSpec, weightsSpecOf } from "./spatial.js"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/panel (the flags of `jiju panel`); the weights are matched to the unit column. */
export const PanelRequest = Schema.Struct({
  ...DataInput,
  unit: Schema.String,
  period: Schema.String,
  /** R-style formula, e.g. "inv ~ value + capital"; the fixed effects absorb the intercept. */
  formula: Schema.String,
  effects: Schema.optional(Schema.Literals(["individual", "time", "twoways"])),
  model: Schema.optional(Schema.Literals(["fe", "re", "lag", "error", "durbin"])),
  /** Required by lag, error and durbin; with fe it adds the LM diagnostics and the LR tests of the effects. */
  weights: Schema.optional(WeightsSpec),
  durbin: Schema.optional(Schema.Array(Schema.String)),
  bias_correction: Schema.optional(Schema.Literals(["none", "lee-yu"])),
  variance: Schema.optional(Schema.Literals(["auto", "information", "hessian"])),
  impacts_se: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(2), Schema.isLessThanOrEqualTo(1_000_000))),
  seed: Schema.optional(Schema.Int),
  /** Run the model per group of this column and compare the groups. */
  by: Schema.optional(Schema.String),
})
export type PanelRequest = typeof PanelRequest.Type

/** The document `jiju panel --json` prints, for the same data, formula, effects, model and weights. */
export const runPanel = (req: PanelRequest) => {
  const model = req.model ?? "fe"
  if ((model === "lag" || model === "error" || model === "durbin") && !req.weights)
    throw new ApiProblem(422, "missing_weights", { en: `model ${model} needs spatial weights`, zh: `${model} 模型需要空间权重` }, [
      { field: "weights", en: "required for lag, error and durbin panels", zh: "空间滞后、空间误差与空间杜宾面板必填" },
    ])
  const weights = model !== "re" && req.weights ? weightsSpecOf(req.weights) : undefined
  return panelReport(tableOf(req), {
    unit: req.unit,
    period: req.period,
    formula: req.formula,
    effects: req.effects,
    model,
    weights,
    durbin: req.durbin,
    biasCorrection: req.bias_correction,
    variance: req.variance,
    impactsSe: req.impacts_se === undefined ? undefined : { draws: req.impacts_se, seed: req.seed ?? 1 },
    by: req.by,
  })
}
