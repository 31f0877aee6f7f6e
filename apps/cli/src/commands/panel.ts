import {
  PANEL_MODELS,
  type PanelAnalysis,
  type PanelFit,
  type PanelFrame,
  type PanelModel,
  type PanelReportOptions,
  panelAnalysis,
  panelByAnalysis,
  panelByDocument,
  panelDocument,
  type RandomEffectsFit,
  type SimulatedImpacts,
  type SpatialPanelDiagnostics,
  type SpatialPanelFit,
  type WithinEffects,
} from "@jiju/domain"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { checkWeightsFlags, domainCall, readSpatialData, weightsFlagOptions, weightsSpec, weightsUsage } from "../weightsOptions.js"
import { num, pText } from "./regress.js"

const EFFECTS = ["individual", "time", "twoways"] as const
type Model = PanelModel

const usage = `jiju panel — 面板固定效应与空间面板 · fixed-effects panels and spatial panels

usage: jiju panel --data FILE --unit COL --period COL --formula "y ~ x1 + log(x2)"
                  [--effects individual|time|twoways] [--model fe|re|lag|error|durbin] [<weights>]
                  [--durbin "x1,x2"] [--bias-correction lee-yu] [--variance information|hessian]
                  [--impacts-se N [--seed S]] [--by COL] [--json]

  --data      long table: one row per unit and period
  --unit      unit column (e.g. province); --period: period column (e.g. year)
  --formula   R-style formula (see jiju regress --help); the intercept is absorbed by the fixed effects
  --effects   individual (unit), time (period) or twoways (both; default)
  --model     fe (default): within estimator as R plm(model = "within"), with classic standard errors
              (df.residual = n − k − number of effects) and cluster-robust standard errors by unit
              (plm vcovHC(type = "sss", cluster = "group") = Stata's small-sample factor); with weights also
              Elhorst's LM tests (LMsarsem_panel) and LR tests of the unit and time effects;
              re: random effects (Swamy–Arora, plm's default), θ, and the Hausman test FE vs RE (plm phtest);
              lag / error / durbin: ML spatial lag / error / Durbin panel with fixed effects (needs weights over
              the units, --id is taken from --unit; the panel must be balanced), Elhorst's conventions: the lag
              term W·y is formed on the raw y and then demeaned; the error model demeans first and then filters
              with (I − λW) per period
  --durbin    durbin: the regressors whose spatial lags enter (default all)
  --bias-correction  lee-yu: Lee & Yu (2010) correction as Elhorst's code applies it (default: none, plain ML)
  --variance  information (default for N ≤ 1,500) or hessian (default above), as jiju regress
  --impacts-se lag, durbin: simulated impact standard errors from N draws (--seed S, default 1)
  --by        run the same model in each group of this column (constant within units, e.g. east / central /
              west) and print one table comparing the groups

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

const diagnosticsText = (d: SpatialPanelDiagnostics, out: string[]) => {
  out.push("")
  out.push("Spatial diagnostics (Elhorst LMsarsem_panel, demeaned pooled OLS residuals):")
  out.push(
    table(
      ["test", "statistic", "p-value"],
      [
        ["LM lag", num(d.lmLag.statistic), pText(d.lmLag.p)],
        ["LM error", num(d.lmError.statistic), pText(d.lmError.p)],
        ["Robust LM lag", num(d.robustLmLag.statistic), pText(d.robustLmLag.p)],
        ["Robust LM error", num(d.robustLmError.statistic), pText(d.robustLmError.p)],
        [`LR unit effects (df ${d.effectsLr.unit.df})`, num(d.effectsLr.unit.statistic), pText(d.effectsLr.unit.p)],
        [`LR time effects (df ${d.effectsLr.time.df})`, num(d.effectsLr.time.statistic), pText(d.effectsLr.time.p)],
      ],
    ),
  )
}

const reText = (formula: string, effects: WithinEffects, fit: RandomEffectsFit): string => {
  const out: string[] = []
  out.push(`Random effects (Swamy–Arora) panel, ${effects} effects: ${formula}`)
  out.push(`${fit.balanced ? "Balanced" : "Unbalanced"} panel: n = ${fit.n}, units = ${fit.units}, periods = ${fit.periods}`)
  out.push("")
  out.push(
    table(
      ["", "Estimate", "Std. Error", "z value", "Pr(>|z|)"],
      fit.coefficients.map((c) => [c.name, num(c.estimate), num(c.se), num(c.z, 4), pText(c.p)]),
    ),
  )
  const th = (v: unknown) => (typeof v === "number" ? num(v) : v === undefined ? "—" : `${num((v as { min: number }).min)}–${num((v as { max: number }).max)}`)
  out.push(
    `Variance components: idiosyncratic ${num(fit.sigma2.idios)}${fit.sigma2.id !== undefined ? `, individual ${num(fit.sigma2.id)}` : ""}${fit.sigma2.time !== undefined ? `, time ${num(fit.sigma2.time)}` : ""}`,
  )
  out.push(
    `theta: ${[fit.theta.id !== undefined ? `id ${th(fit.theta.id)}` : "", fit.theta.time !== undefined ? `time ${th(fit.theta.time)}` : "", fit.theta.total !== undefined ? `total ${th(fit.theta.total)}` : ""].filter((x) => x).join(", ")}`,
  )
  out.push(`R-squared: ${num(fit.r2, 5)}`)
  out.push(`Hausman test (FE vs RE): chisq = ${num(fit.hausman.statistic)}, df = ${fit.hausman.df}, p-value = ${pText(fit.hausman.p)}`)
  return `${out.join("\n")}\n`
}

const spatialText = (formula: string, effects: WithinEffects, fit: SpatialPanelFit, sim: SimulatedImpacts | undefined): string => {
  const out: string[] = []
  const title = fit.model === "durbin" ? "Spatial Durbin" : `Spatial ${fit.model}`
  out.push(`${title} panel (ML), ${effects} fixed effects${fit.biasCorrection === "lee-yu" ? ", Lee–Yu bias correction" : ""}: ${formula}`)
  out.push(`n = ${fit.n}, units = ${fit.units}, periods = ${fit.periods}`)
  out.push("")
  out.push(
    table(
      ["", "Estimate", "Std. Error", "z value", "Pr(>|z|)"],
      Object.entries(fit.coefficients).map(([name, c]) => [name, num(c.estimate), num(c.se), num(c.z, 4), pText(c.p)]),
    ),
  )
  const par = fit.model === "error" ? fit.lambda : fit.rho
  out.push(`${fit.model === "error" ? "Lambda" : "Rho"}: ${num(par.estimate)}, s.e.: ${num(par.se)}, z: ${num(par.z, 4)}, p-value: ${pText(par.p)}`)
  out.push(`LR test: ${num(fit.lr.statistic)}, p-value: ${pText(fit.lr.p)}`)
  out.push(`Log likelihood: ${num(fit.logLik, 7)}, sigma squared: ${num(fit.sigma2)}, AIC: ${num(fit.aic, 7)}`)
  out.push(
    fit.model === "error"
      ? "Convention: y and X demeaned first, then filtered with (I − λW) per period (Elhorst)."
      : "Convention: W·y (and W·X) formed on the raw data, then demeaned (Elhorst).",
  )
  if (fit.model !== "error") {
    out.push("")
    out.push(`Impacts (exact traces)${sim ? `, s.e. simulated from ${sim.draws} draws (seed ${sim.seed})` : ""}:`)
    out.push(
      table(
        sim ? ["", "Direct", "(s.e.)", "Indirect", "(s.e.)", "Total", "(s.e.)"] : ["", "Direct", "Indirect", "Total"],
        Object.entries(fit.impacts).map(([name, v]) => {
          const s = sim?.se[name]
          return s
            ? [name, num(v.direct), num(s.direct), num(v.indirect), num(s.indirect), num(v.total), num(s.total)]
            : [name, num(v.direct), num(v.indirect), num(v.total)]
        }),
      ),
    )
  }
  return `${out.join("\n")}\n`
}

const analysisText = (formula: string, effects: WithinEffects, a: PanelAnalysis): string => {
  if (a.model === "fe") {
    const out = [feText(formula, effects, a.frame, a.fit).trimEnd()]
    if (a.diagnostics) diagnosticsText(a.diagnostics, out)
    return `${out.join("\n")}\n`
  }
  if (a.model === "re") return reText(formula, effects, a.fit)
  return spatialText(formula, effects, a.fit, a.impactsSimulation)
}

/** `jiju panel`: fixed-effects panel regression (within), or spatial lag / error panels. */
export const panelCommand: Command = {
  name: "panel",
  summary: { zh: "面板固定效应、随机效应与空间面板模型", en: "fixed-effects, random-effects and spatial panel models" },
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
      durbin: { type: "string" },
      "bias-correction": { type: "string" },
      variance: { type: "string" },
      "impacts-se": { type: "string" },
      seed: { type: "string" },
      by: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const unitCol = required(f.unit, "unit")
    const periodCol = required(f.period, "period")
    const formula = required(f.formula, "formula")
    const effects = (f.effects ?? "twoways") as WithinEffects
    if (!EFFECTS.includes(effects)) throw new CliError("usage", `--effects expects individual, time or twoways, got "${f.effects}"`, 2)
    const model = (f.model ?? "fe") as Model
    if (!PANEL_MODELS.includes(model)) throw new CliError("usage", `--model expects ${PANEL_MODELS.join(", ")}, got "${f.model}"`, 2)
    const spatial = model === "lag" || model === "error" || model === "durbin"
    const withWeights = ([f.weights, f.contiguity, f.knn, f["distance-band"]] as unknown[]).some((v) => v !== undefined)
    if (spatial && !withWeights)
      throw new CliError("missing_weights", `--model ${model} needs spatial weights: give --weights FILE, --contiguity, --knn or --distance-band`, 2)
    if (model === "re" && withWeights) throw new CliError("usage", "--model re takes no weights (use --model fe with weights for the spatial diagnostics)", 2)
    if (withWeights) {
      if (f.id !== undefined && f.id !== unitCol) throw new CliError("usage", "--id is not used by jiju panel: the weights are matched to the --unit column", 2)
      checkWeightsFlags(f)
    }
    const bc = f["bias-correction"] ?? "none"
    if (bc !== "none" && bc !== "lee-yu") throw new CliError("usage", `--bias-correction expects lee-yu or none, got "${bc}"`, 2)
    const variance = f.variance ?? "auto"
    if (!["auto", "information", "hessian"].includes(variance)) throw new CliError("usage", `--variance expects information or hessian, got "${f.variance}"`, 2)
    const draws = f["impacts-se"] === undefined ? undefined : Number(f["impacts-se"])
    if (draws !== undefined && !(Number.isInteger(draws) && draws >= 2 && draws <= 1_000_000))
      throw new CliError("usage", `--impacts-se expects a number of draws between 2 and 1000000, got "${f["impacts-se"]}"`, 2)
    const seed = f.seed === undefined ? 1 : Number(f.seed)
    if (!Number.isInteger(seed)) throw new CliError("usage", `--seed expects an integer, got "${f.seed}"`, 2)
    if (f.seed !== undefined && draws === undefined) throw new CliError("usage", "--seed goes with --impacts-se N", 2)
    const data = await readSpatialData(dataPath, io)
    const weights = withWeights ? await weightsSpec(f, io) : undefined
    const options: PanelReportOptions = {
      unit: unitCol,
      period: periodCol,
      formula,
      effects,
      model,
      weights,
      durbin:
        f.durbin === undefined
          ? undefined
          : f.durbin
              .split(",")
              .map((t) => t.trim())
              .filter((t) => t.length > 0),
      biasCorrection: bc as "none" | "lee-yu",
      variance: variance as "auto" | "information" | "hessian",
      impactsSe: draws === undefined ? undefined : { draws, seed },
      by: f.by,
    }
    if (f.by !== undefined) {
      const by = domainCall(() => panelByAnalysis(data, { ...options, by: f.by! }))
      if (f.json) {
        printJson(io, panelByDocument(by))
        return 0
      }
      for (const g of by.groups) io.stdout.write(`== ${f.by} = ${g.group} ==\n${analysisText(formula, effects, g.analysis)}\n`)
      const doc = panelByDocument(by) as {
        table: { terms: string[]; rows: Array<{ group: string; n: number; cells: Record<string, { estimate: number; se: number; p: number } | null> }> }
      }
      io.stdout.write(`Comparison by ${f.by} 分组比较:\n`)
      io.stdout.write(
        `${table(
          ["", ...doc.table.rows.map((r) => `${r.group} (n = ${r.n})`)],
          doc.table.terms.map((t) => [
            t,
            ...doc.table.rows.map((r) => {
              const c = r.cells[t]
              return c ? `${num(c.estimate)} (${num(c.se)})${pText(c.p).replace(/^[^ ]*/, "")}` : "—"
            }),
          ]),
        )}\n`,
      )
      return 0
    }
    const a = domainCall(() => panelAnalysis(data, options))
    if (!f.json) {
      io.stdout.write(analysisText(formula, effects, a))
      return 0
    }
    printJson(io, panelDocument(a))
    return 0
  },
}
