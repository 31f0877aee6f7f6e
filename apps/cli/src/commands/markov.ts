import { markovReport } from "@jiju/domain/analyses"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { checkWeightsFlags, domainCall, readSpatialData, weightsFlagOptions, weightsSpec, weightsUsage } from "../weightsOptions.js"

const usage = `jiju markov — 马尔可夫链与空间马尔可夫链 · classic and spatial Markov chains

usage: jiju markov --data FILE --id COL --period COL --var EXPR --classes K [--classify pooled|period]
                   [<weights>] [--json]

  --data      long table: one row per unit and period (a balanced panel)
  --id        unit column; the weights (optional) are matched to it
  --period    period column (numbers are ordered numerically)
  --var       column name or expression, e.g. gdp_pc or log(gdp_pc)
  --classes   number of quantile classes K (2 or more)
  --classify  pooled (default): class bounds from all periods together (giddy fixed = True);
              period: bounds from each period's own values (relative position)

${weightsUsage.replace("weights (exactly one of):", "weights (optional; with them, Rey's spatial Markov chains):")}

Classes by type-7 quantiles, upper bounds inclusive (PySAL mapclassify Quantiles). Transitions from each period to
the next. Spatial Markov (Rey 2001): the spatial lag Σ_j w_ij y_jt is classed the same way and each transition is
counted in the matrix of its lag class at the start. Steady state π P = π; first mean passage times by Kemeny
and Snell, mean recurrence times 1/π on the diagonal.`

const fmt = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(4))

type Chain = {
  counts: ReadonlyArray<ReadonlyArray<number>>
  probabilities: ReadonlyArray<ReadonlyArray<number>>
  totals: ReadonlyArray<number>
  steady_state: ReadonlyArray<number> | null
  first_mean_passage: ReadonlyArray<ReadonlyArray<number>> | null
  note: { en: string; zh: string } | null
}

const chainText = (c: Chain, k: number): string => {
  const classes = Array.from({ length: k }, (_, i) => String(i + 1))
  const out: string[] = []
  out.push(
    table(
      ["t \\ t+1", "n", ...classes],
      c.probabilities.map((row, i) => [classes[i]!, String(c.totals[i]), ...row.map(fmt)]),
    ),
  )
  out.push(table(["", ...classes], [["稳态 steady state", ...(c.steady_state ?? classes.map(() => null)).map(fmt)]]))
  if (c.first_mean_passage)
    out.push(
      table(
        ["首次平均通过时间 first mean passage", ...classes],
        c.first_mean_passage.map((row, i) => [classes[i]!, ...row.map((v) => v.toFixed(2))]),
      ),
    )
  if (c.note) out.push(`  ${c.note.en}\n  ${c.note.zh}\n`)
  return out.join("\n")
}

/** `jiju markov`: the classic transition matrix of quantile classes and Rey's spatial Markov matrices. */
export const markovCommand: Command = {
  name: "markov",
  summary: { zh: "马尔可夫链与空间马尔可夫链", en: "classic and spatial Markov chains" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      ...weightsFlagOptions,
      data: { type: "string" },
      period: { type: "string" },
      var: { type: "string" },
      classes: { type: "string" },
      classify: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const id = required(f.id, "id")
    const period = required(f.period, "period")
    const variable = required(f.var, "var")
    const classesText = required(f.classes, "classes")
    if (!/^\d+$/.test(classesText) || Number(classesText) < 2) throw new CliError("usage", `--classes expects a whole number ≥ 2, got "${classesText}"`, 2)
    if (f.classify !== undefined && f.classify !== "pooled" && f.classify !== "period")
      throw new CliError("usage", `--classify expects pooled or period, got "${f.classify}"`, 2)
    const withWeights = ["weights", "contiguity", "knn", "distance-band"].some((k) => f[k as keyof typeof f] !== undefined)
    if (withWeights) checkWeightsFlags(f)
    const data = await readSpatialData(dataPath, io)
    const weights = withWeights ? await weightsSpec(f, io) : undefined
    const doc = domainCall(() =>
      markovReport(data, { id, period, var: variable, classes: Number(classesText), classify: f.classify as "pooled" | "period" | undefined, weights }),
    )
    if (f.json) {
      printJson(io, doc)
      return 0
    }
    const out: string[] = []
    out.push(
      `${variable}: ${doc.units} units × ${doc.periods.length} periods (${doc.periods[0]} … ${doc.periods[doc.periods.length - 1]}), ${doc.transitions} transitions, ${doc.k} classes (${doc.classify})`,
    )
    out.push(
      table(
        ["时期 period", ...Array.from({ length: doc.k - 1 }, (_, j) => `bound ${j + 1}`)],
        doc.cutoffs.map((c) => [c.period ?? "all", ...c.bounds.map(fmt)]),
      ),
    )
    out.push("传统马尔可夫转移概率 classic transition probabilities:")
    out.push(chainText(doc.classic, doc.k))
    if (doc.spatial) {
      out.push("空间滞后类别界限 spatial lag class bounds:")
      out.push(
        table(
          ["时期 period", ...Array.from({ length: doc.k - 1 }, (_, j) => `bound ${j + 1}`)],
          doc.spatial.lag_cutoffs.map((c) => [c.period ?? "all", ...c.bounds.map(fmt)]),
        ),
      )
      for (const c of doc.spatial.chains) {
        out.push(`空间马尔可夫 spatial Markov, neighbours' lag class ${c.lag_class} (邻域滞后类别 ${c.lag_class}):`)
        out.push(chainText(c, doc.k))
      }
    }
    io.stdout.write(`${out.join("\n").replace(/\n+$/, "")}\n`)
    return 0
  },
}
