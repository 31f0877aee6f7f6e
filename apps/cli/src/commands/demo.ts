import { numberFlag, parseFlags } from "../args.js"
import type { Command } from "../Command.js"
import { printJson } from "../output.js"

/** `jiju demo`: load the synthetic demo data set (Henan's zones, 2009–2025) into an empty store. */
export const demoCommand: Command = {
  name: "demo",
  summary: { zh: "向空数据库载入演示数据（合成）", en: "load synthetic demo data into an empty store" },
  usage: "jiju demo [--seed N] [--json]   (the demo's standard seed by default; every value is marked as demo data)",
  run: async (argv, io) => {
    const { values } = parseFlags(argv, { seed: { type: "string" }, json: { type: "boolean" } })
    const given = numberFlag(values.seed, "seed", undefined)
    const [{ withApp }, { loadDemoData }] = await Promise.all([import("../app.js"), import("@jiju/app")])
    return withApp(io, async (app) => {
      const { seed, ...result } = await app.run(loadDemoData(app.actor, given === undefined ? {} : { seed: given }))
      if (values.json === true) printJson(io, { demo: true, seed, ...result })
      else
        io.stdout.write(
          `已载入演示数据 loaded demo data (synthetic, seed ${seed}): ${result.regions} regions, ${result.clusters} clusters, ${result.observations} observations in ${result.milliseconds} ms\n`,
        )
      return 0
    })
  },
}
