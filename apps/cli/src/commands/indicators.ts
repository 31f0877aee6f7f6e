import { subsystemNames } from "@jiju/domain"
import { parseFlags } from "../args.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** `jiju indicators`: list the indicator catalogue of the store. */
export const indicatorsCommand: Command = {
  name: "indicators",
  summary: { zh: "列出指标目录", en: "list the indicator catalogue" },
  usage: "jiju indicators [--json]",
  run: async (argv, io) => {
    const { values } = parseFlags(argv, { json: { type: "boolean" } })
    const [{ withApp }, { allIndicators }] = await Promise.all([import("../app.js"), import("@jiju/app")])
    return withApp(io, async (app) => {
      const indicators = await app.run(allIndicators(app.actor))
      if (values.json === true) {
        printJson(io, { indicators })
        return 0
      }
      io.stdout.write(
        table(
          ["代码 code", "指标", "indicator", "单位 unit", "方向 dir", "子系统 subsystem"],
          indicators.map((d) => [d.code, d.zh, d.en, d.unit, d.direction === "positive" ? "+" : "−", subsystemNames[d.subsystem].zh]),
        ),
      )
      return 0
    })
  },
}
