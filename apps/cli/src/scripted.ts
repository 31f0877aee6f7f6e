import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import type { CommandIO } from "./Command.js"

// The analysis commands that the bundle also builds as one script each, with the engine's code cache beside it
// (scripts/commandScripts.mjs): `<name>.command-<hash>.cjs` holds run.ts and that command alone,
// `<name>.command-<hash>.cjs.cache` the bytecode of a run on sample data, and command-scripts.json names them. A
// fresh process then neither parses the command's code nor compiles the functions the run calls; loading them as ES
// modules took a sixth of `jiju regress` on the US counties. Node 20 has no compile cache for ES modules, hence
// scripts. Outside the bundle (sources, tests) there are none and `run` loads the command as usual.

/** The exports of a command script: run.ts's `run`, with the catalog holding that command alone. */
interface CommandScript {
  run(argv: ReadonlyArray<string>, io: CommandIO): Promise<number>
}

/**
 * Run `jiju argv` through its command's script when the bundle has one, else undefined. The script's name carries
 * a hash of its text, so a cache is only ever read with the script it was made from (the engine itself checks no
 * more than the length). With JIJU_WRITE_CODE_CACHE=1 (the bundle's build, on sample data) the cache is written
 * after the run.
 * @example await runScripted(["regress", …], io) ?? (await run(["regress", …], io))
 */
export const runScripted = async (argv: ReadonlyArray<string>, io: CommandIO): Promise<number | undefined> => {
  const name = argv[0]
  // No command (the dashboard), or the help.
  if (name === undefined || name.startsWith("-") || name === "help") return undefined
  const dir = dirname(fileURLToPath(import.meta.url))
  let file: string
  let source: string
  try {
    const scripts = JSON.parse(readFileSync(join(dir, "command-scripts.json"), "utf8")) as Record<string, string>
    if (!Object.hasOwn(scripts, name)) return undefined
    file = join(dir, scripts[name]!)
    source = readFileSync(file, "utf8")
  } catch {
    return undefined
  }
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(`${file}.cache`)
  } catch {
    // No cache: the script is compiled as any module would be.
  }
  // node:vm and node:module only now: as ES modules they would cost every other command their facades.
  const { Script } = process.getBuiltinModule("node:vm")
  const wrapped = `(function (exports, require, module, __filename, __dirname, importChunk) {${source}\n})`
  const script = new Script(wrapped, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) })
  const module = { exports: {} as CommandScript }
  // What the script imports on demand comes from the bundle's chunks, imported here.
  const importChunk = (chunk: string) => import(pathToFileURL(join(dir, chunk)).href)
  script.runInThisContext()(module.exports, process.getBuiltinModule("node:module").createRequire(file), module, file, dir, importChunk)
  const code = await module.exports.run(argv, io)
  if (io.env.JIJU_WRITE_CODE_CACHE === "1") writeFileSync(`${file}.cache`, script.createCachedData())
  return code
}
