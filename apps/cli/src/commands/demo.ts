import { DEMO_SEED, loadDemo } from "@jiju/store"
import { numberFlag, parseFlags } from "../args.js"
import type { Command } from "../Command.js"
import { printJson } from "../output.js"
import { withStore } from "../store.js"

/** `jiju demo`: load the synthetic demo data set (Henan's zones, 2009–2025) into an empty store. */
export const demoCommand: Command = {
  name: "demo",
  summary: { zh: "向空数据库载入演示数据（合成）", en: "load synthetic demo data into an empty store" },
  usage: `jiju demo [--seed N] [--json]   (default seed ${DEMO_SEED}; every value is marked as demo data)`,
  run: async (argv, io) => {
    const { values } = parseFlags(argv, { seed: { type: "string" }, json: { type: "boolean" } })
    const seed = numberFlag(values.seed, "seed", DEMO_SEED)!
    return withStore(io, async (store) => {
      const result = await loadDemo(store, { seed })
      if (values.json === true) printJson(io, { demo: true, seed, ...result })
      else
        io.stdout.write(
          `已载入演示数据 loaded demo data (synthetic, seed ${seed}): ${result.regions} regions, ${result.clusters} clusters, ${result.observations} observations in ${result.milliseconds} ms\n`,
        )
      return 0
    })
  },
}
