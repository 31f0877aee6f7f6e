import { thresholdReport } from "@jiju/domain/analyses"
import { numberFlag, parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { num, pText } from "../numberFormat.js"
import { printJson, table } from "../output.js"
import { progressBar } from "../progress.js"
import { domainCall, readSpatialData } from "../weightsOptions.js"

const usage = `jiju threshold — 面板门槛回归 · Hansen (1999) fixed-effects panel threshold regression

usage: jiju threshold --data FILE --unit COL --period COL --formula "y ~ z1 + z2" --threshold-var Q --regime-var X
                      [--thresholds 1|2|3] [--trim 0.05] [--bootstrap N --seed S] [--json]

  --data           long table: one row per unit and period (a balanced panel, no missing values)
  --formula        the response and the regressors whose coefficients do not change (the intercept is absorbed)
  --threshold-var  the threshold variable Q (门槛变量), a column or expression
  --regime-var     the regressor(s) whose coefficient changes with the regime (核心解释变量), comma-separated;
                   not repeated in --formula; coefficients are named X:regime1 (Q ≤ γ1), X:regime2, …
  --thresholds     number of thresholds, 1 to 3 (default 1)
  --trim           every regime keeps at least ⌈trim·N⌉ observations (default 0.05)
  --bootstrap      bootstrap replications for the p-values (default 300; 0 for none)
  --seed           seed of the bootstrap (default 1)

Hansen (1999): unit fixed effects by the within transformation; candidates are the distinct values of Q that
leave every regime at least ⌈trim·N⌉ observations; thresholds found one at a time, earlier ones refined given
the later; F_k = (S_{k−1} − S_k)/(S_k/(N(T − 1))); p-values by the unit bootstrap (residual vectors of whole units,
the share of F* above F); 95 % intervals {γ: LR(γ) ≤ −2 ln(1 − √0.95) = 7.35}.`

/** `jiju threshold`: Hansen's fixed-effects panel threshold regression. */
export const thresholdCommand: Command = {
  name: "threshold",
  summary: { zh: "面板门槛回归（Hansen 1999）", en: "panel threshold regression (Hansen 1999)" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      data: { type: "string" },
      unit: { type: "string" },
      period: { type: "string" },
      formula: { type: "string" },
      "threshold-var": { type: "string" },
      "regime-var": { type: "string" },
      thresholds: { type: "string" },
      trim: { type: "string" },
      bootstrap: { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const unit = required(f.unit, "unit")
    const period = required(f.period, "period")
    const formula = required(f.formula, "formula")
    const thresholdVar = required(f["threshold-var"], "threshold-var")
    const regimeVar = required(f["regime-var"], "regime-var")
    const thresholds = numberFlag(f.thresholds, "thresholds", 1)!
    if (![1, 2, 3].includes(thresholds)) throw new CliError("usage", `--thresholds expects 1, 2 or 3, got "${f.thresholds}"`, 2)
    const trim = numberFlag(f.trim, "trim", 0.05)!
    if (!(trim > 0 && trim < 0.5)) throw new CliError("usage", `--trim expects a share between 0 and 0.5, got "${f.trim}"`, 2)
    const bootstrap = numberFlag(f.bootstrap, "bootstrap", 300)!
    if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > 100000)
      throw new CliError("usage", `--bootstrap expects a whole number from 0 to 100000, got "${f.bootstrap}"`, 2)
    const seed = numberFlag(f.seed, "seed", 1)!
    if (!Number.isInteger(seed) || seed < 0) throw new CliError("bad_seed", `--seed expects a whole number ≥ 0, got "${f.seed}"`, 2)
    const data = await readSpatialData(dataPath, io)
    const onProgress = bootstrap > 0 ? progressBar(io, `bootstrap ${bootstrap}`) : undefined
    const doc = domainCall(() => thresholdReport(data, { unit, period, formula, thresholdVar, regimeVar, thresholds, trim, bootstrap, seed, onProgress }))
    if (f.json) {
      printJson(io, doc)
      return 0
    }
    const out: string[] = []
    out.push(`面板门槛回归 panel threshold regression (Hansen 1999): ${formula}; regime ${doc.regime_var.join(", ")}, threshold ${thresholdVar}`)
    out.push(
      `units ${doc.units} × periods ${doc.periods} = ${doc.n}; trim ${doc.trim} (each regime ≥ ${doc.min_regime} observations); ${doc.candidates} distinct values of ${thresholdVar}; bootstrap ${doc.bootstrap}, seed ${doc.seed}`,
    )
    out.push("")
    out.push("门槛检验 threshold tests:")
    out.push(
      table(
        ["门槛 threshold", "estimate", "95% CI", "SSR", "F", "p (bootstrap)", "10%", "5%", "1%"],
        doc.thresholds.map((t) => [
          `γ${t.order}`,
          num(t.estimate),
          `[${num(t.ci_low)}, ${num(t.ci_high)}]`,
          num(t.ssr),
          num(t.f_statistic, 5),
          t.p === null ? "—" : num(t.p, 4),
          t.critical ? num(t.critical.p10, 5) : "—",
          t.critical ? num(t.critical.p5, 5) : "—",
          t.critical ? num(t.critical.p1, 5) : "—",
        ]),
      ),
    )
    out.push("区制 regimes:")
    out.push(
      table(
        ["regime", `${thresholdVar} >`, `${thresholdVar} ≤`, "observations"],
        doc.regimes.map((r) => [String(r.regime), r.low === null ? "—" : num(r.low), r.high === null ? "—" : num(r.high), String(r.count)]),
      ),
    )
    out.push("系数 coefficients (within; cluster-robust by unit):")
    out.push(
      table(
        ["", "Estimate", "Std. Error", "t value", "Pr(>|t|)", "Cluster s.e.", "Pr(>|t|) cl."],
        doc.coefficients.map((c) => [c.name, num(c.estimate), num(c.se), num(c.t, 4), pText(c.p), num(c.cluster_se), pText(c.cluster_p)]),
      ),
    )
    for (const d of doc.dropped) out.push(`Dropped 已剔除 ${d.name}: ${d.reason.en} / ${d.reason.zh}`)
    out.push(`Within R²: ${num(doc.r2_within, 5)}, RSS ${num(doc.rss)} on ${doc.df_residual} degrees of freedom`)
    io.stdout.write(`${out.join("\n")}\n`)
    return 0
  },
}
