#!/usr/bin/env node
// Build `jiju` as one bundle with a lazily loaded chunk per command (rolldown, the bundler Vite 8 already brings
// into the lockfile). `jiju --help` then loads one small file; a command loads its own chunk and the shared chunks
// it needs, never the others, the store or effect's index. The workspace packages (@jiju/domain, app, store,
// server) are bundled from their sources; only PGlite (its WASM and data files sit beside its modules), pg and
// resvg (the WASM that turns a bulletin's charts into pictures, found beside its module) stay external, as the
// published package's dependencies.
//
//   node scripts/bundle.mjs [--no-minify]   → dist/main.js, dist/*.js chunks, dist/analysisWorker.mjs, dist/migrations/,
//                                  dist/<command>.command.cjs and .cache (commandScripts.mjs),
//                                  dist/dashboard.script-<hash>.cjs (dashboardScript.mjs),
//                                  dist/web/ (the built web app, when apps/web/dist exists), dist/bundle.json,
//                                  dist/THIRD-PARTY-LICENSES.md (the licences of the bundled packages)
//
// Files found beside a module at run time (`new URL("…", import.meta.url)`): a module file (a worker thread's
// entry, `new Worker(new URL("./worker.mjs", import.meta.url))`) is found by scanning the sources and bundled as an
// entry of its own beside the chunks, the URL rewritten to it; folders (migrations, the web app) are listed in
// RELOCATED and copied. Any other such URL in our sources fails the build, so that a new one cannot ship broken.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { builtinModules } from "node:module"
import { basename, dirname, extname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { rolldown } from "rolldown"
import { buildCommandScripts, trainCommandScripts } from "./commandScripts.mjs"
import { buildDashboardScript } from "./dashboardScript.mjs"

const cli = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const root = resolve(cli, "../..")
const dist = join(cli, "dist")

/** Runtime dependencies that stay outside the bundle (the published package's `dependencies`). */
export const EXTERNAL = ["@electric-sql/pglite", "@resvg/resvg-wasm", "pg"]

/**
 * Run-time folders of bundled modules: the module, the literal it passes to `new URL(…, import.meta.url)`, and the
 * folder the bundle copies in its place. Worker entries are found in the sources (discoverWorkers).
 */
const COPIED = [
  { module: "packages/store/src/db/migrate.ts", literal: "../../migrations/", copy: "packages/store/migrations", to: "migrations/" },
  // The web app is optional in a development build (apps/web builds separately); the package test checks it is there.
  { module: "packages/server/src/Server.ts", literal: "../../../apps/web/dist/", copy: "apps/web/dist", to: "web/", optional: true, skip: /\.map$/ },
]

const NEW_URL = /new\s+URL\(\s*(["'`])([^"'`]+)\1\s*,\s*import\.meta\.url\s*\)/g

// The sources bundled from the workspace, scanned for worker entries.
const SOURCES = ["apps/cli/src", "packages/domain/src", "packages/app/src", "packages/store/src", "packages/server/src"]
const MODULE = /\.(mjs|js|ts|mts)$/

/** The module a `new URL(literal, import.meta.url)` in `file` names, if it is one (a .js literal may name a .ts source). */
const moduleTarget = (file, literal) => {
  if (!MODULE.test(literal)) return null
  const target = resolve(dirname(join(root, file)), literal)
  for (const t of [target, target.replace(/\.js$/, ".ts"), target.replace(/\.mjs$/, ".mts")]) if (existsSync(t) && statSync(t).isFile()) return t
  return null
}

/** Worker entries found in the sources: every `new URL("./x.mjs", import.meta.url)` naming a module file. */
const discoverWorkers = () => {
  const found = []
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.(ts|tsx|mts|mjs|js)$/.test(e.name) && !e.name.endsWith(".d.ts")) {
        const code = readFileSync(p, "utf8")
        if (!code.includes("import.meta.url")) continue
        for (const m of code.matchAll(NEW_URL)) {
          const file = relative(root, p)
          const target = moduleTarget(file, m[2])
          if (!target) continue
          const base = basename(target, extname(target))
          // Two workers of one name in different folders: the folder tells them apart.
          const to = `${found.some((w) => w.to === `${base}.mjs` && w.worker !== relative(root, target)) ? `${basename(dirname(target))}-` : ""}${base}.mjs`
          found.push({ module: file, literal: m[2], worker: relative(root, target), to })
        }
      }
    }
  }
  for (const d of SOURCES) if (existsSync(join(root, d))) walk(join(root, d))
  return found
}

const RELOCATED = [...discoverWorkers(), ...COPIED]

/**
 * Rewrite the run-time file references listed in RELOCATED; refuse any other in our own sources. `complete`: the
 * build must meet every folder in COPIED (the chunks' build does; the dashboard's script holds no server).
 */
const relocate = ({ complete = true } = {}) => {
  const seen = new Set()
  return {
    name: "jiju-relocate",
    transform(code, id) {
      if (!code.includes("import.meta.url") || !id.startsWith("/")) return null
      const file = relative(root, id)
      const ours = !file.startsWith("..") && !file.includes("node_modules")
      if (!ours) return null
      if (/createRequire\(\s*import\.meta\.url/.test(code)) this.error(`${file}: createRequire(import.meta.url) cannot be bundled; import the file statically`)
      let out = code
      for (const m of code.matchAll(NEW_URL)) {
        const entry = RELOCATED.find((r) => r.module === file && r.literal === m[2])
        if (!entry) this.error(`${file}: new URL("${m[2]}", import.meta.url) names neither a module file nor a folder listed in scripts/bundle.mjs COPIED`)
        seen.add(entry)
        out = out.replace(m[0], `new URL(${JSON.stringify(`./${entry.to}`)}, import.meta.url)`)
      }
      return out === code ? null : { code: out, map: null }
    },
    buildEnd() {
      if (complete) for (const r of COPIED) if (!seen.has(r)) this.error(`scripts/bundle.mjs COPIED: ${r.module} no longer refers to "${r.literal}"`)
    },
  }
}

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])

const started = performance.now()
rmSync(dist, { recursive: true, force: true })
const workers = Object.fromEntries(RELOCATED.filter((r) => r.worker).map((r) => [r.to.replace(/\.mjs$/, ""), join(root, r.worker)]))
console.log(
  `bundle: worker entries ${
    Object.values(workers)
      .map((w) => relative(root, w))
      .join(", ") || "none"
  }`,
)
// Shared by the chunks and the command scripts (commandScripts.mjs).
const inputOptions = {
  platform: "node",
  cwd: cli,
  tsconfig: join(cli, "tsconfig.build.json"),
  // The workspace packages from their TypeScript sources (the same condition tsc and vitest use).
  resolve: { conditionNames: ["@jiju/source", "import", "module", "node", "default"] },
  external: (id) => builtins.has(id) || EXTERNAL.some((e) => id === e || id.startsWith(`${e}/`)) || id === "react-devtools-core",
  transform: { define: { "process.env.NODE_ENV": JSON.stringify("production") } },
  onLog(level, log, handler) {
    // Circular re-exports inside effect and ink are theirs and harmless.
    if (log.code === "CIRCULAR_DEPENDENCY" || log.code === "EVAL") return
    handler(level, log)
  },
}
const minify = !process.argv.includes("--no-minify")
const bundle = await rolldown({ ...inputOptions, input: { main: join(cli, "src/main.ts"), ...workers }, plugins: [relocate()] })
const { output } = await bundle.write({
  dir: dist,
  format: "esm",
  entryFileNames: (c) => (c.name === "main" ? "main.js" : `${c.name}.mjs`),
  chunkFileNames: "[name]-[hash].js",
  // Smaller files parse faster; --no-minify keeps the names (for a profile).
  minify,
})
await bundle.close()

for (const r of RELOCATED.filter((r) => r.copy)) {
  const from = join(root, r.copy)
  if (!existsSync(from)) {
    if (r.optional) {
      console.warn(`bundle: ${r.copy} is absent (build it first); the bundle ships without it`)
      continue
    }
    throw new Error(`bundle: ${r.copy} is missing`)
  }
  cpSync(from, join(dist, r.to), { recursive: true, filter: (f) => !r.skip?.test(f) })
}

// A bundled module's path as the manifest names it: from the repository's root, packages outside it from their
// node_modules folder.
const source = (m) => relative(root, m).replace(/^(\.\.\/)+/, "")
// Which source modules each chunk holds, for the start-up test (tests/startup/modules.test.ts) and for readers.
const manifest = output
  .filter((o) => o.type === "chunk")
  .map((c) => ({
    file: c.fileName,
    entry: c.isEntry,
    dynamicEntry: c.isDynamicEntry,
    bytes: Buffer.byteLength(c.code),
    modules: c.moduleIds.map(source),
    imports: c.imports,
  }))
const scripts = await buildCommandScripts({ cli, source, dist, inputOptions, minify, chunks: output.filter((o) => o.type === "chunk") })
const dashboardScript = await buildDashboardScript({
  cli,
  source,
  dist,
  inputOptions,
  relocate: relocate({ complete: false }),
  minify,
  chunks: output.filter((o) => o.type === "chunk"),
})
writeFileSync(join(dist, "bundle.json"), `${JSON.stringify([...manifest, ...scripts, dashboardScript], null, 1)}\n`)

// The licences of the third-party packages inside the bundle (their notices must travel with their code): each
// package's name, version, licence and licence text, from the package folder of a bundled module.
const licences = new Map()
for (const c of output.filter((o) => o.type === "chunk"))
  for (const id of c.moduleIds) {
    const m = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id)
    if (!m || licences.has(m[1])) continue
    const pkg = JSON.parse(readFileSync(join(m[1], "package.json"), "utf8"))
    const file = readdirSync(m[1]).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
    licences.set(m[1], {
      name: pkg.name,
      version: pkg.version,
      license: pkg.license ?? "see the text",
      text: file ? readFileSync(join(m[1], file), "utf8").trim() : null,
    })
  }
const notices = [...licences.values()].sort((a, b) => a.name.localeCompare(b.name))
const unlicensed = notices.filter((n) => n.text === null).map((n) => `${n.name}@${n.version} (${n.license})`)
writeFileSync(
  join(dist, "THIRD-PARTY-LICENSES.md"),
  `# Third-party software in @jiju/cli\n\nThe bundle in this folder includes the following packages, under their own licences.\n\n${notices
    .map((n) => `## ${n.name} ${n.version} (${n.license})\n\n${n.text ?? `No licence file in the package; its package.json says ${n.license}.`}\n`)
    .join("\n")}`,
)
if (unlicensed.length > 0) console.warn(`bundle: no licence file in ${unlicensed.join(", ")}`)

// The sample runs need the whole dist (main.js loads the scripts), so they come last.
const caches = trainCommandScripts(dist)

const size = (p) => (statSync(p).isDirectory() ? readdirSync(p).reduce((s, f) => s + size(join(p, f)), 0) : statSync(p).size)
const kb = (b) => `${(b / 1024).toFixed(0)} KB`
const main = manifest.find((c) => c.file === "main.js")
console.log(
  `bundle: ${manifest.length} chunks, ${kb(manifest.reduce((s, c) => s + c.bytes, 0))} of code (main.js ${kb(main.bytes)}, ${main.modules.length} modules), command scripts ${scripts.map((c) => `${c.file} ${kb(c.bytes)}`).join(", ")} (caches: ${caches.join(", ")}), dashboard script ${kb(dashboardScript.bytes)}, dist ${kb(size(dist))}, ${Math.round(performance.now() - started)} ms`,
)
