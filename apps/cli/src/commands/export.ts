import { writeFile } from "node:fs/promises"
import { resolve } from "node:path"
import { parseFlags, required } from "../args.js"
import type { Command } from "../Command.js"
import { printJson } from "../output.js"

/** `jiju export --out FILE`: the whole store as one JSON document. */
export const exportCommand: Command = {
  name: "export",
  summary: { zh: "导出整个数据库为 JSON", en: "export the whole store as JSON" },
  usage: "jiju export --out FILE [--json]   (restore it with: jiju restore FILE)",
  run: async (argv, io) => {
    const { values } = parseFlags(argv, { out: { type: "string" }, json: { type: "boolean" } })
    const out = required(values.out, "out")
    const [{ withApp }, { exportBackup }] = await Promise.all([import("../app.js"), import("@jiju/app")])
    return withApp(io, async (app) => {
      const doc = await app.run(exportBackup(app.actor))
      await writeFile(resolve(io.cwd, out), `${JSON.stringify(doc)}\n`)
      const rows = (t: string) => doc.tables[t]?.length ?? 0
      const counts = { regions: rows("regions"), indicators: rows("indicators"), clusters: rows("clusters"), observations: rows("observations") }
      const tables = Object.fromEntries(Object.entries(doc.tables).map(([t, r]) => [t, r.length]))
      if (values.json === true) printJson(io, { exported: out, format: doc.format, version: doc.version, ...counts, tables })
      else
        io.stdout.write(
          `已导出 exported to ${out}: ${counts.regions} regions, ${counts.clusters} clusters, ${counts.indicators} indicators, ${counts.observations} observations; ${Object.keys(tables).length} tables in all (accounts, audit trail, runs …)\n`,
        )
      return 0
    })
  },
}
