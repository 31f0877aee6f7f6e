import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { indicatorCatalogue } from "@jiju/domain"
import { openPostgres, openStore, type Store } from "@jiju/store"
import { runCli } from "./helpers.js"

/** Engines the store-backed CLI tests run on; PostgreSQL only when JIJU_TEST_DATABASE_URL is set. */
export const TEST_DATABASE_URL = process.env.JIJU_TEST_DATABASE_URL
export const engines: ReadonlyArray<"pglite" | "postgres"> = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]
if (!TEST_DATABASE_URL) console.warn("[cli store tests] JIJU_TEST_DATABASE_URL is not set: PostgreSQL runs skipped (use scripts/with-postgres.sh)")

/** A private store for one test file: a temp PGlite data dir, or a fresh database on the test server. */
export const makeStoreEnv = async (
  engine: "pglite" | "postgres",
): Promise<{ env: Record<string, string>; dir: string; open: () => Promise<Store>; dispose: () => Promise<void> }> => {
  const dir = mkdtempSync(join(tmpdir(), "jiju-cli-"))
  if (engine === "pglite") {
    const env = { JIJU_DATA_DIR: join(dir, "data"), DATABASE_URL: "" }
    return { env, dir, open: () => openStore({ env }), dispose: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const name = `jiju_cli_${randomBytes(5).toString("hex")}`
  const admin = await openPostgres(TEST_DATABASE_URL!, { max: 1 })
  await admin.exec(`create database ${name}`)
  await admin.close()
  const url = new URL(TEST_DATABASE_URL!)
  url.pathname = `/${name}`
  const env = { JIJU_DATA_DIR: join(dir, "unused"), DATABASE_URL: url.toString() }
  return {
    env,
    dir,
    open: () => openStore({ env }),
    dispose: async () => {
      rmSync(dir, { recursive: true, force: true })
      const c = await openPostgres(TEST_DATABASE_URL!, { max: 1 })
      await c.exec(`drop database if exists ${name} with (force)`)
      await c.close()
    },
  }
}

/** A small export document (format 1): Henan, 鹤壁 and two zones, no observations. */
export const smallExport = () => ({
  format: "jiju-store",
  version: 1,
  exportedAt: "2025-01-01T00:00:00.000Z",
  regions: [
    { code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false },
    { code: "410600", name: "鹤壁市", level: "prefecture", parent: "410000", macroZone: "central", isDistrict: false },
    { code: "410611", name: "淇滨区", level: "county", parent: "410600", macroZone: "central", isDistrict: true },
    { code: "410621", name: "浚县", level: "county", parent: "410600", macroZone: "central", isDistrict: false },
  ],
  indicators: indicatorCatalogue,
  clusters: [
    ["hb-jinshan", "金山产业集聚区", "urban_district", "410611"],
    ["hb-liyang", "黎阳产业集聚区", "county", "410621"],
  ].map(([id, name, group, region]) => ({
    id,
    name,
    kind: "industrial",
    form: null,
    level: "provincial",
    group,
    region,
    plannedArea: 15,
    established: "2009",
    leadingIndustries: ["装备制造"],
    managementBody: null,
    planning: [],
    infrastructure: {
      road: true,
      water: true,
      power: true,
      drainage: true,
      telecom: true,
      gas: true,
      heat: false,
      levelledSite: true,
      sewagePlant: true,
    },
    standardFactoryArea: 100000,
    financing: { count: 1, registeredCapital: 2, cumulativeFinancing: 10 },
    isDemo: false,
    version: 1,
    archivedAt: null,
  })),
  observations: [],
})

/**
 * A private store holding {@link smallExport}, restored through `jiju restore` as a user would; throws when the
 * restore fails.
 */
export const makeRestoredStoreEnv = async (engine: "pglite" | "postgres") => {
  const made = await makeStoreEnv(engine)
  writeFileSync(join(made.dir, "small.json"), JSON.stringify(smallExport()))
  const r = await runCli(["restore", join(made.dir, "small.json"), "--json"], made.env)
  if (r.code !== 0) throw new Error(`restore of the small export failed: ${r.stderr}`)
  return made
}
