// The dashboard's parts as one CommonJS script (src/dashboard/parts.ts loads it with V8's code cache):
// `dist/dashboard.script-<hash>.cjs` holds the screens with Ink and React (`mount`) and the data sources
// (`storeSource`, `apiSource`), each set up only when the dashboard asks for it; `dist/dashboard-script.json` names it.
//
// Two things in Ink do not fit a script, which cannot wait at its top level:
// - yoga-layout, Ink's layout engine, waits for its WebAssembly when imported. Here `mount` loads it (yoga-layout/load)
//   before it sets up Ink, and Ink's `import Yoga from "yoga-layout"` reads the loaded engine.
// - Ink's reconciler waits for the React developer tools when DEV=true. Here that branch is left out: with DEV=true
//   the dashboard loads its parts as modules (parts.ts), as before.
import { writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { rolldown } from "rolldown"

const ENTRY = "\0jiju-dashboard-script"
const YOGA = "\0jiju-yoga"
const YOGA_HOST = "\0jiju-yoga-host"

const parts = (cli) => ({
  mount: join(cli, "src/dashboard/ui/mount.tsx"),
  storeSource: join(cli, "src/dashboard/sources/storeSource.ts"),
  apiSource: join(cli, "src/dashboard/sources/apiSource.ts"),
})

// Ink's reconciler, without the two waits for DEV=true (the developer tools, and Ink's package.json for them).
const DEVTOOLS = /if \(isDev\(\)\) \{\s*try \{\s*await import\('\.\/devtools\.js'\);[\s\S]*?\n\}\n/
const PACKAGE_JSON = /isDev\(\)\s*\?\s*await loadPackageJson\(\)\s*:\s*/

// The modules whose on-demand imports the script takes from the bundle's chunks: the report writers and the chart
// renderer (exceljs, docx, echarts), which the dashboard needs only when `e` writes a workbook. They return bytes.
const FROM_CHUNKS = /\/packages\/app\/src\/reports\//

const dashboardPlugin = (cli, chunks) => {
  // yoga-layout/load as Ink's copy of yoga-layout resolves it.
  const ink = dirname(createRequire(join(cli, "package.json")).resolve("ink"))
  const yogaLoad = createRequire(join(ink, "reconciler.js")).resolve("yoga-layout/load")
  return {
    name: "jiju-dashboard-script",
    async resolveId(id, importer, options) {
      if (id === ENTRY || id === YOGA_HOST) return id
      if (id === "yoga-layout") return YOGA
      if (options.kind !== "dynamic-import" || importer === undefined || !FROM_CHUNKS.test(importer)) return null
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true })
      if (resolved === null || resolved.external) return null
      const chunk = chunks.find((c) => c.facadeModuleId === resolved.id)
      if (chunk === undefined) this.error(`bundle: no chunk of its own for ${resolved.id}, imported on demand by ${importer}`)
      return { id: `./${chunk.fileName}`, external: true }
    },
    load(id) {
      if (id === ENTRY)
        return [
          `import { yogaHost } from ${JSON.stringify(YOGA_HOST)}`,
          `import { loadYoga } from ${JSON.stringify(yogaLoad)}`,
          ...Object.entries(parts(cli)).map(([name, file]) =>
            name === "mount"
              ? `export const mount = async () => { yogaHost.yoga ??= await loadYoga(); return import(${JSON.stringify(file)}) }`
              : `export const ${name} = () => import(${JSON.stringify(file)})`,
          ),
        ].join("\n")
      if (id === YOGA_HOST) return "export const yogaHost = {}"
      if (id === YOGA) return `import { yogaHost } from ${JSON.stringify(YOGA_HOST)}\nexport default yogaHost.yoga`
      return null
    },
    transform(code, id) {
      if (!id.endsWith("/ink/build/reconciler.js")) return null
      if (!DEVTOOLS.test(code) || !PACKAGE_JSON.test(code))
        this.error("bundle: Ink's reconciler no longer has the DEV=true branches scripts/dashboardScript.mjs removes")
      return { code: code.replace(DEVTOOLS, "").replace(PACKAGE_JSON, ""), map: null }
    },
    renderChunk(code) {
      // The packages outside the bundle and the chunks, imported by parts.ts (an import() inside a script would
      // need node:vm's experimental loader, which warns).
      return code.replace(/\bimport\((`[^`]+`|"[^"]+"|'[^']+')\)/g, "importOutside($1)")
    },
  }
}

/**
 * Build the dashboard's script into `dist` with the bundle's input options and its plugin that relocates the files
 * modules find beside them (`relocate`), beside the chunks (`chunks`: the build's output); its manifest entry (as
 * bundle.json lists chunks, modules named by `source`).
 */
export const buildDashboardScript = async ({ cli, source, dist, inputOptions, relocate, minify, chunks }) => {
  const bundle = await rolldown({
    ...inputOptions,
    input: { dashboard: ENTRY },
    // import.meta.resolve asks parts.ts, which resolves as the chunks do.
    transform: { ...inputOptions.transform, define: { ...inputOptions.transform?.define, "import.meta.resolve": "resolveOutside" } },
    plugins: [relocate, dashboardPlugin(cli, chunks)],
  })
  const { output } = await bundle.write({ dir: dist, entryFileNames: "dashboard.script-[hash].cjs", format: "cjs", codeSplitting: false, minify })
  await bundle.close()
  const chunk = output.find((o) => o.type === "chunk")
  writeFileSync(join(dist, "dashboard-script.json"), `${JSON.stringify({ file: chunk.fileName })}\n`)
  return {
    file: chunk.fileName,
    entry: true,
    dynamicEntry: false,
    script: true,
    bytes: Buffer.byteLength(chunk.code),
    modules: [],
    onDemand: chunk.moduleIds.filter((m) => !m.includes("\0")).map(source),
    imports: [],
  }
}
