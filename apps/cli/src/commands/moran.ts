import { moranAnalysis, moranDocument } from "@jiju/domain"
import { numberFlag, parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { checkWeightsFlags, domainCall, readSpatialData, weightsFlagOptions, weightsSpec, weightsUsage } from "../weightsOptions.js"

/** Parse --permutations and --seed (both whole numbers ≥ 0). */
export const permutationFlags = (f: { permutations?: string | undefined; seed?: string | undefined }) => {
  const permutations = numberFlag(f.permutations, "permutations", 0)!
  const seed = numberFlag(f.seed, "seed", 1)!
  if (!Number.isInteger(permutations) || permutations < 0 || permutations > 1e6)
    throw new CliError("bad_permutations", `--permutations expects a whole number from 0 to 1000000, got "${f.permutations}"`, 2)
  if (!Number.isInteger(seed) || seed < 0) throw new CliError("bad_seed", `--seed expects a whole number ≥ 0, got "${f.seed}"`, 2)
  return { permutations, seed }
}

const usage = `jiju moran — 全局莫兰指数 · global Moran's I

usage: jiju moran --data FILE [--id COL] --var EXPR <weights> [--permutations N --seed S] [--json]

  --data          CSV, XLSX, JSON records or GeoJSON, one row per spatial unit
  --var           column name or expression, e.g. CRIME or log(gdp) or I(SID74 / BIR74)
  --permutations  number of random permutations for a pseudo p-value (default 0: none)
  --seed          seed of the permutations (default 1)

${weightsUsage}

As R spdep moran.test with zero.policy = TRUE: units without neighbours are dropped from n (adjust.n).
All p-values are two-sided: 2·(1 − Φ(|z|)); the permutation p-value is
min(1, 2·min(#{I* ≥ I} + 1, #{I* ≤ I} + 1)/(N + 1)).`

const fmt = (x: number | null): string => (x === null || !Number.isFinite(x) ? "—" : Math.abs(x) < 1e-4 && x !== 0 ? x.toExponential(4) : x.toFixed(6))

/** `jiju moran`: global Moran's I with normality, randomisation and permutation inference. */
export const moranCommand: Command = {
  name: "moran",
  summary: { zh: "全局莫兰指数（空间自相关）", en: "global Moran's I (spatial autocorrelation)" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      ...weightsFlagOptions,
      data: { type: "string" },
      var: { type: "string" },
      permutations: { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const expr = required(f.var, "var")
    checkWeightsFlags(f)
    const { permutations, seed } = permutationFlags(f)
    const data = await readSpatialData(dataPath, io)
    const spec = await weightsSpec(f, io)
    const r = domainCall(() => moranAnalysis(data, { id: f.id, var: expr, weights: spec, permutations, seed }))
    const out = moranDocument(r)
    if (f.json) {
      printJson(io, out)
      return 0
    }
    io.stdout.write(`Moran's I of ${expr}: ${fmt(r.I)}   E[I] = ${fmt(r.expected)}   n = ${r.n}${r.nEffective < r.n ? ` (${r.n - r.nEffective} without neighbours)` : ""}\n\n`)
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
