import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import type { CommandIO } from "./Command.js"
import { runCachedScript } from "./cachedScript.js"

// The analysis commands that the bundle also builds as one script each, with the engine's code cache beside it
// (scripts/commandScripts.mjs): `<name>.command-<hash>.cjs` holds run.ts and that command alone,
// `<name>.command-<hash>.cjs.cache` the bytecode of a run on sample data, and command-scripts.json names them. A
// fresh process then neither parses the command's code nor compiles the functions the run calls; loading them as ES
// modules took a sixth of `jiju regress` on the US counties. Outside the bundle (sources, tests) there are none and
// `run` loads the command as usual.

/** The exports of a command script: run.ts's `run`, with the catalog holding that command alone. */
interface CommandScript {
  run(argv: ReadonlyArray<string>, io: CommandIO): Promise<number>
}

/**
 * Run `jiju argv` through its command's script when the bundle has one, else undefined. With
 * JIJU_WRITE_CODE_CACHE=1 (the bundle's build, on sample data) the cache is written after the run.
 * @example await runScripted(["regress", …], io) ?? (await run(["regress", …], io))
 */
export const runScripted = async (argv: ReadonlyArray<string>, io: CommandIO): Promise<number | undefined> => {
  const name = argv[0]
  // No command (the dashboard), or the help.
  if (name === undefined || name.startsWith("-") || name === "help") return undefined
  const dir = dirname(fileURLToPath(import.meta.url))
  let file: string
  try {
    const scripts = JSON.parse(readFileSync(join(dir, "command-scripts.json"), "utf8")) as Record<string, string>
    if (!Object.hasOwn(scripts, name)) return undefined
    file = join(dir, scripts[name]!)
    if (!existsSync(file)) return undefined
  } catch {
    return undefined
  }
  // What the script imports on demand comes from the bundle's chunks, imported here.
  const importChunk = (chunk: string) => import(pathToFileURL(join(dir, chunk)).href)
  const script = runCachedScript<CommandScript>(file, io.env, { importChunk })
  const code = await script.exports.run(argv, io)
  script.keepCache()
  return code
}
