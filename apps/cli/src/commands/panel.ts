import {
  type PanelFit,
  type PanelFrame,
  type PanelModel,
  panelAnalysis,
  panelDocument,
  type SpatialPanelErrorFit,
  type SpatialPanelLagFit,
  type WithinEffects,
} from "@jiju/domain"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { checkWeightsFlags, domainCall, readSpatialData, weightsFlagOptions, weightsSpec, weightsUsage } from "../weightsOptions.js"
import { num, pText } from "./regress.js"

const EFFECTS = ["individual", "time", "twoways"] as const
const MODELS = ["fe", "lag", "error"] as const
type Model = PanelModel

const usage = `jiju panel — 面板固定效应与空间面板 · fixed-effects panels and spatial panels

usage: jiju panel --data FILE --unit COL --period COL --formula "y ~ x1 + log(x2)"
                  [--effects individual|time|twoways] [--model fe|lag|error] [<weights>] [--json]

  --data      long table: one row per unit and period
  --unit      unit column (e.g. province); --period: period column (e.g. year)
  --formula   R-style formula (see jiju regress --help); the intercept is absorbed by the fixed effects
  --effects   individual (unit), time (period) or twoways (both; default)
  --model     fe (default): within estimator as R plm(model = "within"), with classic standard errors
              (df.residual = n − k − number of effects) and cluster-robust standard errors by unit
              (plm vcovHC(type = "sss", cluster = "group") = Stata's small-sample factor);
              lag / error: ML spatial lag / error panel with fixed effects (needs weights over the units,
              --id is taken from --unit; the panel must be balanced)

${weightsUsage}

Regressors without variation after the within transformation (e.g. constant within units under individual
effects) or collinear with others are dropped and listed ("dropped"). p-values use the t distribution with
df.residual, as plm's summary.`

const feText = (formula: string, effects: WithinEffects, pf: PanelFrame, fit: PanelFit): string => {
  const out: string[] = []
  out.push(`Fixed effects (within) panel, ${effects} effects: ${formula}`)
  out.push(
    `${fit.balanced ? "Balanced" : "Unbalanced"} panel: n = ${fit.n}, units = ${fit.units}, periods = ${fit.periods}` +
      (pf.frame.nDropped > 0 ? ` (${pf.frame.nDropped} row(s) dropped for missing values)` : ""),
  )
  out.push("")
  out.push("Coefficients:")
  out.push(
    table(
      ["", "Estimate", "Std. Error", "t value", "Pr(>|t|)", "Cluster s.e.", "Pr(>|t|) cl."],
      fit.coefficients.map((c) => [c.name, num(c.estimate), num(c.se), num(c.t, 4), pText(c.p), num(c.clusterSe), pText(c.clusterP)]),
    ),
  )
  out.push("Signif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1")
  out.push(`Residual sum of squares: ${num(fit.rss)} on ${fit.dfResidual} degrees of freedom`)
  out.push(`Within R-squared: ${num(fit.r2Within, 5)}`)
  out.push('Cluster-robust s.e. by unit, small-sample factor G/(G−1)·(n−1)/(n−k) (plm vcovHC type "sss").')
  for (const d of fit.dropped) out.push(`Dropped 已剔除 ${d.name}: ${d.reason.en} / ${d.reason.zh}`)
  return `${out.join("\n")}\n`
}

const spatialText = (formula: string, effects: WithinEffects, fit: SpatialPanelLagFit | SpatialPanelErrorFit): string => {
  const out: string[] = []
  out.push(`Spatial ${fit.model} panel (ML), ${effects} fixed effects: ${formula}`)
  out.push(`n = ${fit.n}, units = ${fit.units}, periods = ${fit.periods}`)
  out.push("")
  out.push(
    table(
      ["", "Estimate", "Std. Error", "z value", "Pr(>|z|)"],
      Object.entries(fit.coefficients).map(([name, c]) => [name, num(c.estimate), num(c.se), num(c.z, 4), pText(c.p)]),
    ),
  )
  const par = fit.model === "lag" ? fit.rho : fit.lambda
  out.push(`${fit.model === "lag" ? "Rho" : "Lambda"}: ${num(par.estimate)}, s.e.: ${num(par.se)}, z: ${num(par.z, 4)}, p-value: ${pText(par.p)}`)
  out.push(`LR test: ${num(fit.lr.statistic)}, p-value: ${pText(fit.lr.p)}`)
  out.push(`Log likelihood: ${num(fit.logLik, 7)}, sigma squared: ${num(fit.sigma2)}, AIC: ${num(fit.aic, 7)}`)
  return `${out.join("\n")}\n`
}

/** `jiju panel`: fixed-effects panel regression (within), or spatial lag / error panels. */
export const panelCommand: Command = {
  name: "panel",
  summary: { zh: "面板固定效应与空间面板模型", en: "fixed-effects panel and spatial panel models" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      ...weightsFlagOptions,
      data: { type: "string" },
      unit: { type: "string" },
      period: { type: "string" },
      formula: { type: "string" },
      effects: { type: "string" },
      model: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const unitCol = required(f.unit, "unit")
    const periodCol = required(f.period, "period")
    const formula = required(f.formula, "formula")
    const effects = (f.effects ?? "twoways") as WithinEffects
    if (!EFFECTS.includes(effects)) throw new CliError("usage", `--effects expects individual, time or twoways, got "${f.effects}"`, 2)
    const model = (f.model ?? "fe") as Model
    if (!MODELS.includes(model)) throw new CliError("usage", `--model expects fe, lag or error, got "${f.model}"`, 2)
    if (model !== "fe") {
      if (f.id !== undefined && f.id !== unitCol) throw new CliError("usage", "--id is not used by jiju panel: the weights are matched to the --unit column", 2)
      checkWeightsFlags(f)
    }
    const data = await readSpatialData(dataPath, io)
    const weights = model === "fe" ? undefined : await weightsSpec(f, io)
    const a = domainCall(() => panelAnalysis(data, { unit: unitCol, period: periodCol, formula, effects, model, weights }))
    if (!f.json) {
      io.stdout.write(a.model === "fe" ? feText(formula, effects, a.frame, a.fit) : spatialText(formula, effects, a.fit))
      return 0
    }
    printJson(io, panelDocument(a))
    return 0
  },
}
