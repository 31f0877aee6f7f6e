import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { makeAppRuntime } from "@jiju/app"
import { indicatorCatalogue, valueProblems } from "@jiju/domain/model"
import { buildHttpApp } from "@jiju/server"
import { storeChecksum, storeCounts } from "@jiju/store"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeRestoredStoreEnv } from "./storeEnv.js"

// Each CLI call opens the on-disk store: allow for a busy machine.
const SLOW = { timeout: 240_000 }

const revenue = indicatorCatalogue.find((d) => d.code === "revenue")!

type Issue = { code: string; row: number | null; column: string | null; value: unknown; en: string; zh: string }

describe.each(engines)("values for an archived zone or indicator on %s", (engine) => {
  let ctx: Awaited<ReturnType<typeof makeRestoredStoreEnv>>
  beforeAll(async () => {
    ctx = await makeRestoredStoreEnv(engine)
  }, SLOW.timeout)
  afterAll(() => ctx.dispose(), SLOW.timeout)

  it("are refused by the form's rule, the form's endpoint, the API import and `jiju import` alike, and nothing is written", SLOW, async () => {
    const csv = "cluster,period,indicator,value\nhb-liyang,2024,revenue,1\nhb-jinshan,2024,patents_granted,3\nhb-jinshan,2024,revenue,5\n"
    const file = join(ctx.dir, "archived.csv")
    writeFileSync(file, csv)
    const store = await ctx.open()
    const runtime = await makeAppRuntime({ db: store.db })
    let before: { counts: unknown; checksum: string }
    let api: { formZone: Issue[]; formIndicator: Issue[]; imported: Issue[] }
    let rule: Issue[]
    try {
      const app = buildHttpApp(runtime)
      const token = (await adminToken(store.db)).token
      const call = (method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) =>
        app.request(path, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
          ...(init.body ? { body: JSON.stringify(init.body) } : {}),
        })
      // A value stored before, so that the checksum covers observations too.
      expect((await call("POST", "/v1/clusters/hb-jinshan/observations", { body: { period: "2023", values: { revenue: 4 } } })).status).toBe(201)
      const zone = await call("GET", "/v1/clusters/hb-liyang")
      expect((await call("POST", "/v1/clusters/hb-liyang/archive", { headers: { "if-match": zone.headers.get("etag")! } })).status).toBe(200)
      const ind = await call("GET", "/v1/indicators/patents_granted")
      expect((await call("POST", "/v1/indicators/patents_granted/archive", { headers: { "if-match": ind.headers.get("etag")! } })).status).toBe(200)
      before = { counts: await storeCounts(store.db), checksum: await storeChecksum(store.db) }

      // The form's endpoint.
      const formZone = await call("POST", "/v1/clusters/hb-liyang/observations", { body: { period: "2024", values: { revenue: 1 } } })
      expect(formZone.status).toBe(409)
      const formIndicator = await call("POST", "/v1/clusters/hb-jinshan/observations", { body: { period: "2024", values: { patents_granted: 3 } } })
      expect(formIndicator.status).toBe(422)
      // The API import.
      const imported = await app.request("/v1/observations/import?file_name=archived.csv", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
        body: csv,
      })
      expect(imported.status).toBe(422)
      const errors = async (r: Response) => (await r.json()) as { code: string; errors: Issue[] }
      const importedDoc = await errors(imported)
      expect(importedDoc.code).toBe("invalid_rows")
      api = { formZone: (await errors(formZone)).errors, formIndicator: (await errors(formIndicator)).errors, imported: importedDoc.errors }
      // The rule the web form applies, on the entries as the register holds them.
      const zoneEntry = await store.clusters.get("hb-liyang")
      const indicatorEntry = await store.indicators.get("patents_granted")
      rule = [
        ...valueProblems({ zone: { key: "hb-liyang", entry: zoneEntry }, period: "2024", indicator: { key: "revenue", def: revenue }, value: 1 }),
        ...valueProblems({ period: "2024", indicator: { key: "patents_granted", def: indicatorEntry }, value: 3 }),
      ].map((p) => ({ code: p.code, row: null, column: p.part, value: p.value, en: p.en, zh: p.zh }))
    } finally {
      await runtime.dispose()
      await store.close()
    }

    // The command line, on the same store.
    const cli = await runCli(["import", file, "--json"], ctx.env)
    expect(cli.code).toBe(1)
    const cliError = (cli.json() as { error: { code: string; issues: Issue[] } }).error
    expect(cliError.code).toBe("invalid_rows")

    const shape = (issues: Issue[]) => issues.map((i) => Object.keys(i).sort().join(","))
    const said = (issues: Issue[]) => issues.map((i) => [i.code, i.en, i.zh])
    const expected = [
      ["cluster_archived", "cluster hb-liyang is archived and takes no new values", "集聚区 hb-liyang 已归档，不再接收新数据"],
      ["indicator_archived", "indicator patents_granted is archived and takes no new values", "指标“专利授权数”（patents_granted）已归档，不再接收新数据"],
    ]
    for (const issues of [cliError.issues, api.imported, [...api.formZone, ...api.formIndicator], rule]) {
      expect(said(issues)).toEqual(expected)
      expect(shape(issues)).toEqual(expected.map(() => "code,column,en,row,value,zh"))
    }
    // Both imports name the file's rows and columns alike.
    expect(cliError.issues).toEqual(api.imported)
    expect(api.imported.map((i) => [i.row, i.column, i.value])).toEqual([
      [2, "cluster", "hb-liyang"],
      [3, "indicator", "patents_granted"],
    ])

    const after = await ctx.open()
    try {
      expect(await storeCounts(after.db)).toEqual(before!.counts)
      expect(await storeChecksum(after.db)).toBe(before!.checksum)
    } finally {
      await after.close()
    }
  })
})

// An admin token minted straight in the store, for the HTTP calls.
const adminToken = async (db: Parameters<typeof storeCounts>[0]) => {
  const { makeTokens } = await import("@jiju/store")
  return makeTokens(db).create({ role: "admin" })
}
