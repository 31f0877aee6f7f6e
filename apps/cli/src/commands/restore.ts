import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import { parseFlags } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson } from "../output.js"

/** `jiju restore FILE`: load an export into an empty store (all or nothing). */
export const restoreCommand: Command = {
  name: "restore",
  summary: { zh: "从导出文件恢复数据库", en: "restore the store from an export" },
  usage: "jiju restore FILE [--force] [--json]   (into an empty store; --force replaces a non-empty one, keeping its audit trail in audit_log_archive)",
  run: async (argv, io) => {
    const { values, positionals } = parseFlags(argv, { force: { type: "boolean" }, json: { type: "boolean" } }, true)
    const file = positionals[0]
    if (file === undefined || positionals.length > 1) throw new CliError("usage", "expected exactly one FILE: jiju restore FILE", 2)
    let doc: unknown
    try {
      doc = JSON.parse(await readFile(resolve(io.cwd, file), "utf8"))
    } catch (e) {
      throw new CliError(
        e instanceof SyntaxError ? "invalid_backup" : "file_not_found",
        e instanceof SyntaxError ? `${file} is not valid JSON (不是有效的 JSON)` : `cannot read ${file} (无法读取文件)`,
        1,
      )
    }
    const [{ withApp }, { restoreBackup }] = await Promise.all([import("../app.js"), import("@jiju/app")])
    return withApp(io, async (app) => {
      const result = await app.run(restoreBackup(app.actor, doc, { force: values.force === true }))
      const n = (t: string) => result.tables[t] ?? 0
      const counts = { regions: n("regions"), indicators: n("indicators"), clusters: n("clusters"), observations: n("observations") }
      if (values.json === true) printJson(io, { restored: file, ...counts, tables: result.tables, archived_audit: result.archivedAudit })
      else {
        io.stdout.write(
          `已恢复 restored ${file}: ${counts.regions} regions, ${counts.clusters} clusters, ${counts.indicators} indicators, ${counts.observations} observations\n`,
        )
        if (result.archivedAudit > 0)
          io.stderr.write(
            `原数据库的 ${result.archivedAudit} 条审计记录已移入 audit_log_archive · the replaced store's ${result.archivedAudit} audit entries were kept in audit_log_archive\n`,
          )
      }
      return 0
    })
  },
}
