import { gearyAnalysis, gearyDocument } from "@jiju/domain/analyses"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { domainCall, spatialVariableInput, weightsUsage } from "../weightsOptions.js"

const usage = `jiju geary — 吉尔里系数 · Geary's C

usage: jiju geary --data FILE [--id COL] --var EXPR <weights> [--permutations N --seed S] [--json]

  --data          CSV, XLSX, JSON records or GeoJSON, one row per spatial unit
  --var           column name or expression, e.g. CRIME or log(gdp)
  --permutations  number of random permutations for a pseudo p-value (default 0: none)
  --seed          seed of the permutations (default 1)

${weightsUsage}

As R spdep geary.test with zero.policy = TRUE (units without neighbours are dropped from n, as spdep does).
C < 1 means positive spatial autocorrelation; z is spdep's standard deviate (1 − C)/√Var[C], so z > 0 means
positive autocorrelation. p-values are two-sided 2·(1 − Φ(|z|)); the permutation p-value is
min(1, 2·min(#{C* ≥ C} + 1, #{C* ≤ C} + 1)/(N + 1)), and p_permutation_positive = (#{C* ≤ C} + 1)/(N + 1).`

const fmt = (x: number | null): string => (x === null || !Number.isFinite(x) ? "—" : Math.abs(x) < 1e-4 && x !== 0 ? x.toExponential(4) : x.toFixed(6))

/** `jiju geary`: Geary's C with normality, randomisation and permutation inference. */
export const gearyCommand: Command = {
  name: "geary",
  summary: { zh: "吉尔里系数（空间自相关）", en: "Geary's C (spatial autocorrelation)" },
  usage,
  async run(argv, io) {
    const input = await spatialVariableInput(argv, io)
    const doc = gearyDocument(domainCall(() => gearyAnalysis(input.data, input.options)))
    if (input.json) {
      printJson(io, doc)
      return 0
    }
    io.stdout.write(`Geary's C of ${input.options.var}: ${fmt(doc.C)}   E[C] = 1   n = ${doc.n}\n\n`)
    io.stdout.write(
      table(
        ["推断 inference", "variance", "z", "p (two-sided)"],
        [
          ["normality", fmt(doc.variance_normality), fmt(doc.z_normality), fmt(doc.p_normality)],
          ["randomisation", fmt(doc.variance_randomization), fmt(doc.z_randomization), fmt(doc.p_randomization)],
          ...(doc.permutations > 0 ? [[`permutation (${doc.permutations})`, "", "", fmt(doc.p_permutation)]] : []),
        ],
      ),
    )
    return 0
  },
}
