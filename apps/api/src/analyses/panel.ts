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
  model: Schema.optional(Schema.Literals(["fe", "lag", "error"])),
  weights: Schema.optional(WeightsSpec),
})
export type PanelRequest = typeof PanelRequest.Type

/** The document `jiju panel --json` prints, for the same data, formula, effects, model and weights. */
export const runPanel = (req: PanelRequest) => {
  const model = req.model ?? "fe"
  if (model !== "fe" && !req.weights)
    throw new ApiProblem(422, "missing_weights", { en: `model ${model} needs spatial weights`, zh: `${model} 模型需要空间权重` }, [
      { field: "weights", en: "required for lag and error panels", zh: "空间滞后与空间误差面板必填" },
    ])
  const weights = model !== "fe" && req.weights ? weightsSpecOf(req.weights) : undefined
  return panelReport(tableOf(req), { unit: req.unit, period: req.period, formula: req.formula, effects: req.effects, model, weights })
}
