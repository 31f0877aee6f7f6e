import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { homedir } from "node:os"
import { basename, dirname, join } from "node:path"

// The bundle's scripts (src/scripted.ts: one per analysis command; dashboard/parts.ts: the dashboard's screens and
// store) are CommonJS files run through node:vm with V8's code cache, because Node 20 has no compile cache for ES
// modules. A script's name carries a hash of its text, so a cache is only ever read with the script it was made
// from (V8 itself checks no more than the length).

/** A script run with its code cache, and the means to keep the engine's cache of it. */
export interface CachedScript<T> {
  readonly exports: T
  /**
   * Keep the bytecode compiled so far: into the bundle (beside the script) when JIJU_WRITE_CODE_CACHE=1 (the
   * bundle's build), else into the user's cache when the run had none that V8 took. Nothing otherwise.
   */
  keepCache(): void
}

/**
 * Run the CommonJS script `file` with the code cache the user's cache or the bundle holds for it. `scope` adds
 * names the script's text may use besides CommonJS's own (exports, require, module, __filename, __dirname).
 * @example const { exports } = runCachedScript<{ run: … }>(file, process.env, { importChunk })
 */
export const runCachedScript = <T>(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
  scope: Readonly<Record<string, unknown>> = {},
): CachedScript<T> => {
  const source = readFileSync(file, "utf8")
  // V8 takes a cache only from its own version and flags. The bundle's was made by the builder's Node; another Node
  // (or node run with other V8 flags) rejects it, and the first run then keeps one of its own in the user's cache.
  const own = join(codeCacheDir(env), `${basename(file)}.v8-${process.versions.v8}-${flagsKey()}.cache`)
  const cachedData = readIfThere(own) ?? readIfThere(`${file}.cache`)
  // node:vm and node:module only now: as ES modules they would cost every other command their facades.
  const { Script } = process.getBuiltinModule("node:vm")
  const names = ["exports", "require", "module", "__filename", "__dirname", ...Object.keys(scope)]
  const script = new Script(`(function (${names.join(", ")}) {${source}\n})`, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) })
  const module = { exports: {} as T }
  const require = process.getBuiltinModule("node:module").createRequire(file)
  script.runInThisContext()(module.exports, require, module, file, dirname(file), ...Object.values(scope))
  let kept = false
  return {
    get exports() {
      return module.exports
    },
    keepCache: () => {
      if (kept) return
      kept = true
      if (env.JIJU_WRITE_CODE_CACHE === "1") writeFileSync(`${file}.cache`, script.createCachedData())
      else if (cachedData === undefined || script.cachedDataRejected === true) keepOwn(own, script.createCachedData())
    },
  }
}

const keepOwn = (own: string, data: Buffer): void => {
  try {
    const dir = dirname(own)
    mkdirSync(dir, { recursive: true })
    // Written aside and renamed: a process starting meanwhile (many runs at once) reads a whole cache or none.
    const aside = `${own}.${process.pid}`
    writeFileSync(aside, data)
    renameSync(aside, own)
    // Other builds' caches of this script (another hash in the name) that no run has written for a month: a build
    // still in use beside this one (two installs) writes its own again.
    const script = (f: string) => f.split(".v8-")[0]!
    const stem = /^([^-]+)-/.exec(basename(own))?.[1]
    const old = Date.now() - 30 * 86_400_000
    if (stem !== undefined)
      for (const f of readdirSync(dir))
        if (f.startsWith(`${stem}-`) && script(f) !== script(basename(own)) && statSync(join(dir, f)).mtimeMs < old) rmSync(join(dir, f), { force: true })
  } catch {
    // A cache directory that cannot be written: the next run compiles the script again.
  }
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
