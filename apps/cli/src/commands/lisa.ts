import { bivariateLisaReport, lisaAnalysis, lisaRows } from "@jiju/domain"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { domainCall, spatialVariableInput, weightsUsage } from "../weightsOptions.js"

const usage = `jiju lisa — 局部莫兰指数 · local Moran's I (LISA)

usage: jiju lisa --data FILE [--id COL] --var EXPR [--with EXPR] <weights> [--permutations N --seed S] [--json]

  --data          CSV, XLSX, JSON records or GeoJSON, one row per spatial unit
  --var           column name or expression, e.g. CRIME or log(gdp)
  --with          a second variable: bivariate LISA of --var and the spatial lag of --with (GeoDa)
  --permutations  conditional permutations per unit for a pseudo p-value (default 0: none; with --with 999)
  --seed          seed of the permutations (default 1)

${weightsUsage}

As R spdep localmoran (conditional = TRUE, mlvar = TRUE, zero.policy = TRUE); p is two-sided 2·(1 − Φ(|z|)).
Quadrants (spdep "mean" scheme): HH, LL, HL, LH comparing the value with the mean and its spatial lag with the
mean lag; units without neighbours get none. The permutation p-value is spdep localmoran_perm's folded one,
(min(k, N − k) + 1)/(N + 1) with k = #{I_i* ≥ I_i}, the neighbours drawn from the other units with replacement.
Bivariate (--with), as GeoDa: I_i = zx_i Σ_j w_ij zy_j (population-SD standardisation); E, Var and z from the
conditional permutations of the neighbours' y (spdep localmoran_bv); quadrants compare x_i with mean(x) and
(Wy)_i with mean(Wy).`

const fmt = (x: number | null): string => (x === null || !Number.isFinite(x) ? "—" : Math.abs(x) < 1e-4 && x !== 0 ? x.toExponential(3) : x.toFixed(4))

/** `jiju lisa`: local Moran's I per unit with quadrant and (optionally) permutation p-values. */
export const lisaCommand: Command = {
  name: "lisa",
  summary: { zh: "局部莫兰指数与集聚象限（含双变量）", en: "local Moran's I (LISA) and cluster quadrants, bivariate too" },
  usage,
  async run(argv, io) {
    const input = await spatialVariableInput(argv, io, { allowWith: true })
    const permutations = input.options.permutations
    if (input.with !== undefined) {
      const withVar = input.with
      const doc = domainCall(() => bivariateLisaReport(input.data, { ...input.options, with: withVar }))
      if (input.json) {
        printJson(io, doc)
        return 0
      }
      const rows = doc.rows
      io.stdout.write(`双变量 LISA · bivariate LISA of ${input.options.var} and the lag of ${withVar} (${permutations} permutations)\n\n`)
      io.stdout.write(
        table(
          ["id", "Ii", "E(Ii)*", "Var(Ii)*", "z", "p perm", "quadrant"],
          rows.map((r) => [r.id, fmt(r.Ii), fmt(r.expected), fmt(r.variance), fmt(r.z), fmt(r.p_permutation), r.quadrant ?? "—"]),
        ),
      )
      return 0
    }
    const out = lisaRows(domainCall(() => lisaAnalysis(input.data, input.options)))
    if (input.json) {
      printJson(io, { rows: out })
      return 0
    }
    io.stdout.write(
      table(
        ["id", "Ii", "E(Ii)", "Var(Ii)", "z", "p", ...(permutations > 0 ? ["p perm"] : []), "quadrant"],
        out.map((r) => [
          r.id,
          fmt(r.Ii),
          fmt(r.expected),
          fmt(r.variance),
          fmt(r.z),
          fmt(r.p),
          ...(permutations > 0 ? [fmt(r.p_permutation)] : []),
          r.quadrant ?? "—",
        ]),
      ),
    )
    return 0
  },
}
