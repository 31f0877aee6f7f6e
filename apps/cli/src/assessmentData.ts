import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import { type Actor, type AppServices, type AssessmentSource, operator, runOnFiles, storeSource, usesStore } from "@jiju/app"
import { Period } from "@jiju/domain/model"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { cliError, withApp } from "./app.js"
import { CliError } from "./CliError.js"
import type { CommandIO } from "./Command.js"

/** Flags the commands share for where data come from. */
export interface DataFlags {
  /** Long-format CSV/XLSX: cluster, period, indicator, value ("fact:NAME" rows state facts; a region code as cluster gives the region's figures). */
  readonly data?: string | undefined
  /** The zones of a --data file: id, name, group [, kind, form, level, region, name_en, management_body]. */
  readonly clusters?: string | undefined
}

const isPeriod = Schema.is(Period)

/**
 * Check a --period flag. CliError "bad_period" (exit 2) for anything that is not a period of the domain's grammar.
 * @example periodFlag("2025") // "2025"
 */
export const periodFlag = (value: string | undefined, flag = "period"): string => {
  if (value === undefined || value === "") throw new CliError("usage", `missing required flag --${flag}`, 2)
  if (!isPeriod(value)) throw new CliError("bad_period", `--${flag} expects a period like 2025, 2025Q1 or 2025-03; got "${value}"`, 2)
  return value
}

/** A file named by a flag, read as bytes; CliError "file_not_found" naming the flag. */
export const readFlagFile = async (io: CommandIO, path: string, flag: string): Promise<{ name: string; bytes: Uint8Array }> => {
  try {
    return { name: path, bytes: await readFile(resolve(io.cwd, path)) }
  } catch (e) {
    throw new CliError("file_not_found", `cannot read --${flag} file "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
  }
}

/**
 * The data the flags name: the store (neither flag), or the --data file about the zones of --clusters or, without
 * it, of the store's register. The files are read now, so that a missing file fails before the store opens.
 */
export const sourceFromFlags = async (io: CommandIO, flags: DataFlags): Promise<AssessmentSource> => {
  if (flags.clusters !== undefined && flags.data === undefined) throw new CliError("usage", "--clusters needs --data (the observations of those zones)", 2)
  if (flags.data === undefined) return storeSource
  const data = await readFlagFile(io, flags.data, "data")
  const clusters = flags.clusters !== undefined ? await readFlagFile(io, flags.clusters, "clusters") : undefined
  return { kind: "file", data, ...(clusters ? { clusters } : {}) }
}

/**
 * Run a use case as the operator on the data of `source`: through the application core over the store, or —
 * for files only — without opening the store at all. A failure becomes the CLI's one-line error with its code.
 * @example const doc = await judge(io, source, (actor) => stage(actor, { period: "2025", source }))
 */
export const judge = async <A, E>(io: CommandIO, source: AssessmentSource, useCase: (actor: Actor) => Effect.Effect<A, E, AppServices>): Promise<A> => {
  if (usesStore(source)) return withApp(io, (app) => app.run(useCase(app.actor)))
  try {
    return await runOnFiles(useCase(operator(io.env.USER ?? io.env.USERNAME ?? "operator")))
  } catch (e) {
    throw cliError(e)
  }
}

/** Whether a --scheme value names a file (a path, or a name ending in .json) rather than an id. */
export const isSchemeFile = (name: string): boolean => /[/\\]/.test(name) || name.toLowerCase().endsWith(".json")

/** Round for display. */
export const fmt = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? "—" : x.toFixed(digits))

/** The flags of the commands that judge zones in one period (stage, diagnose, certify). */
export const zoneFlagOptions = {
  json: { type: "boolean" },
  cluster: { type: "string" },
  period: { type: "string" },
  data: { type: "string" },
  clusters: { type: "string" },
} as const
