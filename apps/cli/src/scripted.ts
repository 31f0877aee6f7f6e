import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { homedir } from "node:os"
import { basename, dirname, join } from "node:path"
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
  // V8 takes a cache only from its own version and flags. The bundle's was made by the builder's Node; another Node
  // (or node run with other V8 flags) rejects it, and the first run then keeps one of its own in the user's cache.
  const own = join(codeCacheDir(io.env), `${basename(file)}.v8-${process.versions.v8}-${flagsKey()}.cache`)
  const cachedData = readIfThere(own) ?? readIfThere(`${file}.cache`)
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
  else if (cachedData === undefined || script.cachedDataRejected === true)
    try {
      mkdirSync(dirname(own), { recursive: true })
      // Written aside and renamed: a process starting meanwhile (many runs at once) reads a whole cache or none.
      const aside = `${own}.${process.pid}`
      writeFileSync(aside, script.createCachedData())
      renameSync(aside, own)
    } catch {
      // A cache directory that cannot be written: the next run compiles the script again.
    }
  return code
}

const readIfThere = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

// The V8 flags the process runs with (node's own options or NODE_OPTIONS change them): V8 rejects a cache made
// under other flags, so each set keeps its own.
const flagsKey = (): string => {
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ")
  let h = 2166136261
  for (let i = 0; i < flags.length; i++) h = Math.imul(h ^ flags.charCodeAt(i), 16777619)
  return (h >>> 0).toString(36)
}

/**
 * Where the code caches made on this machine live: $JIJU_CACHE_DIR, else $XDG_CACHE_HOME/jiju, else ~/.cache/jiju
 * (%LOCALAPPDATA%\jiju on Windows), with "code-cache" below it.
 * @example codeCacheDir({ XDG_CACHE_HOME: "/tmp/c" }) // "/tmp/c/jiju/code-cache"
 */
export const codeCacheDir = (env: Readonly<Record<string, string | undefined>>): string => {
  const base =
    env.JIJU_CACHE_DIR ||
    (env.XDG_CACHE_HOME
      ? join(env.XDG_CACHE_HOME, "jiju")
      : process.platform === "win32" && env.LOCALAPPDATA
        ? join(env.LOCALAPPDATA, "jiju")
        : join(homedir(), ".cache", "jiju"))
  return join(base, "code-cache")
}
