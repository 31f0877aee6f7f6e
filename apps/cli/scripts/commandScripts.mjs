// The analysis commands that `jiju` also ships as one script each with the engine's code cache (src/scripted.ts
// loads them): `dist/<name>.command-<hash>.cjs`, run.ts with a catalog of that command alone, bundled as CommonJS
// in one file; `dist/<name>.command-<hash>.cjs.cache`, made by running the built command once on sample data
// with JIJU_WRITE_CODE_CACHE=1, so that the cache holds the bytecode of every function such a run calls; and
// `dist/command-scripts.json`, which names the scripts.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { rolldown } from "rolldown"

/** The commands built as scripts, each with the sample run that fills its cache (files from sampleData). */
export const SCRIPTED = {
  regress: (d) => ["regress", "--data", d.csv, "--id", "id", "--weights", d.gal, "--formula", "y ~ x1 + log(x2)", "--model", "lag", "--json"],
  moran: (d) => ["moran", "--data", d.csv, "--id", "id", "--weights", d.gal, "--var", "y", "--permutations", "99", "--json"],
}

const ENTRY = "\0jiju-command-script"

/**
 * Modules a command imports on demand that its script takes from the bundle's chunks: the readers of workbooks and
 * JSON (fflate and its tables would otherwise be set up at every start). The script's import() of such a chunk
 * becomes a call of `importChunk`, which src/scripted.ts passes in (an import() inside a script would need
 * node:vm's experimental loader, which warns). What they throw is told apart by its tag, not its class (CliError.ts).
 */
const FROM_CHUNKS = ["src/anyTable.ts"]

// run.ts with the catalog of one command and no dashboard (the dispatch reaches neither for this command).
const oneCommand = (cli, name, chunks) => {
  const catalog = join(cli, "src/commands/catalog.ts")
  const dashboard = join(cli, "src/dashboard/dashboard.ts")
  const fromChunks = new Map(
    FROM_CHUNKS.map((m) => {
      const chunk = chunks.find((c) => c.facadeModuleId === join(cli, m))
      if (chunk === undefined) throw new Error(`bundle: no chunk of its own for ${m}`)
      return [join(cli, m), `./${chunk.fileName}`]
    }),
  )
  const plugin = {
    /** The modules the entry reaches through static imports, in the order first reached (set at the build's end). */
    loadedAtStart: [],
    name: "jiju-command-script",
    async resolveId(id, importer, options) {
      if (id === ENTRY) return id
      if (importer === undefined || !id.startsWith(".")) return null
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true })
      const chunk = resolved && fromChunks.get(resolved.id)
      return chunk ? { id: chunk, external: true } : null
    },
    renderChunk(code) {
      let out = code
      for (const file of fromChunks.values()) {
        const at = new RegExp(`\\bimport\\(\\s*[\`'"]${file.replace(/[.]/g, "\\.")}[\`'"]\\s*\\)`, "g")
        if (!at.test(out)) this.error(`bundle: the ${name} script does not import ${file}`)
        out = out.replace(at, `importChunk(${JSON.stringify(file)})`)
      }
      return out
    },
    load(id) {
      if (id === ENTRY) return `export { run } from ${JSON.stringify(join(cli, "src/run.ts"))}`
      if (id === catalog)
        return [
          `import * as m from ${JSON.stringify(`./${name}.js`)}`,
          `const command = Object.values(m).find((c) => c?.name === ${JSON.stringify(name)} && typeof c.run === "function")`,
          "export const commandCatalog = [{ name: command.name, summary: command.summary, load: async () => command }]",
        ].join("\n")
      if (id === dashboard) return 'export const dashboardCommand = { usage: "" }\nexport const openDashboard = async () => 2'
      return null
    },
    async transform(code, id) {
      if (id.includes("node_modules")) return null
      // A script lives in dist/ beside the chunks, but nothing in it may look for files beside its module.
      if (code.includes("import.meta.url")) this.error(`${id}: import.meta.url in a command script`)
      // The rest of what our code imports on demand (the --format csv writers, the dashboard's stub) is imported
      // statically: an import() inside one file would make the bundler defer every module it shares with the rest,
      // barrels and all, and set them all up at the start.
      const statics = []
      let out = code
      for (const m of code.matchAll(/\bimport\(\s*(["'])(\.{1,2}\/[^"']+)\1\s*\)/g)) {
        const resolved = await this.resolve(m[2], id)
        if (resolved && fromChunks.has(resolved.id)) continue
        const ns = `__onDemand${statics.length}`
        statics.push(`import * as ${ns} from ${JSON.stringify(m[2])}`)
        out = out.replace(m[0], `Promise.resolve(${ns})`)
      }
      return statics.length === 0 ? null : { code: `${statics.join("\n")}\n${out}`, map: null }
    },
    buildEnd() {
      const seen = new Set()
      const visit = (id) => {
        if (seen.has(id)) return
        seen.add(id)
        if (id !== ENTRY) plugin.loadedAtStart.push(id)
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next)
      }
      visit(ENTRY)
    },
  }
  return plugin
}

/**
 * Build the command scripts into `dist` with the bundle's own input options, beside its chunks (`chunks`: the
 * build's output); their manifest entries (as bundle.json lists chunks, modules named by `source`).
 */
export const buildCommandScripts = async ({ cli, source, dist, inputOptions, minify, chunks }) => {
  const entries = []
  for (const name of Object.keys(SCRIPTED)) {
    // One file: what the command imports on demand (a workbook reader, say) is in it too, evaluated only when
    // imported, so that the cache covers the whole run.
    const plugin = oneCommand(cli, name, chunks)
    const bundle = await rolldown({ ...inputOptions, input: { [name]: ENTRY }, plugins: [plugin] })
    const { output } = await bundle.write({ dir: dist, entryFileNames: `${name}.command-[hash].cjs`, format: "cjs", codeSplitting: false, minify })
    await bundle.close()
    const chunk = output.find((o) => o.type === "chunk")
    entries.push({
      command: name,
      file: chunk.fileName,
      entry: true,
      dynamicEntry: false,
      script: true,
      bytes: Buffer.byteLength(chunk.code),
      // The modules evaluated when the script loads (the static imports from run.ts), and those only on demand.
      modules: chunk.moduleIds.filter((m) => plugin.loadedAtStart.includes(m)).map(source),
      onDemand: chunk.moduleIds.filter((m) => !m.includes("\0") && !plugin.loadedAtStart.includes(m)).map(source),
      imports: [],
    })
  }
  const commands = entries.filter((e) => e.command !== undefined)
  writeFileSync(join(dist, "command-scripts.json"), `${JSON.stringify(Object.fromEntries(commands.map((e) => [e.command, e.file])))}\n`)
  return entries
}

// A 30 × 30 rook lattice with y from a lag process (ρ = 0.4, one sweep) and two regressors, as CSV and GAL.
const sampleData = (dir) => {
  const side = 30
  const n = side * side
  let seed = 20261207
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 2 ** 32
  }
  const nb = Array.from({ length: n }, (_, i) => {
    const r = Math.floor(i / side)
    const c = i % side
    return [r > 0 ? i - side : -1, c > 0 ? i - 1 : -1, c + 1 < side ? i + 1 : -1, r + 1 < side ? i + side : -1].filter((j) => j >= 0)
  })
  const x1 = Array.from({ length: n }, next)
  const x2 = Array.from({ length: n }, () => 1 + next())
  const e = x1.map((a, i) => 1 + 2 * a - Math.log(x2[i]) + next() - 0.5)
  const y = e.map((v, i) => v + (0.4 * nb[i].reduce((s, j) => s + e[j], 0)) / nb[i].length)
  const csv = join(dir, "sample.csv")
  const gal = join(dir, "sample.gal")
  writeFileSync(csv, `id,y,x1,x2\n${y.map((v, i) => `${i + 1},${v},${x1[i]},${x2[i]}`).join("\n")}\n`)
  writeFileSync(gal, `${n}\n${nb.map((l, i) => `${i + 1} ${l.length}\n${l.map((j) => j + 1).join(" ")}`).join("\n")}\n`)
  return { csv, gal }
}

/** Fill each command script's cache by running the built `jiju` once on sample data; the caches' sizes. */
export const trainCommandScripts = (dist) => {
  const dir = mkdtempSync(join(tmpdir(), "jiju-scripts-"))
  try {
    const data = sampleData(dir)
    return Object.entries(SCRIPTED).map(([name, argv]) => {
      const r = spawnSync(process.execPath, [join(dist, "main.js"), ...argv(data)], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, JIJU_WRITE_CODE_CACHE: "1", JIJU_DATA_DIR: join(dir, "data"), DATABASE_URL: "" },
      })
      if (r.status !== 0) throw new Error(`bundle: the sample run of jiju ${name} failed: ${r.stderr}`)
      const file = JSON.parse(readFileSync(join(dist, "command-scripts.json"), "utf8"))[name]
      return `${name} ${Math.round(statSync(join(dist, `${file}.cache`)).size / 1024)} KB`
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
