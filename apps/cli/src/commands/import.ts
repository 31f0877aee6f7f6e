import { readFile } from "node:fs/promises"
import { basename, resolve } from "node:path"
import { InputError } from "@jiju/domain"
import { importObservationFile } from "@jiju/store"
import { parseFlags } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command, CommandIO } from "../Command.js"
import { printJson } from "../output.js"
import { withStore } from "../store.js"

/** Report a refused import: every bad row on stderr, and with --json the rows on stdout. Exit code 1. */
const reportInvalidRows = (io: CommandIO, e: InputError, json: boolean): number => {
  const rows = (e.issues ?? []).map((i) => ({
    row: i.row ?? null,
    column: i.column ?? null,
    value: i.value ?? null,
    reason: i.en,
    reason_zh: i.zh,
  }))
  io.stderr.write(`jiju: ${e.message}\njiju: ${e.zh}\n`)
  for (const r of rows) io.stderr.write(`  第 ${r.row} 行 row ${r.row}, ${r.column}: ${r.reason_zh} / ${r.reason}\n`)
  if (json) printJson(io, { error: { code: e.code, message: e.message, message_zh: e.zh, rows } })
  return 1
}

/** `jiju import FILE`: add indicator observations from a CSV or XLSX file, all or nothing. */
export const importCommand: Command = {
  name: "import",
  summary: { zh: "从 CSV/XLSX 导入指标数据（全部有效才写入）", en: "import observations from CSV/XLSX (all or nothing)" },
  usage: [
    "jiju import FILE [--format long|wide] [--json]",
    "  long: columns cluster, period, indicator, value [, source, note]",
    "  wide: columns cluster, period, then one column per indicator (code, 中文名 or English name)",
    "  Any bad row refuses the whole file; every bad row is reported with its row number.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values, positionals } = parseFlags(argv, { json: { type: "boolean" }, format: { type: "string" } }, true)
    const json = values.json === true
    const file = positionals[0]
    if (file === undefined || positionals.length > 1) throw new CliError("usage", "expected exactly one FILE: jiju import FILE", 2)
    const format = values.format
    if (format !== undefined && format !== "long" && format !== "wide") throw new CliError("usage", `--format must be long or wide, got "${format}"`, 2)
    const path = resolve(io.cwd, file)
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch {
      throw new CliError("file_not_found", `cannot read ${file} (无法读取文件)`, 1)
    }
    return withStore(io, async (store) => {
      try {
        const result = await importObservationFile(store, bytes, basename(file), format ? { format } : {})
        if (json) printJson(io, { imported: result.imported, file, format: result.format })
        else io.stdout.write(`已导入 ${result.imported} 条观测值 imported ${result.imported} observations from ${file} (${result.format})\n`)
        return 0
      } catch (e) {
        if (e instanceof InputError && e.code === "invalid_rows") return reportInvalidRows(io, e, json)
        throw e
      }
    })
  },
}
