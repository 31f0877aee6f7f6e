import { disparityReport } from "@jiju/domain/analyses"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { domainCall, readSpatialData } from "../weightsOptions.js"

const usage = `jiju disparity — 区域差异分解 · regional disparity: Dagum Gini and Theil decompositions

usage: jiju disparity --data FILE --group COL --value EXPR [--period-col COL [--period P]] [--sheet S] [--json]

  --data        CSV, XLSX, JSON records or GeoJSON, one row per region (and period)
  --group       column naming each region's group, e.g. east / central / west (东部 / 中部 / 西部)
  --value       column or expression of the values, e.g. gdp_pc or gdp / pop (non-negative)
  --period-col  column of the periods: one decomposition per period
  --period      only this period (with --period-col)

Dagum (1997): G = G_w (within) + G_nb (net between) + G_t (transvariation); each group's Gini G_jj; each pair's
Gini G_jh and relative affluence D_jh (j the group of larger mean). Theil's T = T_w + T_b, weighted by value
shares. Every group needs at least two members.`

const fmt = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(4))

type Decomposition = {
  n: number
  gini: number
  within: number
  between: number
  transvariation: number
  contributions: { within: number; between: number; transvariation: number }
  groups: Record<string, { n: number; mean: number; gini: number; theil: number }>
  pairs: ReadonlyArray<{ groups: readonly [string, string]; gini: number; d: number }>
  theil: { total: number; within: number; between: number }
}

const text = (d: Decomposition, title: string): string => {
  const out: string[] = [title]
  out.push(
    table(
      ["Dagum Gini", "value", "贡献率 share"],
      [
        ["总体 total G", fmt(d.gini), "100%"],
        ["组内 within G_w", fmt(d.within), `${(100 * d.contributions.within).toFixed(2)}%`],
        ["组间 between G_nb", fmt(d.between), `${(100 * d.contributions.between).toFixed(2)}%`],
        ["超变密度 transvariation G_t", fmt(d.transvariation), `${(100 * d.contributions.transvariation).toFixed(2)}%`],
      ],
    ),
  )
  out.push(
    table(
      ["组 group", "n", "mean", "Gini G_jj", "Theil T_g"],
      Object.entries(d.groups).map(([g, v]) => [g, String(v.n), fmt(v.mean), fmt(v.gini), fmt(v.theil)]),
    ),
  )
  out.push(
    table(
      ["组对 pair", "Gini G_jh", "D_jh"],
      d.pairs.map((p) => [`${p.groups[0]} – ${p.groups[1]}`, fmt(p.gini), fmt(p.d)]),
    ),
  )
  out.push(table(["Theil", "total T", "within T_w", "between T_b"], [["", fmt(d.theil.total), fmt(d.theil.within), fmt(d.theil.between)]]))
  return out.join("\n")
}

/** `jiju disparity`: Dagum Gini decomposition and Theil's T by groups, optionally per period. */
export const disparityCommand: Command = {
  name: "disparity",
  summary: { zh: "区域差异：Dagum 基尼系数与泰尔指数分解", en: "regional disparity: Dagum Gini and Theil decompositions" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      data: { type: "string" },
      group: { type: "string" },
      value: { type: "string" },
      "period-col": { type: "string" },
      period: { type: "string" },
      sheet: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const group = required(f.group, "group")
    const value = required(f.value, "value")
    if (f.period !== undefined && f["period-col"] === undefined) throw new CliError("usage", "--period needs --period-col", 2)
    const data = await readSpatialData(dataPath, io, f.sheet)
    const doc = domainCall(() => disparityReport(data, { group, value, periodCol: f["period-col"], period: f.period }))
    if (f.json) {
      printJson(io, doc)
      return 0
    }
    if (doc.periods !== undefined) {
      io.stdout.write(
        table(
          ["时期 period", "G", "G_w", "G_nb", "G_t", "Theil T", "T_w", "T_b"],
          doc.periods.map((p) => [
            p.period,
            fmt(p.gini),
            fmt(p.within),
            fmt(p.between),
            fmt(p.transvariation),
            fmt(p.theil.total),
            fmt(p.theil.within),
            fmt(p.theil.between),
          ]),
        ),
      )
      for (const p of doc.periods) io.stdout.write(`\n${text(p, `时期 period ${p.period}`)}`)
      return 0
    }
    io.stdout.write(text(doc, `${value} by ${group}${"period" in doc ? `, period ${doc.period}` : ""}`))
    return 0
  },
}
