import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { makeAppRuntime } from "@jiju/app"
import { buildHttpApp } from "@jiju/server"
import { makeTokens, openStore, storeOn } from "@jiju/store"
import { demoData, writeDemoProjects } from "@jiju/store/demo"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultAnalysisSelection, runAnalyses } from "../../src/dashboard/data/analyses.js"
import { loadHotspots } from "../../src/dashboard/data/hotspots.js"
import { loadSnapshot } from "../../src/dashboard/data/snapshot.js"
import { apiSource } from "../../src/dashboard/sources/apiSource.js"
import type { DashboardSource } from "../../src/dashboard/sources/DashboardSource.js"
import { storeSource } from "../../src/dashboard/sources/storeSource.js"

// The dashboard on the store (use cases through the application runtime) and on the API (the contract's client
// against the HTTP app over the same store) shows the same ranking, judgements and analyses: both are the core's.

/** What the screens show from one source: the snapshot's ranking, two zones' judgements, the analyses, hot spots. */
const shown = async (source: DashboardSource) => {
  const snap = await loadSnapshot(source)
  // The register's lists in id order (the API pages by id; the order is not what is compared).
  const byId = <T>(xs: ReadonlyArray<T>, key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)))
  const register = {
    clusters: byId(snap.register.clusters, (c) => c.id),
    regions: byId(snap.register.regions, (r) => r.code),
    indicators: byId(snap.register.indicators, (i) => i.code),
    periods: snap.register.periods,
  }
  const zones = register.clusters.slice(0, 2).map((c) => c.id as string)
  const judgements = await Promise.all(zones.map((z) => source.judgements(z, snap.period!, { certify: true })))
  const analyses = await runAnalyses(source, snap, { period: snap.period!, indicators: defaultAnalysisSelection, permutations: 99 }, () => {}, {
    cancelled: false,
  })
  const hotspots = await loadHotspots(source, snap, { indicator: "revenue", period: snap.period! })
  // A week of the demo register's year of reports (named, so that both runs read the same week).
  const supervision = await source.supervision("2025-W50")
  // Through JSON: the API's answers crossed the wire, the store's did not (no undefined fields, no class instances).
  return JSON.parse(
    JSON.stringify({
      register,
      period: snap.period,
      result: snap.result,
      from: snap.resultFrom,
      totals: snap.totals,
      zones,
      judgements,
      analyses,
      hotspots,
      supervision,
    }),
  ) as Record<string, unknown>
}

describe("the dashboard shows the same on the store and on the API", () => {
  const dir = mkdtempSync(join(tmpdir(), "jiju-dash-parity-"))
  const env = { JIJU_DATA_DIR: join(dir, "data"), DATABASE_URL: "" }
  let local: Record<string, unknown> = {}
  let remote: Record<string, unknown> = {}

  beforeAll(async () => {
    // The demo's regions and zones with its last two years (the latest ranking and its change).
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
        await writeDemoProjects(tx, demo.projectRegister)
      })
    } finally {
      await store.close()
    }
    // The embedded database admits one opener at a time: the store source first, then the API over the store.
    const src = await storeSource(env)
    try {
      local = await shown(src)
    } finally {
      await src.close()
    }
    const s = await openStore({ env })
    const runtime = await makeAppRuntime({ db: s.db })
    try {
      const token = (await makeTokens(s.db).create({ role: "viewer" })).token
      const app = buildHttpApp(runtime)
      const fetch = (async (input: string | URL | Request, init?: RequestInit) => app.request(String(input), init)) as typeof globalThis.fetch
      remote = await shown(apiSource({ baseUrl: "http://jiju.test", token, fetch }))
    } finally {
      await runtime.dispose()
      await s.close()
    }
  }, 600_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("the register, the ranking, totals and judgements", () => {
    expect(local.period).toBe("2025")
    expect((local.result as { groups: unknown[] }).groups.length).toBeGreaterThan(0)
    for (const k of ["register", "period", "result", "from", "totals", "zones", "judgements"]) expect(remote[k], k).toEqual(local[k])
  })

  it("the analyses and the hot spots", () => {
    const a = local.analyses as Record<string, unknown>
    expect(a.units).toBeGreaterThan(10)
    // Each part is a document of the core, not a refusal.
    for (const part of ["coupling", "moran", "lisa", "regression"]) expect(a[part], part).not.toHaveProperty("error")
    expect(local.hotspots).not.toHaveProperty("error")
    expect(remote.analyses).toEqual(local.analyses)
    expect(remote.hotspots).toEqual(local.hotspots)
  })

  it("the project register's supervision view and findings", () => {
    const s = local.supervision as { view: { week: string; reports: { expected: number }; agenda: unknown[] }; findings: { halfYear: { zones: unknown[] } } }
    expect(s.view.week).toBe("2025-W50")
    // The demo zones owe reports that week, and the meeting has an agenda.
    expect(s.view.reports.expected).toBeGreaterThan(0)
    expect(s.view.agenda.length).toBeGreaterThan(0)
    expect(s.findings.halfYear.zones.length).toBeGreaterThan(0)
    expect(remote.supervision).toEqual(local.supervision)
  })
})
