import { macroZoneNames, type RegionLevel } from "@jiju/domain"
import { parseFlags } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

const LEVELS: ReadonlyArray<RegionLevel> = ["province", "prefecture", "county"]

/** `jiju regions`: list the regions (GB/T 2260) in the store. */
export const regionsCommand: Command = {
  name: "regions",
  summary: { zh: "列出行政区划", en: "list regions (GB/T 2260)" },
  usage: "jiju regions [--json] [--level province|prefecture|county] [--parent CODE]",
  run: async (argv, io) => {
    const { values } = parseFlags(argv, { json: { type: "boolean" }, level: { type: "string" }, parent: { type: "string" } })
    const level = values.level as RegionLevel | undefined
    if (level !== undefined && !LEVELS.includes(level)) throw new CliError("usage", `--level must be one of ${LEVELS.join(", ")}; got "${values.level}"`, 2)
    const [{ withApp }, { allRegions }] = await Promise.all([import("../app.js"), import("@jiju/app")])
    return withApp(io, async (app) => {
      const regions = await app.run(allRegions(app.actor, { level, parent: values.parent }))
      if (values.json === true) {
        printJson(io, { regions })
        return 0
      }
      io.stdout.write(
        table(
          ["代码 code", "名称 name", "级别 level", "上级 parent", "地区 zone"],
          regions.map((r) => [r.code, r.name, r.level, r.parent ?? "", macroZoneNames[r.macroZone].zh]),
        ),
      )
      return 0
    })
  },
}
