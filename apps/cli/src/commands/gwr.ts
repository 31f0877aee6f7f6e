import { gwrAnalysis, gwrDocument } from "@jiju/domain/analyses"
import { numberFlag, parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { num } from "../numberFormat.js"
import { printJson, table } from "../output.js"
import { domainCall, readSpatialData } from "../weightsOptions.js"

const usage = `jiju gwr — 地理加权回归 · geographically weighted regression

usage: jiju gwr --data FILE [--id COL] --formula "y ~ x1 + x2" [--coords X,Y] --kernel gaussian|bisquare
                (--bandwidth B | --neighbours K | --select aicc|cv [--search fixed|adaptive]) [--json]

  --formula     R-style formula (see jiju regress --help); rows with a missing value are dropped and counted
  --coords      coordinate columns X,Y (planar distances; project longitude/latitude first); GeoJSON points
                are used when omitted
  --kernel      gaussian exp(−½ (d/b)²) or bisquare (1 − (d/b)²)² for d < b, 0 beyond
  --bandwidth   fixed bandwidth b (a distance); it may not be below any point's nearest-neighbour distance
  --neighbours  adaptive bandwidth: b_i is the distance to the K-th nearest point, the point itself counted
  --select      choose the bandwidth by minimising AICc or the cross-validation score
  --search      with --select: fixed distances or adaptive K (default adaptive for bisquare, fixed for gaussian)

Definitions of GWmodel (gwr.basic, bw.gwr): σ² = RSS/(n − 2 tr S + tr SᵀS); SE from σ² diag(C Cᵀ),
C = (XᵀWX)⁻¹XᵀW; AIC = n ln(RSS/n) + n ln 2π + n + tr S; AICc = n ln(RSS/n) + n ln 2π + n (n + tr S)/(n − 2 − tr S)
(Fotheringham, Brunsdon and Charlton 2002); effective parameters = tr S; local R² from kernel-weighted sums
of squares. The search scores 20 log-spaced bandwidths, then refines by golden section around the best.`

/** `jiju gwr`: geographically weighted regression with GWmodel's diagnostics. */
export const gwrCommand: Command = {
  name: "gwr",
  summary: { zh: "地理加权回归（GWR）", en: "geographically weighted regression (GWR)" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      data: { type: "string" },
      id: { type: "string" },
      formula: { type: "string" },
      coords: { type: "string" },
      kernel: { type: "string" },
      bandwidth: { type: "string" },
      neighbours: { type: "string" },
      select: { type: "string" },
      search: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const formula = required(f.formula, "formula")
    const kernel = required(f.kernel, "kernel")
    if (kernel !== "gaussian" && kernel !== "bisquare") throw new CliError("usage", `--kernel expects gaussian or bisquare, got "${kernel}"`, 2)
    const given = (["bandwidth", "neighbours", "select"] as const).filter((k) => f[k] !== undefined)
    if (given.length !== 1)
      throw new CliError(
        "usage",
        `give exactly one of --bandwidth B, --neighbours K and --select aicc|cv${given.length > 1 ? `, got ${given.map((g) => `--${g}`).join(" and ")}` : ""}`,
        2,
      )
    if (f.select !== undefined && f.select !== "aicc" && f.select !== "cv") throw new CliError("usage", `--select expects aicc or cv, got "${f.select}"`, 2)
    if (f.search !== undefined && (f.select === undefined || (f.search !== "fixed" && f.search !== "adaptive")))
      throw new CliError("usage", f.select === undefined ? "--search applies only with --select" : `--search expects fixed or adaptive, got "${f.search}"`, 2)
    const bandwidth = numberFlag(f.bandwidth, "bandwidth")
    if (bandwidth !== undefined && !(bandwidth > 0)) throw new CliError("usage", `--bandwidth expects a positive distance, got "${f.bandwidth}"`, 2)
    if (f.neighbours !== undefined && !/^[1-9]\d*$/.test(f.neighbours))
      throw new CliError("usage", `--neighbours expects a whole number ≥ 1, got "${f.neighbours}"`, 2)
    let coords: readonly [string, string] | undefined
    if (f.coords !== undefined) {
      const parts = f.coords.split(",").map((s) => s.trim())
      if (parts.length !== 2 || parts.some((p) => p === "")) throw new CliError("bad_coords", `--coords expects two column names "X,Y", got "${f.coords}"`, 2)
      coords = [parts[0]!, parts[1]!]
    }
    const data = await readSpatialData(dataPath, io)
    const doc = gwrDocument(
      domainCall(() =>
        gwrAnalysis(data, {
          id: f.id,
          formula,
          coords,
          kernel,
          bandwidth,
          neighbours: f.neighbours === undefined ? undefined : Number(f.neighbours),
          select: f.select as "aicc" | "cv" | undefined,
          search: f.search as "fixed" | "adaptive" | undefined,
        }),
      ),
    )
    if (f.json) {
      printJson(io, doc)
      return 0
    }
    const out: string[] = []
    out.push(`GWR: ${formula}`)
    out.push(
      `n = ${doc.n}${doc.n_dropped > 0 ? ` (${doc.n_dropped} row(s) dropped for missing values)` : ""}; kernel ${doc.kernel}; ${doc.adaptive ? `adaptive bandwidth K = ${doc.bandwidth} (自适应带宽)` : `fixed bandwidth ${num(doc.bandwidth)} (固定带宽)`}${doc.selection ? `, chosen by ${doc.selection.criterion === "aicc" ? "AICc" : "CV"} (${doc.selection.evaluations.length} bandwidths scored)` : ""}`,
    )
    out.push("")
    out.push("系数分布 coefficient summary:")
    out.push(
      table(
        ["", "Min.", "1st Qu.", "Median", "3rd Qu.", "Max."],
        Object.entries(doc.summary).map(([name, s]) => [name, num(s.min), num(s.q1), num(s.median), num(s.q3), num(s.max)]),
      ),
    )
    out.push("诊断 diagnostics:")
    out.push(
      table(
        ["", "value"],
        [
          ["AICc", num(doc.aicc, 8)],
          ["AIC", num(doc.aic, 8)],
          ["R²", num(doc.r2)],
          ["adjusted R²", num(doc.adj_r2)],
          ["RSS", num(doc.rss)],
          ["σ²", num(doc.sigma2)],
          ["effective parameters tr(S) 有效参数", num(doc.effective_parameters)],
          ["tr(S'S)", num(doc.trace_sts)],
          ["effective d.f. n − 2tr(S) + tr(S'S)", num(doc.edf)],
        ],
      ),
    )
    out.push(...doc.definitions.flatMap((d) => [`  ${d.en}`, `  ${d.zh}`]))
    out.push("")
    const names = Object.keys(doc.summary)
    out.push(
      table(
        ["id", ...names.flatMap((n) => [n, `se(${n})`]), "local R²"],
        doc.rows.map((r) => [r.id, ...names.flatMap((n) => [num(r.coefficients[n]!.estimate), num(r.coefficients[n]!.se)]), num(r.local_r2)]),
      ),
    )
    io.stdout.write(`${out.join("\n").replace(/\n+$/, "")}\n`)
    return 0
  },
}
