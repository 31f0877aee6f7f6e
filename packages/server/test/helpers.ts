import { type AppConfigShape, makeAppRuntime } from "@jiju/app"
import { makeTokens, makeUsers } from "@jiju/store"
import { openTestStore, type TestEngine } from "@jiju/testkit"
import { buildHttpApp, defaultHttpConfig, type HttpConfig } from "../src/HttpApp.js"

/** The test register: Henan, 鹤壁 and two of its county-level units. */
export const regions = [
  { code: "410000", name: "河南省", nameEn: "Henan", level: "province", parent: null, macroZone: "central", isDistrict: false },
  { code: "410600", name: "鹤壁市", nameEn: "Hebi", level: "prefecture", parent: "410000", macroZone: "central", isDistrict: false },
  { code: "410611", name: "淇滨区", level: "county", parent: "410600", macroZone: "central", isDistrict: true },
  { code: "410621", name: "浚县", level: "county", parent: "410600", macroZone: "central", isDistrict: false },
] as const

/** A complete zone record as the wire (snake_case) carries it. */
export const cluster = (id: string, region: string, over: Record<string, unknown> = {}) => ({
  id,
  name: `集聚区 ${id}`,
  kind: "industrial",
  form: null,
  level: "provincial",
  group: region === "410611" ? "urban_district" : "county",
  region,
  planned_area: 12.5,
  established: "2009",
  leading_industries: ["电子信息"],
  management_body: "管委会",
  planning: [{ kind: "master_plan", state: "approved" }],
  infrastructure: { road: true, water: true, power: true, drainage: true, telecom: true, gas: false, heat: false, levelled_site: true, sewage_plant: true },
  standard_factory_area: 120000,
  financing: { count: 2, registered_capital: 10, cumulative_financing: 35 },
  is_demo: false,
  ...over,
})

// The same zone as the store takes it (camelCase), for setting up.
const stored = (id: string, region: string) => {
  const c = cluster(id, region)
  return {
    id,
    name: c.name,
    kind: c.kind,
    form: null,
    level: c.level,
    group: c.group,
    region,
    plannedArea: c.planned_area,
    established: c.established,
    leadingIndustries: c.leading_industries,
    managementBody: c.management_body,
    planning: c.planning,
    infrastructure: { road: true, water: true, power: true, drainage: true, telecom: true, gas: false, heat: false, levelledSite: true, sewagePlant: true },
    standardFactoryArea: c.standard_factory_area,
    financing: { count: 2, registeredCapital: 10, cumulativeFinancing: 35 },
    isDemo: false,
  }
}

/** A Response whose body the tests read as loosely typed JSON. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions inspect arbitrary JSON
export type JsonResponse = Omit<Response, "json"> & { json(): Promise<any> }

/**
 * One store on `engine` with the test register, three accounts (admin, zone, view) and a token per role, and the
 * HTTP app over it.
 */
export const setup = async (engine: TestEngine, opts: { http?: Partial<HttpConfig>; config?: Partial<AppConfigShape> } = {}) => {
  const t = await openTestStore(engine)
  await t.store.regions.upsert(regions as never)
  await t.store.clusters.insertMany([stored("hb-qibin", "410611"), stored("hb-xunxian", "410621")] as never)
  const users = makeUsers(t.db)
  await users.create({ name: "admin", role: "admin", password: "admin-password-1" })
  await users.create({ name: "zone", role: "submitter", password: "zone-password-1", clusterIds: ["hb-qibin"] })
  await users.create({ name: "view", role: "viewer", password: "view-password-1" })
  const tokens = makeTokens(t.db)
  const token = {
    admin: (await tokens.create({ role: "admin" })).token,
    submitter: (await tokens.create({ role: "submitter", clusterIds: ["hb-qibin"] })).token,
    viewer: (await tokens.create({ role: "viewer" })).token,
  }
  const runtime = await makeAppRuntime({ db: t.db, ...(opts.config ? { config: opts.config } : {}) })
  const app = buildHttpApp(runtime, defaultHttpConfig(opts.http), { onInternalError: () => undefined })
  /** A request with a role's token (or none), JSON body when given. */
  const call = (
    method: string,
    path: string,
    o: { as?: keyof typeof token; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<JsonResponse> =>
    app.request(path, {
      method,
      headers: {
        ...(o.as ? { authorization: `Bearer ${token[o.as]}` } : {}),
        ...(o.body !== undefined || o.raw !== undefined ? { "content-type": "application/json" } : {}),
        ...o.headers,
      },
      ...(o.raw !== undefined ? { body: o.raw } : o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    }) as Promise<JsonResponse>
  return {
    store: t.store,
    db: t.db,
    runtime,
    app,
    token,
    call,
    close: async () => {
      await runtime.dispose()
      await t.dispose()
    },
  }
}

export type Setup = Awaited<ReturnType<typeof setup>>
