import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assess, makeAppRuntime, operator } from "@jiju/app"
import { buildHttpApp } from "@jiju/server"
import { makeTokens, openStore, storeOn } from "@jiju/store"
import { demoData } from "@jiju/store/demo"
import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { apiSource } from "../../src/dashboard/sources/apiSource.js"
import type { DashboardReport } from "../../src/dashboard/sources/DashboardSource.js"
import { storeSource } from "../../src/dashboard/sources/storeSource.js"

// `e` on the store and on the API over the same store: the same workbook of the same stored run (a draft here).

const sheets = async (f: DashboardReport) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(f.bytes as never)
  return Object.fromEntries(wb.worksheets.map((ws) => [ws.name, ws.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : r))]))
}

describe("the workbook of a stored run from the store and from the API", () => {
  const dir = mkdtempSync(join(tmpdir(), "jiju-dash-export-"))
  const env = { JIJU_DATA_DIR: join(dir, "data"), DATABASE_URL: "" }
  let local: DashboardReport | null = null
  let remote: DashboardReport | null = null
  let none: DashboardReport | null | "x" = "x"
  let anonymous: unknown = null

  beforeAll(async () => {
    const store = await openStore({ env })
    try {
      const demo = demoData()
      await store.db.transaction(async (tx) => {
        const s = storeOn(tx)
        await s.regions.upsert(demo.regions)
        await s.clusters.insertMany(demo.clusters, tx)
        await s.observations.insertMany(
          demo.observations.filter((o) => o.period >= "2024"),
          tx,
        )
      })
      const runtime = await makeAppRuntime({ db: store.db })
      try {
        await runtime.run(assess(operator("test"), { scheme: { id: "henan-2017" }, period: "2025" }))
      } finally {
        await runtime.dispose()
      }
    } finally {
      await store.close()
    }
    const src = await storeSource(env)
    try {
      local = await src.report("henan-2017", "2025", "zh")
      none = await src.report("henan-2017", "2024", "zh")
    } finally {
      await src.close()
    }
    const s = await openStore({ env })
    const runtime = await makeAppRuntime({ db: s.db })
    try {
      const token = (await makeTokens(s.db).create({ role: "viewer" })).token
      const app = buildHttpApp(runtime)
      const fetch = (async (input: string | URL | Request, init?: RequestInit) => app.request(String(input), init)) as typeof globalThis.fetch
      remote = await apiSource({ baseUrl: "http://jiju.test", token, fetch }).report("henan-2017", "2025", "zh")
      anonymous = await apiSource({ baseUrl: "http://jiju.test", fetch })
        .report("henan-2017", "2025", "zh")
        .catch((e: unknown) => e)
    } finally {
      await runtime.dispose()
      await s.close()
    }
  }, 600_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("is the draft's workbook on both, with the same cells", async () => {
    expect(local).not.toBeNull()
    expect(remote).not.toBeNull()
    expect(local!.fileName).toBe("henan-2017-2025-draft.xlsx")
    expect(remote!.fileName).toBe(local!.fileName)
    expect(local!.draft).toBe(true)
    expect(remote!.draft).toBe(true)
    const [a, b] = [await sheets(local!), await sheets(remote!)]
    expect(Object.keys(a)).toContain("说明")
    expect(Object.keys(a).some((n) => n.endsWith("组排名"))).toBe(true)
    expect(JSON.stringify(a)).toContain("未发布")
    expect(b).toEqual(a)
  })

  it("is null for a period without a stored run; the API refuses a caller who may not read results", () => {
    expect(none).toBeNull()
    expect(String(anonymous)).toMatch(/401/)
  })
})
