import {
  type DurbinReductions,
  type OlsFit,
  REGRESS_MODELS,
  type RegressAnalysis,
  type RegressModel,
  regressAnalysis,
  regressDocument,
  type SimulatedImpacts,
  type SlxFit,
  type SpatialModelFit,
} from "@jiju/domain"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { num, pText } from "../numberFormat.js"
import { printJson, table } from "../output.js"
import { checkWeightsFlags, domainCall, readSpatialData, weightsFlagOptions, weightsSpec, weightsUsage } from "../weightsOptions.js"

type Model = RegressModel

/** Run domain code, turning its input and computation errors into the CLI's one-line errors. */
export const domain = domainCall

export { num, pText } from "../numberFormat.js"

/** Whether any weights flag was given. */
const hasWeights = (f: Record<string, unknown>) => ["weights", "contiguity", "knn", "distance-band"].some((k) => f[k] !== undefined)

const usage = `jiju regress — 回归与空间回归 · OLS, spatial lag and spatial error models

usage: jiju regress --data FILE --formula "y ~ x1 + log(x2)" [--model ols|lag|error|slx|durbin|sdem|sac]
                    [--durbin "x1,x2"] [--variance information|hessian] [--impacts-se N [--seed S]]
                    [--id COL] [<weights>] [--alpha A] [--json]

  --formula   R-style formula: log(y) ~ a + log(b) + I(c^2) + d:e + a*b - 1 (functions log, log10, log2, log1p,
              exp, sqrt, abs; arithmetic inside I(); ":" interaction, "*" crossing, "- 1" or "+ 0" no intercept)
  --model     ols (default); with weights: lag (SAR, ML), error (SEM, ML), slx (OLS with WX), durbin (spatial
              Durbin model, SDM: lag + WX, ML), sdem (spatial Durbin error model: error + WX, ML),
              sac (SARAR: lag + error, same W, ML)
  --durbin    slx, durbin, sdem: the regressors whose spatial lags enter, comma-separated model-matrix names
              (default: every regressor but the intercept); the WX coefficients are named lag.<term>
  --variance  ML standard errors: information (the analytic information matrix, as spatialreg with
              method = "eigen", exact traces at any n) or hessian (observed Hessian of the concentrated
              log-likelihood); default: information for n ≤ 1,500 and hessian above, as spatialreg
  --impacts-se lag, durbin, sac: standard errors of the impacts by simulation (LeSage–Pace) from N draws;
              --seed S (default 1) makes them reproducible. slx and sdem have exact impact standard errors.
  --alpha     significance level of the model recommendation and of the Durbin reductions (default 0.05)

${weightsUsage}

Rows with a missing value in a used variable are dropped and counted (n_dropped); the weights are then
restricted to the remaining units (row-standardised again), as spdep does.
With weights, the OLS residuals are tested for spatial dependence (as spdep lm.morantest and lm.LMtests:
Moran's I, LM-error, LM-lag, robust LM-error, robust LM-lag, SARMA) and a model is recommended by
Anselin's rule: neither LM test significant → OLS; one → that model; both → the one whose robust test is
significant; otherwise the larger robust statistic. For OLS, "z" holds the t value and "p" its t-test p-value;
the Moran p-value is two-sided.
Impacts (lag, durbin, sac: direct, indirect, total as spatialreg's impacts(), exact traces of (I − ρW)⁻¹ at
any n; slx, sdem: direct = β, indirect = θ). For durbin, LR and Wald tests of θ = 0 (reduces to lag) and
θ = −ρβ (common factor, reduces to error) with a verdict as Elhorst's rule reads.`

const coefTable = (rows: ReadonlyArray<readonly [string, { estimate: number; se: number; z: number; p: number }]>, stat: "t" | "z") =>
  table(
    ["", "Estimate", "Std. Error", `${stat} value`, `Pr(>|${stat}|)`],
    rows.map(([name, c]) => [name, num(c.estimate), num(c.se), num(c.z, 4), pText(c.p)]),
  )

const impactsTable = (
  impacts: Readonly<Record<string, { direct: number; indirect: number; total: number }>>,
  se?: Readonly<Record<string, { direct: number; indirect: number; total: number }>>,
) =>
  table(
    se === undefined ? ["", "Direct", "Indirect", "Total"] : ["", "Direct", "(s.e.)", "Indirect", "(s.e.)", "Total", "(s.e.)"],
    Object.entries(impacts).map(([name, v]) => {
      const s = se?.[name]
      return s === undefined
        ? [name, num(v.direct), num(v.indirect), num(v.total)]
        : [name, num(v.direct), num(s.direct), num(v.indirect), num(s.indirect), num(v.total), num(s.total)]
    }),
  )

const TITLES: Record<Model, string> = {
  ols: "OLS",
  lag: "Spatial lag model (ML)",
  error: "Spatial error model (ML)",
  slx: "SLX model (OLS with spatially lagged regressors)",
  durbin: "Spatial Durbin model (ML)",
  sdem: "Spatial Durbin error model (ML)",
  sac: "SAC / SARAR model (ML)",
}

const olsText = (fit: OlsFit, out: string[]) => {
  out.push("Coefficients:")
  out.push(
    coefTable(
      fit.coefficients.map((c) => [c.name, { estimate: c.estimate, se: c.se, z: c.t, p: c.p }] as const),
      "t",
    ),
  )
  out.push("Signif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1")
  out.push(`Residual standard error: ${num(Math.sqrt(fit.sigma2), 4)} on ${fit.dfResidual} degrees of freedom`)
  out.push(`Multiple R-squared: ${num(fit.r2, 4)}, Adjusted R-squared: ${num(fit.adjR2, 4)}`)
  out.push(
    `F-statistic: ${num(fit.fStatistic.statistic, 4)} on ${fit.fStatistic.df1} and ${fit.fStatistic.df2} DF, p-value: ${fit.fStatistic.p < 2.2e-16 ? "< 2.2e-16" : num(fit.fStatistic.p, 4)}`,
  )
  out.push(`Log likelihood: ${num(fit.logLik, 7)}, AIC: ${num(fit.aic, 7)}`)
}

const spatialText = (spatial: SpatialModelFit, fit: OlsFit, sim: SimulatedImpacts | undefined, reductions: DurbinReductions | undefined, out: string[]) => {
  out.push("Coefficients:")
  out.push(coefTable(Object.entries(spatial.coefficients), "z"))
  if ("rho" in spatial)
    out.push(`Rho: ${num(spatial.rho.estimate)}, asymptotic s.e.: ${num(spatial.rho.se)}, z: ${num(spatial.rho.z, 4)}, p-value: ${pText(spatial.rho.p)}`)
  if ("lambda" in spatial)
    out.push(
      `Lambda: ${num(spatial.lambda.estimate)}, asymptotic s.e.: ${num(spatial.lambda.se)}, z: ${num(spatial.lambda.z, 4)}, p-value: ${pText(spatial.lambda.p)}`,
    )
  out.push(
    `LR test value: ${num(spatial.lr.statistic, 6)}${spatial.lr.df !== undefined && spatial.lr.df > 1 ? ` (df ${spatial.lr.df})` : ""}, p-value: ${pText(spatial.lr.p)}`,
  )
  out.push(`Log likelihood: ${num(spatial.logLik, 7)}, ML residual variance (sigma squared): ${num(spatial.sigma2)}`)
  const durbin = spatial.model === "durbin" || spatial.model === "sdem"
  out.push(`AIC: ${num(spatial.aic, 7)}, (AIC for lm: ${num(durbin ? -2 * spatial.logLikOLS + 2 * (spatial.k + 1) : fit.aic, 7)})`)
  out.push(`Standard errors: ${spatial.variance === "information" ? "information matrix" : "observed Hessian"}; log-determinant: ${spatial.method}`)
  if ("impacts" in spatial) {
    out.push("")
    const se = spatial.model === "sdem" ? spatial.impactsSe : sim?.se
    out.push(
      spatial.model === "sdem"
        ? "Impacts (direct = β, indirect = θ):"
        : `Impacts (exact traces)${sim ? `, s.e. simulated from ${sim.draws} draws (seed ${sim.seed})` : ""}:`,
    )
    out.push(impactsTable(spatial.impacts, se))
  }
  if (reductions !== undefined) {
    out.push("")
    out.push(`Reductions of the spatial Durbin model (α = ${reductions.alpha}):`)
    const row = (name: string, r: { statistic: number; df: number; p: number }) => [name, num(r.statistic), String(r.df), pText(r.p)]
    const rows = [row("θ = 0 (→ lag): LR", reductions.lag.lr), row("θ = 0 (→ lag): Wald", reductions.lag.wald)]
    if (reductions.error !== null) rows.push(row("θ = −ρβ (→ error): LR", reductions.error.lr), row("θ = −ρβ (→ error): Wald", reductions.error.wald))
    out.push(table(["H0", "statistic", "df", "p-value"], rows))
    out.push(`Verdict 结论: ${reductions.verdict.model}`)
    out.push(`  ${reductions.verdict.zh}`)
    out.push(`  ${reductions.verdict.en}`)
  }
}

const slxText = (slx: SlxFit, out: string[]) => {
  olsText(slx.fit, out)
  out.push("")
  out.push("Impacts (direct = β, indirect = θ):")
  out.push(impactsTable(slx.impacts, slx.se))
}

const textReport = (model: Model, formula: string, a: RegressAnalysis): string => {
  const { frame, fit, diagnostics: diag } = a
  const out: string[] = []
  out.push(`${TITLES[model]}: ${formula}`)
  out.push(
    `n = ${fit.n}${frame.nDropped > 0 ? ` (${frame.nDropped} row(s) dropped for missing values: ${frame.dropped.slice(0, 20).join(", ")}${frame.nDropped > 20 ? " …" : ""})` : ""}`,
  )
  out.push("")
  if (a.slx !== undefined) slxText(a.slx, out)
  else if (a.spatial !== undefined) spatialText(a.spatial, fit, a.impactsSimulation, a.reductions, out)
  else olsText(fit, out)
  if (diag !== undefined) {
    const t = diag.lm
    out.push("")
    out.push("Spatial dependence of the OLS residuals:")
    out.push(
      table(
        ["test", "statistic", "df", "p-value"],
        [
          ["Moran's I (residuals)", `${num(diag.moran.I)} (z = ${num(diag.moran.z, 4)})`, "", pText(diag.moran.p)],
          ["LM-error", num(t.lmError.statistic), "1", pText(t.lmError.p)],
          ["LM-lag", num(t.lmLag.statistic), "1", pText(t.lmLag.p)],
          ["Robust LM-error", num(t.robustLmError.statistic), "1", pText(t.robustLmError.p)],
          ["Robust LM-lag", num(t.robustLmLag.statistic), "1", pText(t.robustLmLag.p)],
          ["SARMA", num(t.sarma.statistic), "2", pText(t.sarma.p)],
        ],
      ),
    )
    out.push(`Recommendation 建议: ${diag.recommendation.model}`)
    out.push(`  ${diag.recommendation.reason.en}`)
    out.push(`  ${diag.recommendation.reason.zh}`)
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`
}

/** `jiju regress`: OLS with spatial diagnostics, or ML spatial lag / error models. */
export const regressCommand: Command = {
  name: "regress",
  summary: {
    zh: "回归：OLS、空间滞后、空间误差、SLX、空间杜宾（SDM、SDEM）与 SAC 模型",
    en: "regression: OLS, spatial lag, spatial error, SLX, spatial Durbin (SDM, SDEM) and SAC models",
  },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      ...weightsFlagOptions,
      data: { type: "string" },
      formula: { type: "string" },
      model: { type: "string" },
      alpha: { type: "string" },
      durbin: { type: "string" },
      variance: { type: "string" },
      "impacts-se": { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const formula = required(f.formula, "formula")
    const model = (f.model ?? "ols") as Model
    if (!REGRESS_MODELS.includes(model)) throw new CliError("usage", `--model expects ${REGRESS_MODELS.join(", ")}, got "${f.model}"`, 2)
    const alpha = f.alpha === undefined ? 0.05 : Number(f.alpha)
    if (!(alpha > 0 && alpha < 1)) throw new CliError("usage", `--alpha expects a number between 0 and 1, got "${f.alpha}"`, 2)
    const withWeights = hasWeights(f)
    if (model !== "ols" && !withWeights)
      throw new CliError("missing_weights", `--model ${model} needs spatial weights: give --weights FILE, --contiguity, --knn or --distance-band`, 2)
    if (withWeights) checkWeightsFlags(f)
    const data = await readSpatialData(dataPath, io)
    const weights = withWeights ? await weightsSpec(f, io) : undefined
    const variance = f.variance ?? "auto"
    if (!["auto", "information", "hessian"].includes(variance)) throw new CliError("usage", `--variance expects information or hessian, got "${f.variance}"`, 2)
    const durbin =
      f.durbin === undefined
        ? undefined
        : f.durbin
            .split(",")
            .map((t) => t.trim())
            .filter((t) => t.length > 0)
    const draws = f["impacts-se"] === undefined ? undefined : Number(f["impacts-se"])
    if (draws !== undefined && !(Number.isInteger(draws) && draws >= 2 && draws <= 1_000_000))
      throw new CliError("usage", `--impacts-se expects a number of draws between 2 and 1000000, got "${f["impacts-se"]}"`, 2)
    const seed = f.seed === undefined ? 1 : Number(f.seed)
    if (!Number.isInteger(seed)) throw new CliError("usage", `--seed expects an integer, got "${f.seed}"`, 2)
    if (f.seed !== undefined && draws === undefined) throw new CliError("usage", "--seed goes with --impacts-se N", 2)
    const impactsSe = draws === undefined ? undefined : { draws, seed }
    const a = domainCall(() =>
      regressAnalysis(data, { formula, model, alpha, id: f.id, weights, durbin, variance: variance as "auto" | "information" | "hessian", impactsSe }),
    )
    for (const w of a.warnings) io.stderr.write(`jiju: warning: ${w}\n`)
    if (!f.json) {
      io.stdout.write(textReport(model, formula, a))
      return 0
    }
    printJson(io, regressDocument(a))
    return 0
  },
}
