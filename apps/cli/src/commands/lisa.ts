import os from "node:os"
import { Worker } from "node:worker_threads"
import { bivariateLisaReport, type LocalPermutationInput, lisaAnalysis, lisaFromPreparation, lisaRows, prepareLisa } from "@jiju/domain"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { domainCall, spatialVariableInput, weightsUsage } from "../weightsOptions.js"

const usage = `jiju lisa — 局部莫兰指数 · local Moran's I (LISA)

usage: jiju lisa --data FILE [--id COL] --var EXPR [--with EXPR] <weights> [--permutations N --seed S] [--threads T] [--json]

  --data          CSV, XLSX, JSON records or GeoJSON, one row per spatial unit
  --var           column name or expression, e.g. CRIME or log(gdp)
  --with          a second variable: bivariate LISA of --var and the spatial lag of --with (GeoDa)
  --permutations  conditional permutations per unit for a pseudo p-value (default 0: none; with --with 999)
  --seed          seed of the permutations (default 1)
  --threads       worker threads for the univariate permutations (default: the number of CPU cores; 1: none)

${weightsUsage}

As R spdep localmoran (conditional = TRUE, mlvar = TRUE, zero.policy = TRUE); p is two-sided 2·(1 − Φ(|z|)).
Quadrants (spdep "mean" scheme): HH, LL, HL, LH comparing the value with the mean and its spatial lag with the
mean lag; units without neighbours get none. The permutation p-value is spdep localmoran_perm's folded one,
(min(k, N − k) + 1)/(N + 1) with k = #{I_i* ≥ I_i}, the neighbours drawn from the other units with replacement.
Each unit draws from its own random stream of the seed: the p-values are the same for any --threads.
Bivariate (--with), as GeoDa: I_i = zx_i Σ_j w_ij zy_j (population-SD standardisation); E, Var and z from the
conditional permutations of the neighbours' y (spdep localmoran_bv); quadrants compare x_i with mean(x) and
(Wy)_i with mean(Wy).`

const fmt = (x: number | null): string => (x === null || !Number.isFinite(x) ? "—" : Math.abs(x) < 1e-4 && x !== 0 ? x.toExponential(3) : x.toFixed(4))

/** Take `--threads N` (or `--threads=N`) out of argv: the shared spatial flags do not know it. */
const takeThreads = (argv: ReadonlyArray<string>): { threads: number; rest: string[] } => {
  const rest: string[] = []
  let text: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === "--threads") text = argv[++i] ?? ""
    else if (a.startsWith("--threads=")) text = a.slice("--threads=".length)
    else rest.push(a)
  }
  if (text === undefined) return { threads: os.availableParallelism(), rest }
  const threads = Number(text)
  if (!Number.isInteger(threads) || threads < 1) throw new CliError("bad_threads", `--threads "${text}": expected a whole number ≥ 1`, 2)
  return { threads, rest }
}

/**
 * Permutation p-values of every unit, computed in `threads` worker threads on ranges of units handed out as
 * workers finish (about eight ranges per thread, for balance and progress). Every unit has its own random
 * stream, so the result does not depend on `threads`.
 */
const permutationsInThreads = (
  input: LocalPermutationInput,
  threads: number,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<Float64Array> => {
  const n = input.z.length
  const count = Math.max(1, Math.min(threads, Math.ceil(n / 256)))
  const size = Math.max(64, Math.ceil(n / (count * 8)))
  const ranges: Array<[number, number]> = []
  for (let from = 0; from < n; from += size) ranges.push([from, Math.min(n, from + size)])
  const out = new Float64Array(n)
  const workers: Worker[] = []
  return new Promise<Float64Array>((resolve, reject) => {
    let next = 0
    let done = 0
    let finished = false
    const stop = (error?: unknown) => {
      if (finished) return
      finished = true
      for (const w of workers) void w.terminate()
      if (error === undefined) resolve(out)
      else reject(error)
    }
    const hand = (w: Worker) => {
      if (next < ranges.length) {
        const [from, to] = ranges[next++]!
        w.postMessage({ from, to })
      }
    }
    for (let t = 0; t < count; t++) {
      const w = new Worker(new URL("./lisaWorker.mjs", import.meta.url), { execArgv: [], workerData: { input } })
      workers.push(w)
      w.on("message", (m: { ready?: boolean; from?: number; p?: Float64Array }) => {
        if (m.p !== undefined && m.from !== undefined) {
          out.set(m.p, m.from)
          done += m.p.length
          onProgress?.(done * input.permutations, n * input.permutations)
          if (done === n) return stop()
        }
        hand(w)
      })
      w.on("error", stop)
      w.on("exit", (code) => {
        if (code !== 0) stop(new CliError("worker_failed", `a permutation worker stopped with code ${code}`, 1))
      })
    }
  })
}

/** `jiju lisa`: local Moran's I per unit with quadrant and (optionally) permutation p-values. */
export const lisaCommand: Command = {
  name: "lisa",
  summary: { zh: "局部莫兰指数与集聚象限（含双变量）", en: "local Moran's I (LISA) and cluster quadrants, bivariate too" },
  usage,
  async run(argv, io) {
    const { threads, rest } = takeThreads(argv)
    const input = await spatialVariableInput(rest, io, { allowWith: true })
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
    let result: ReturnType<typeof lisaAnalysis>
    if (permutations > 0 && threads > 1) {
      const prep = domainCall(() => prepareLisa(input.data, input.options))
      const pValues = await permutationsInThreads(prep.permutation, threads, input.options.onProgress)
      result = domainCall(() => lisaFromPreparation(prep, input.options, pValues))
    } else result = domainCall(() => lisaAnalysis(input.data, input.options))
    const out = lisaRows(result)
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
