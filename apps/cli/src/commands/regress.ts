import {
  type ModelFrame,
  type OlsFit,
  type RegressModel,
  type ResidualDiagnostics,
  regressAnalysis,
  regressDocument,
  type SpatialErrorFit,
  type SpatialLagFit,
} from "@jiju/domain"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { num, pText } from "../numberFormat.js"
import { printJson, table } from "../output.js"
import { checkWeightsFlags, domainCall, readSpatialData, weightsFlagOptions, weightsSpec, weightsUsage } from "../weightsOptions.js"

const MODELS = ["ols", "lag", "error"] as const
type Model = RegressModel

/** Run domain code, turning its input and computation errors into the CLI's one-line errors. */
export const domain = domainCall

export { num, pText } from "../numberFormat.js"

/** Whether any weights flag was given. */
const hasWeights = (f: Record<string, unknown>) => ["weights", "contiguity", "knn", "distance-band"].some((k) => f[k] !== undefined)

const usage = `jiju regress — 回归与空间回归 · OLS, spatial lag and spatial error models

usage: jiju regress --data FILE --formula "y ~ x1 + log(x2)" [--model ols|lag|error] [--id COL] [<weights>]
                    [--alpha A] [--json]

  --formula   R-style formula: log(y) ~ a + log(b) + I(c^2) + d:e + a*b - 1 (functions log, log10, log2, log1p,
              exp, sqrt, abs; arithmetic inside I(); ":" interaction, "*" crossing, "- 1" or "+ 0" no intercept)
  --model     ols (default), lag (spatial lag, ML) or error (spatial error, ML); lag and error need weights
  --alpha     significance level of the model recommendation (default 0.05)

${weightsUsage}

Rows with a missing value in a used variable are dropped and counted (n_dropped); the weights are then
restricted to the remaining units (row-standardised again), as spdep does.
With weights, the OLS residuals are tested for spatial dependence (as spdep lm.morantest and lm.LMtests:
Moran's I, LM-error, LM-lag, robust LM-error, robust LM-lag, SARMA) and a model is recommended by
Anselin's rule: neither LM test significant → OLS; one → that model; both → the one whose robust test is
significant; otherwise the larger robust statistic. For OLS, "z" holds the t value and "p" its t-test p-value;
the Moran p-value is two-sided.`

const textReport = (
  model: Model,
  formula: string,
  frame: ModelFrame,
  fit: OlsFit,
  spatial: SpatialLagFit | SpatialErrorFit | undefined,
  diag: ResidualDiagnostics | undefined,
): string => {
  const out: string[] = []
  const title = model === "ols" ? "OLS" : model === "lag" ? "Spatial lag model (ML)" : "Spatial error model (ML)"
  out.push(`${title}: ${formula}`)
  out.push(
    `n = ${fit.n}${frame.nDropped > 0 ? ` (${frame.nDropped} row(s) dropped for missing values: ${frame.dropped.slice(0, 20).join(", ")}${frame.nDropped > 20 ? " …" : ""})` : ""}`,
  )
  out.push("")
  if (spatial === undefined) {
    out.push("Coefficients:")
    out.push(
      table(
        ["", "Estimate", "Std. Error", "t value", "Pr(>|t|)"],
        fit.coefficients.map((c) => [c.name, num(c.estimate), num(c.se), num(c.t, 4), pText(c.p)]),
      ),
    )
    out.push("Signif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1")
    out.push(`Residual standard error: ${num(Math.sqrt(fit.sigma2), 4)} on ${fit.dfResidual} degrees of freedom`)
    out.push(`Multiple R-squared: ${num(fit.r2, 4)}, Adjusted R-squared: ${num(fit.adjR2, 4)}`)
    out.push(
      `F-statistic: ${num(fit.fStatistic.statistic, 4)} on ${fit.fStatistic.df1} and ${fit.fStatistic.df2} DF, p-value: ${fit.fStatistic.p < 2.2e-16 ? "< 2.2e-16" : num(fit.fStatistic.p, 4)}`,
    )
    out.push(`Log likelihood: ${num(fit.logLik, 7)}, AIC: ${num(fit.aic, 7)}`)
  } else {
    out.push("Coefficients:")
    out.push(
      table(
        ["", "Estimate", "Std. Error", "z value", "Pr(>|z|)"],
        Object.entries(spatial.coefficients).map(([name, c]) => [name, num(c.estimate), num(c.se), num(c.z, 4), pText(c.p)]),
      ),
    )
    const par = spatial.model === "lag" ? spatial.rho : spatial.lambda
    const sym = spatial.model === "lag" ? "Rho" : "Lambda"
    out.push(`${sym}: ${num(par.estimate)}, asymptotic s.e.: ${num(par.se)}, z: ${num(par.z, 4)}, p-value: ${pText(par.p)}`)
    out.push(`LR test value: ${num(spatial.lr.statistic, 6)}, p-value: ${pText(spatial.lr.p)}`)
    out.push(`Log likelihood: ${num(spatial.logLik, 7)}, ML residual variance (sigma squared): ${num(spatial.sigma2)}`)
    out.push(`AIC: ${num(spatial.aic, 7)}, (AIC for lm: ${num(fit.aic, 7)})`)
    if (spatial.model === "lag") {
      out.push("")
      out.push("Impacts:")
      out.push(
        table(
          ["", "Direct", "Indirect", "Total"],
          Object.entries(spatial.impacts).map(([name, v]) => [name, num(v.direct), num(v.indirect), num(v.total)]),
        ),
      )
    }
  }
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
  summary: { zh: "回归：OLS、空间滞后与空间误差模型", en: "regression: OLS, spatial lag and spatial error models" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      ...weightsFlagOptions,
      data: { type: "string" },
      formula: { type: "string" },
      model: { type: "string" },
      alpha: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const formula = required(f.formula, "formula")
    const model = (f.model ?? "ols") as Model
    if (!MODELS.includes(model)) throw new CliError("usage", `--model expects ols, lag or error, got "${f.model}"`, 2)
    const alpha = f.alpha === undefined ? 0.05 : Number(f.alpha)
    if (!(alpha > 0 && alpha < 1)) throw new CliError("usage", `--alpha expects a number between 0 and 1, got "${f.alpha}"`, 2)
    const withWeights = hasWeights(f)
    if (model !== "ols" && !withWeights)
      throw new CliError("missing_weights", `--model ${model} needs spatial weights: give --weights FILE, --contiguity, --knn or --distance-band`, 2)
    if (withWeights) checkWeightsFlags(f)
    const data = await readSpatialData(dataPath, io)
    const weights = withWeights ? await weightsSpec(f, io) : undefined
    const a = domainCall(() => regressAnalysis(data, { formula, model, alpha, id: f.id, weights }))
    for (const w of a.warnings) io.stderr.write(`jiju: warning: ${w}\n`)
    if (!f.json) {
      io.stdout.write(textReport(model, formula, a.frame, a.fit, a.spatial, a.diagnostics))
      return 0
    }
    printJson(io, regressDocument(a))
    return 0
  },
}
