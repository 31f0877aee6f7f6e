import { hotspotsReport } from "@jiju/domain/analyses"
import { parseFlags, required } from "../args.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { checkWeightsFlags, domainCall, readSpatialData, weightsFlagOptions, weightsSpec, weightsUsage } from "../weightsOptions.js"

const usage = `jiju hotspots — 冷热点分析 · hot and cold spots (local Getis–Ord G_i / G*_i)

usage: jiju hotspots --data FILE [--id COL] --var EXPR <weights> [--star] [--fdr] [--json]

  --data   CSV, XLSX, JSON records or GeoJSON, one row per spatial unit
  --var    column name or expression, e.g. gdp or log(gdp)
  --star   G*_i: each unit counts among its own neighbours (spdep include.self; the usual hot-spot map)
  --fdr    classify by Benjamini–Hochberg adjusted p-values (false discovery rate)

${weightsUsage}

z as R spdep localG (with --star, the weights are built with include.self, then row-standardised or binary);
p = 2·(1 − Φ(|z|)). Classes: hot (z > 0) or cold (z < 0) at 99 / 95 / 90 % when p < 0.01 / 0.05 / 0.10
(热点 / 冷点，置信度 99 / 95 / 90 %); units without neighbours have no z and no class.`

const fmt = (x: number | null): string => (x === null || !Number.isFinite(x) ? "—" : Math.abs(x) < 1e-4 && x !== 0 ? x.toExponential(3) : x.toFixed(4))

const LABEL: Record<string, string> = {
  hot_99: "热点 hot 99%",
  hot_95: "热点 hot 95%",
  hot_90: "热点 hot 90%",
  cold_99: "冷点 cold 99%",
  cold_95: "冷点 cold 95%",
  cold_90: "冷点 cold 90%",
  not_significant: "不显著 n.s.",
}

/** `jiju hotspots`: local Getis–Ord G_i / G*_i with hot and cold classes. */
export const hotspotsCommand: Command = {
  name: "hotspots",
  summary: { zh: "冷热点分析（Getis–Ord G_i*）", en: "hot and cold spots (Getis–Ord G_i*)" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      ...weightsFlagOptions,
      data: { type: "string" },
      var: { type: "string" },
      star: { type: "boolean" },
      fdr: { type: "boolean" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const variable = required(f.var, "var")
    checkWeightsFlags(f)
    const data = await readSpatialData(dataPath, io)
    const weights = await weightsSpec(f, io)
    const doc = domainCall(() => hotspotsReport(data, { id: f.id, var: variable, weights, star: f.star === true, fdr: f.fdr === true }))
    if (f.json) {
      printJson(io, doc)
      return 0
    }
    io.stdout.write(`${doc.statistic === "G*" ? "G*_i" : "G_i"} of ${variable}${doc.fdr ? " (FDR-adjusted classes)" : ""}\n\n`)
    io.stdout.write(
      table(
        ["id", "G", "z", "p", ...(doc.fdr ? ["p (FDR)"] : []), "类别 class"],
        doc.rows.map((r) => [r.id, fmt(r.G), fmt(r.z), fmt(r.p), ...(doc.fdr ? [fmt(r.p_fdr)] : []), r.class === null ? "—" : LABEL[r.class]!]),
      ),
    )
    io.stdout.write("\n")
    io.stdout.write(
      table(
        ["类别 class", "units"],
        Object.entries(doc.counts).map(([k, v]) => [LABEL[k]!, String(v)]),
      ),
    )
    return 0
  },
}
