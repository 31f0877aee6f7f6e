import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { type CachedScript, runCachedScript } from "../cachedScript.js"

type Env = Readonly<Record<string, string | undefined>>

/** What the dashboard loads after its first frame: the screens with Ink and React, and the data sources. */
export interface DashboardParts {
  mount(): Promise<typeof import("./ui/mount.js")>
  storeSource(): Promise<typeof import("./sources/storeSource.js")>
  apiSource(): Promise<typeof import("./sources/apiSource.js")>
  /** Keep the engine's code cache of what has run so far (the bundle's script only). */
  keepCache(): void
}

// In the bundle the parts are one CommonJS script (scripts/dashboardScript.mjs), run with V8's code cache: loading
// them as ES modules, Node compiles 1.4 MB of JavaScript at every launch (Node 20 has no compile cache for ES modules)
// and then each function the first ranking calls. The bundle ships no cache for it (making one would mean running
// the dashboard in a terminal at build time): the first launch keeps one in the user's cache (cachedScript.ts) once
// the store has answered, and later launches read it. Outside the bundle (sources, tests) the parts are modules.

const modules: DashboardParts = {
  mount: () => import("./ui/mount.js"),
  storeSource: () => import("./sources/storeSource.js"),
  apiSource: () => import("./sources/apiSource.js"),
  keepCache: () => {},
}

let script: Promise<CachedScript<Omit<DashboardParts, "keepCache">> | null> | undefined
let started: CachedScript<unknown> | null = null

/** The bundle's script, run at the first call; null outside the bundle. */
const loadScript = (env: Env) =>
  (script ??= (async () => {
    // Ink with React's developer tools (DEV=true) waits for them as it loads, which a script cannot: as modules.
    if (env.DEV === "true") return null
    const dir = dirname(fileURLToPath(import.meta.url))
    let file: string
    try {
      file = join(dir, (JSON.parse(readFileSync(join(dir, "dashboard-script.json"), "utf8")) as { file: string }).file)
    } catch {
      return null
    }
    // V8 takes a cache only under the flags it was made with, and the store sets PGlite's compilation flags when it
    // opens, before the cache is made: set here first, they are the same when the next launch reads it.
    const { tuneWasmCompilation } = await import("@jiju/app/local")
    tuneWasmCompilation()
    const run = runCachedScript<Omit<DashboardParts, "keepCache">>(file, env, {
      // The packages that stay outside the bundle (pg, resvg, PGlite) and the chunks the script takes the report
      // writers from are imported here, and found from here, as the chunks find them.
      importOutside: (specifier: string) => import(specifier),
      resolveOutside: (specifier: string) => import.meta.resolve(specifier),
    })
    started = run
    return run
  })())

/**
 * The dashboard's parts: from the bundle's script when there is one (run at the first call), else the modules.
 * @example const { mount } = await dashboardParts(process.env).mount()
 */
export const dashboardParts = (env: Env): DashboardParts => ({
  mount: async () => (await loadScript(env))?.exports.mount() ?? modules.mount(),
  storeSource: async () => (await loadScript(env))?.exports.storeSource() ?? modules.storeSource(),
  apiSource: async () => (await loadScript(env))?.exports.apiSource() ?? modules.apiSource(),
  keepCache: () => started?.keepCache(),
})
