import { CliError } from "./CliError.js"
import type { CommandIO } from "./Command.js"
import { tableSink } from "./csvFormat.js"

/** Print exactly one JSON document on stdout. */
export const printJson = (io: CommandIO, value: unknown): void => {
  io.stdout.write(`${JSON.stringify(value, jsonReplacer)}\n`)
}

// Non-finite numbers have no JSON form; null says "not defined" honestly.
const jsonReplacer = (_key: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v)

/**
 * The error contract: one line on stderr, and with --json also {"error":{"code","message"}} on stdout.
 * Returns the exit code.
 */
export const reportError = (io: CommandIO, error: unknown, json: boolean): number => {
  const e = error instanceof CliError ? error : new CliError("internal", error instanceof Error ? error.message : String(error), 1)
  const line = e.message.replace(/\s*\n\s*/g, "; ")
  io.stderr.write(`jiju: ${line}\n`)
  if (json) printJson(io, { error: { code: e.code, message: line } })
  return e.exitCode
}

/** Render rows as an aligned text table (wide CJK characters count as two columns). */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  // Under --format csv the table is kept for the CSV and its text is not printed.
  const csv = tableSink()
  if (csv) {
    csv.push({ header, rows })
    return ""
  }
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0)
  const all = [header, ...rows]
  const widths = header.map((_, c) => Math.max(...all.map((r) => width(r[c] ?? ""))))
  const line = (r: ReadonlyArray<string>) =>
    r
      .map((cell, c) => cell + " ".repeat(Math.max(0, widths[c]! - width(cell))))
      .join("  ")
      .trimEnd()
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n"
}
