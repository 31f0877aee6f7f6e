import { readFile } from "node:fs/promises"
import { basename, resolve } from "node:path"
import { InputError, issuesOf } from "@jiju/domain/model"
import { parseFlags } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command, CommandIO } from "../Command.js"
import { printJson } from "../output.js"

/**
 * Report a refused import: every bad row on stderr, and with --json the rows on stdout (`rows` as before, and
 * `issues` in the one issue shape {code, row, column, value, en, zh} every surface reports). Exit code 1.
 */
const reportInvalidRows = (io: CommandIO, e: InputError, json: boolean): number => {
  const issues = issuesOf(e)
  const rows = issues.map((i) => ({ row: i.row, column: i.column, value: i.value, reason: i.en, reason_zh: i.zh }))
  io.stderr.write(`jiju: ${e.message}\njiju: ${e.zh}\n`)
  for (const r of rows) io.stderr.write(`  第 ${r.row} 行 row ${r.row}, ${r.column}: ${r.reason_zh} / ${r.reason}\n`)
  if (json) printJson(io, { error: { code: e.code, message: e.message, message_zh: e.zh, rows, issues } })
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
    "  Values are checked as the web form and the API check them: archived zones and indicators take no new values,",
    "  periods must have begun, percentages lie within 0–100, counts are whole numbers.",
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
    const [{ withApp }, { importObservationFile }] = await Promise.all([import("../app.js"), import("@jiju/app")])
    return withApp(io, async (app) => {
      try {
        // The runtime's own run: a refused file keeps its located issues for the report.
        const result = await app.runtime.run(importObservationFile(app.actor, { bytes, fileName: basename(file), format }))
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
