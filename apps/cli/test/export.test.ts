import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeStoreEnv, smallExport } from "./storeEnv.js"

// Each CLI call opens the on-disk store (PGlite start-up): allow for a busy machine.
const SLOW = { timeout: 240_000 }

describe.each(engines)("jiju export / restore on %s", (engine) => {
  let a: Awaited<ReturnType<typeof makeStoreEnv>>
  let b: Awaited<ReturnType<typeof makeStoreEnv>>
  beforeAll(async () => {
    a = await makeStoreEnv(engine)
    b = await makeStoreEnv(engine)
  }, SLOW.timeout)
  afterAll(async () => {
    await a.dispose()
    await b.dispose()
  }, SLOW.timeout)

  it("export → restore into a fresh store → export gives the same document", SLOW, async () => {
    const fixture = join(a.dir, "small.json")
    writeFileSync(fixture, JSON.stringify(smallExport()))
    expect((await runCli(["restore", fixture], a.env)).code).toBe(0)
    const csv = join(a.dir, "data.csv")
    writeFileSync(csv, "cluster,period,revenue,tax_total,note\nhb-jinshan,2023,100,3.5,初步\nhb-liyang,2023,50,1.25,\nhb-liyang,2024Q1,12,,季报\n")
    expect((await runCli(["import", csv, "--format", "wide"], a.env)).code).toBe(0)

    const out1 = join(a.dir, "one.json")
    const e1 = await runCli(["export", "--out", out1, "--json"], a.env)
    expect(e1.code).toBe(0)
    expect(e1.json()).toMatchObject({ exported: out1, format: "jiju-store", version: 2, clusters: 2, observations: 5 })
    expect((e1.json() as { tables: Record<string, number> }).tables).toMatchObject({ clusters: 2, observations: 5, regions: 4 })

    const r = await runCli(["restore", out1, "--json"], b.env)
    expect(r.code).toBe(0)
    expect(r.json()).toMatchObject({ clusters: 2, observations: 5, regions: 4 })
    const out2 = join(b.dir, "two.json")
    expect((await runCli(["export", "--out", out2], b.env)).code).toBe(0)
    const one = JSON.parse(readFileSync(out1, "utf8"))
    const two = JSON.parse(readFileSync(out2, "utf8"))
    // The second store holds everything the first did, plus the audit row of the restore itself.
    const restoreRow = two.tables.audit_log.at(-1)
    expect(restoreRow).toMatchObject({ action: "restore", entity: "store" })
    const withoutRestore = { ...two.tables, audit_log: two.tables.audit_log.slice(0, -1) }
    expect({ ...two, tables: withoutRestore, exportedAt: null }).toEqual({ ...one, exportedAt: null })
    expect(one.tables.observations.find((o: { note: string | null }) => o.note === "季报")).toMatchObject({ period: "2024Q1", value: 12 })

    // A non-empty store needs --force.
    const refused = await runCli(["restore", out1, "--json"], b.env)
    expect(refused.code).toBe(1)
    expect((refused.json() as { error: { code: string } }).error.code).toBe("store_not_empty")
    expect((await runCli(["restore", out1, "--force"], b.env)).code).toBe(0)
    const bad = join(a.dir, "bad.json")
    writeFileSync(bad, "{not json")
    expect((await runCli(["restore", bad, "--force", "--json"], b.env)).json()).toMatchObject({ error: { code: "invalid_backup" } })
  })
})
