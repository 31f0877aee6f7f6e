import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import { couplingAnalysis, couplingDocument, type DataTable, readTable, signedIndicator } from "@jiju/domain"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command, CommandIO } from "../Command.js"
import { printJson, table } from "../output.js"
import { cliError } from "../weightsOptions.js"

/** One parsed `--subsystem NAME=a,b,-c` flag. */
export interface SubsystemFlag {
  readonly name: string
  readonly indicators: ReadonlyArray<{ readonly column: string; readonly direction: "positive" | "negative" }>
}

const SUBSYSTEM_HELP = 'expected NAME=col1,col2,-col3 (a leading "-" marks a negative indicator)'

/**
 * Parse `NAME=a,b,-c`: subsystem name, then comma-separated columns, "-" before a column for a negative indicator
 * ("+" is allowed for positive). Throws CliError "bad_subsystem" (exit 2) on anything else.
 * @example parseSubsystem("env=green,-so2") // { name: "env", indicators: [{ column: "green", … }, { column: "so2", direction: "negative" }] }
 */
export const parseSubsystem = (text: string): SubsystemFlag => {
  const eq = text.indexOf("=")
  const name = eq > 0 ? text.slice(0, eq).trim() : ""
  const parts =
    eq > 0
      ? text
          .slice(eq + 1)
          .split(",")
          .map((p) => p.trim())
      : []
  if (name === "" || parts.length === 0 || parts.some((p) => p === "" || p === "-" || p === "+"))
    throw new CliError("bad_subsystem", `--subsystem "${text}": ${SUBSYSTEM_HELP}`, 2)
  const indicators = parts.map(signedIndicator)
  const seen = new Set<string>()
  for (const i of indicators) {
    if (seen.has(i.column)) throw new CliError("bad_subsystem", `--subsystem "${text}": column "${i.column}" is listed twice`, 2)
    seen.add(i.column)
  }
  return { name, indicators }
}

/** Parse `--alpha 0.5,0.3,0.2`: one non-negative number per subsystem, summing to 1 (±1e-6). */
export const parseAlpha = (text: string, subsystems: ReadonlyArray<string>): number[] => {
  const parts = text.split(",").map((p) => p.trim())
  const values = parts.map(Number)
  const bad = parts.findIndex((p, k) => p === "" || !Number.isFinite(values[k]!) || values[k]! < 0)
  if (bad >= 0) throw new CliError("bad_alpha", `--alpha: "${parts[bad]}" is not a non-negative number`, 2)
  if (values.length !== subsystems.length)
    throw new CliError(
      "bad_alpha",
      `--alpha has ${values.length} value(s) but there are ${subsystems.length} subsystems (${subsystems.join(", ")}); give one per subsystem in the same order`,
      2,
    )
  const sum = values.reduce((a, b) => a + b, 0)
  if (Math.abs(sum - 1) > 1e-6) throw new CliError("bad_alpha", `--alpha must sum to 1, got ${sum}`, 2)
  return values
}

/**
 * Read a --data file (CSV, TSV, XLSX, JSON records, GeoJSON; chosen by extension through the domain's readTable).
 * Throws CliError "file_not_found", or InputError from the reader (e.g. "unsupported_format").
 */
export const readDataFile = async (path: string, io: CommandIO, sheet?: string, flag = "data"): Promise<DataTable> => {
  let bytes: Uint8Array
  try {
    bytes = await readFile(resolve(io.cwd, path))
  } catch (e) {
    throw new CliError("file_not_found", `cannot read --${flag} file "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
  }
  return readTable(bytes, path, sheet === undefined ? {} : { sheet })
}

/** Turn a domain error into the CLI's one-line error with the same code (see cliError). */
export const asCliError = cliError

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : "—")

const usage = `jiju coupling — 耦合协调度 · coupling coordination degree of 2+ subsystems

usage: jiju coupling --data FILE --id COL [--period COL]
                     --subsystem "NAME=a,b,-c" --subsystem "NAME=d,e" [...]
                     [--weighting entropy|equal] [--normalise minmax|shifted] [--alpha 0.5,0.5] [--sheet S] [--json]

  --data        CSV, XLSX, JSON records or GeoJSON, one row per unit (and period); --sheet picks an XLSX sheet
  --id          column naming the unit (zone, city …)
  --period      column naming the period, when rows span several periods
  --subsystem   a subsystem and its indicator columns; "-" before a column marks a negative indicator
  --weighting   weights of indicators within a subsystem: entropy (default) or equal
  --normalise   minmax (default) or shifted (into [0.01, 0.99])
  --alpha       contribution of each subsystem to T, in --subsystem order, summing to 1 (default equal)

Normalisation and entropy weights pool all rows (units and periods together).
Output: weights per subsystem; per row U, C, C_corrected (王淑佳 et al. 2021), T, D, level, lagging subsystem;
the boundary rule of the levels (lower bound inclusive).`

/** `jiju coupling`: coupling coordination degree (耦合协调度) from a data file. */
export const couplingCommand: Command = {
  name: "coupling",
  summary: { zh: "耦合协调度分析", en: "coupling coordination degree" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      data: { type: "string" },
      id: { type: "string" },
      period: { type: "string" },
      subsystem: { type: "string", multiple: true },
      weighting: { type: "string" },
      normalise: { type: "string" },
      alpha: { type: "string" },
      sheet: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const idCol = required(f.id, "id")
    const weighting = f.weighting ?? "entropy"
    if (weighting !== "entropy" && weighting !== "equal") throw new CliError("usage", `--weighting must be entropy or equal, got "${weighting}"`, 2)
    const method = f.normalise ?? "minmax"
    if (method !== "minmax" && method !== "shifted") throw new CliError("usage", `--normalise must be minmax or shifted, got "${method}"`, 2)
    const subs = (f.subsystem ?? []).map(parseSubsystem)
    if (subs.length < 2) throw new CliError("bad_subsystem", `need at least two --subsystem flags, got ${subs.length}; ${SUBSYSTEM_HELP}`, 2)
    const names = subs.map((s) => s.name)
    const dup = names.find((n, k) => names.indexOf(n) !== k)
    if (dup !== undefined) throw new CliError("bad_subsystem", `subsystem "${dup}" is given twice`, 2)
    const alpha = f.alpha === undefined ? undefined : parseAlpha(f.alpha, names)

    try {
      const data = await readDataFile(dataPath, io, f.sheet)
      const a = couplingAnalysis(data, {
        id: idCol,
        period: f.period,
        subsystems: subs,
        weighting,
        normalise: method,
        alpha,
      })
      const doc = couplingDocument(a)
      const { rows } = doc
      const result = a.result
      const periods = a.periods
      if (f.json) {
        printJson(io, doc)
        return 0
      }
      const wRows = Object.entries(result.weights).flatMap(([s, w]) => Object.entries(w).map(([c, v]) => [s, c, fmt(v)]))
      io.stdout.write(`指标权重 indicator weights (${weighting}, ${method})\n`)
      io.stdout.write(table(["subsystem", "indicator", "weight"], wRows))
      io.stdout.write("\n")
      const header = ["id", ...(periods ? ["period"] : []), ...names.map((n) => `U_${n}`), "C", "C_corr", "T", "D", "level", "lagging"]
      io.stdout.write(
        table(
          header,
          rows.map((r) => [
            r.id,
            ...(periods ? [String(r.period ?? "")] : []),
            ...names.map((n) => fmt(r.U[n]!)),
            fmt(r.C),
            fmt(r.C_corrected),
            fmt(r.T),
            fmt(r.D),
            `${r.level.zh} ${r.level.en}`,
            r.lagging,
          ]),
        ),
      )
      io.stdout.write(`\n${result.boundary_rule.zh}\n${result.boundary_rule.en}\n`)
      for (const n of result.notes) io.stdout.write(`${n.zh} · ${n.en}\n`)
      return 0
    } catch (e) {
      throw asCliError(e)
    }
  },
}
