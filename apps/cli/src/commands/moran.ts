import { bivariateMoranAnalysis, bivariateMoranDocument, moranAnalysis, moranDocument } from "@jiju/domain"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { domainCall, spatialVariableInput, weightsUsage } from "../weightsOptions.js"

const usage = `jiju moran — 全局莫兰指数 · global Moran's I

usage: jiju moran --data FILE [--id COL] --var EXPR [--with EXPR] <weights> [--permutations N --seed S] [--json]

  --data          CSV, XLSX, JSON records or GeoJSON, one row per spatial unit
  --var           column name or expression, e.g. CRIME or log(gdp) or I(SID74 / BIR74)
  --with          a second variable: bivariate Moran's I of --var and the spatial lag of --with (GeoDa)
  --permutations  number of random permutations for a pseudo p-value (default 0: none; with --with 999)
  --seed          seed of the permutations (default 1)

${weightsUsage}

As R spdep moran.test with zero.policy = TRUE: units without neighbours are dropped from n (adjust.n).
All p-values are two-sided: 2·(1 − Φ(|z|)); the permutation p-value is
min(1, 2·min(#{I* ≥ I} + 1, #{I* ≤ I} + 1)/(N + 1)).
Bivariate (--with), as GeoDa: I = Σ_i zx_i Σ_j w_ij zy_j / n with x and y standardised by the population SD;
inference by permutation only (y shuffled over the units, x fixed), z = (I − mean)/sd of the permuted I.`

const fmt = (x: number | null): string => (x === null || !Number.isFinite(x) ? "—" : Math.abs(x) < 1e-4 && x !== 0 ? x.toExponential(4) : x.toFixed(6))

/** `jiju moran`: global Moran's I with normality, randomisation and permutation inference. */
export const moranCommand: Command = {
  name: "moran",
  summary: { zh: "全局莫兰指数（空间自相关，含双变量）", en: "global Moran's I (spatial autocorrelation, bivariate too)" },
  usage,
  async run(argv, io) {
    const input = await spatialVariableInput(argv, io, { allowWith: true })
    if (input.with !== undefined) {
      const withVar = input.with
      const b = domainCall(() => bivariateMoranAnalysis(input.data, { ...input.options, with: withVar }))
      if (input.json) {
        printJson(io, bivariateMoranDocument(b, input.options.var, withVar))
        return 0
      }
      io.stdout.write(`双变量 Moran's I · bivariate Moran's I of ${input.options.var} and the lag of ${withVar}: ${fmt(b.I)}   n = ${b.n}\n\n`)
      io.stdout.write(
        table(
          ["推断 inference", "E[I*]", "sd[I*]", "z", "p (two-sided)", "p (I* ≥ I)"],
          [
            [
              `permutation (${b.permutations})`,
              fmt(b.expectedPermutation),
              fmt(b.sdPermutation),
              fmt(b.zPermutation),
              fmt(b.pPermutation),
              fmt(b.pPermutationGreater),
            ],
          ],
        ),
      )
      return 0
    }
    const r = domainCall(() => moranAnalysis(input.data, input.options))
    const out = moranDocument(r)
    if (input.json) {
      printJson(io, out)
      return 0
    }
    io.stdout.write(
      `Moran's I of ${input.options.var}: ${fmt(r.I)}   E[I] = ${fmt(r.expected)}   n = ${r.n}${r.nEffective < r.n ? ` (${r.n - r.nEffective} without neighbours)` : ""}\n\n`,
    )
    io.stdout.write(
      table(
        ["推断 inference", "variance", "z", "p (two-sided)"],
        [
          ["normality", fmt(r.varianceNormality), fmt(r.zNormality), fmt(r.pNormality)],
          ["randomisation", fmt(r.varianceRandomization), fmt(r.zRandomization), fmt(r.pRandomization)],
          ...(r.permutations > 0 ? [[`permutation (${r.permutations})`, "", "", fmt(r.pPermutation)]] : []),
        ],
      ),
    )
    return 0
  },
}
