import { type AppConfigShape, makeAppRuntime } from "@jiju/app"
import { decodeScheme } from "@jiju/domain/assessment"
import { assessmentRepo, makeTokens, type Store } from "@jiju/store"
import { openTestStore, type TestEngine } from "@jiju/testkit"
import { buildHttpApp, defaultHttpConfig } from "../src/HttpApp.js"

/** The test register's regions: Henan, 鹤壁 and two of its counties. */
export const regions = [
  { code: "410000", name: "河南省", nameEn: "Henan", level: "province", parent: null, macroZone: "central", isDistrict: false },
  { code: "410600", name: "鹤壁市", nameEn: "Hebi", level: "prefecture", parent: "410000", macroZone: "central", isDistrict: false },
  { code: "410611", name: "淇滨区", level: "county", parent: "410600", macroZone: "central", isDistrict: true },
  { code: "410621", name: "浚县", level: "county", parent: "410600", macroZone: "central", isDistrict: false },
] as const

/** A complete cluster record for the register. */
export const cluster = (id: string, region: string, over: Record<string, unknown> = {}) => ({
  id,
  name: `集聚区 ${id}`,
  kind: "industrial",
  form: null,
  level: "provincial",
  group: region === "410611" ? "urban_district" : "county",
  region,
  plannedArea: 12.5,
  established: "2009",
  leadingIndustries: ["电子信息"],
  managementBody: "管委会",
  planning: [{ kind: "master_plan", state: "approved" }],
  infrastructure: { road: true, water: true, power: true, drainage: true, telecom: true, gas: false, heat: false, levelledSite: true, sewagePlant: true },
  standardFactoryArea: 120000,
  financing: { count: 2, registeredCapital: 10, cumulativeFinancing: 35 },
  isDemo: false,
  ...over,
})

/** A Response whose body the tests read as loosely typed JSON. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions inspect arbitrary JSON
export type JsonResponse = Omit<Response, "json"> & { json(): Promise<any> }

/** The roles a test calls as, each with an API token (the submitter's zone is hb-qibin). */
export type As = "admin" | "submitter" | "viewer"

/**
 * A store on `engine` with the test register (hb-qibin in 淇滨区, hb-xunxian in 浚县), a token per role made through
 * the store's token repository, and the HTTP app over it. `call` sends a request as a role (or anonymously).
 */
export const assessmentsSetup = async (engine: TestEngine, config: Partial<AppConfigShape> = {}) => {
  const t = await openTestStore(engine)
  const store: Store = t.store
  await store.regions.upsert(regions as never)
  await store.clusters.insertMany([cluster("hb-qibin", "410611"), cluster("hb-xunxian", "410621")] as never)
  const tokens = makeTokens(store.db)
  const token: Record<As, string> = {
    admin: (await tokens.create({ role: "admin" })).token,
    submitter: (await tokens.create({ role: "submitter", clusterIds: ["hb-qibin"] })).token,
    viewer: (await tokens.create({ role: "viewer" })).token,
  }
  const runtime = await makeAppRuntime({ db: store.db, config })
  const app = buildHttpApp(runtime, defaultHttpConfig(), { onInternalError: (e) => console.error(e) })
  /** A request with a role's token (or none), a JSON body when given. */
  const call = (method: string, path: string, opts: { as?: As; body?: unknown; headers?: Record<string, string> } = {}): Promise<JsonResponse> =>
    app.request(path, {
      method,
      headers: {
        ...(opts.as ? { authorization: `Bearer ${token[opts.as]}` } : {}),
        ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
        ...opts.headers,
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    }) as Promise<JsonResponse>
  return {
    store,
    app,
    token,
    call,
    close: async () => {
      await runtime.dispose()
      await t.dispose()
    },
  }
}

export type AssessmentsSetup = Awaited<ReturnType<typeof assessmentsSetup>>

/**
 * A two-indicator scheme stored from a file, and two years of values: hb-qibin (urban district, the submitter's zone)
 * and hb-xunxian (county) each rank first in their group.
 */
export const seedTinyScheme = async (t: AssessmentsSetup, id: string) => {
  const scheme = decodeScheme({
    id,
    name: { zh: "测试方案", en: "Test scheme" },
    totalPoints: 100,
    dimensions: [
      {
        id: "scale",
        name: { zh: "规模", en: "Scale" },
        indicators: [
          { code: "revenue", weight: 60 },
          { code: "tax_total", weight: 40 },
        ],
      },
    ],
    weighting: { method: "given" },
    normalisation: { method: "minmax" },
    normaliseWithin: "all",
    rewards: { urban_district: 1, county: 1 },
    veto: [],
  })
  await assessmentRepo(t.store.db).schemes.save(scheme, "test")
  const at = (zone: string, period: string, indicator: string, value: number) => ({ target: { kind: "cluster" as const, id: zone }, period, indicator, value })
  await t.store.observations.upsertMany([
    at("hb-qibin", "2024", "revenue", 100),
    at("hb-qibin", "2024", "tax_total", 5),
    at("hb-xunxian", "2024", "revenue", 80),
    at("hb-xunxian", "2024", "tax_total", 9),
    at("hb-qibin", "2025", "revenue", 130),
    at("hb-qibin", "2025", "tax_total", 6),
    at("hb-xunxian", "2025", "revenue", 70),
    at("hb-xunxian", "2025", "tax_total", 4),
  ] as never)
}
