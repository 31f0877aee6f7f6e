import { readFileSync } from "node:fs"
import { makeTokens, makeUsers, openStore, type Store } from "@jiju/store"
import { inject } from "vitest"
import { makeApp } from "../src/app.js"
import type { ApiConfig } from "../src/config.js"

/** The PostgreSQL server for the second run of each suite, when the environment names one. */
export const pgUrl = process.env.JIJU_TEST_DATABASE_URL || undefined
if (!pgUrl) console.warn("[api tests] JIJU_TEST_DATABASE_URL is not set: the PostgreSQL runs are SKIPPED (embedded PGlite only)")

/** The stores each suite runs against: embedded PGlite always, PostgreSQL (own schema) when configured. */
export const backends: ReadonlyArray<{ name: string; open: () => Promise<Store> }> = [
  { name: "pglite", open: () => openStore({ memory: { template: new Blob([readFileSync(inject("apiPgliteTemplate"))]) } }) },
  ...(pgUrl
    ? [{ name: "postgres", open: () => openStore({ databaseUrl: pgUrl, schema: `api_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}` }) }]
    : []),
]

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

/** One opened store with the test register, three accounts and their tokens, and an app over it. */
export const setup = async (backend: { open: () => Promise<Store> }, config: Partial<ApiConfig> = {}) => {
  const store = await backend.open()
  await store.regions.upsert(regions as never)
  await store.clusters.insertMany([cluster("hb-qibin", "410611"), cluster("hb-xunxian", "410621")] as never)
  const users = makeUsers(store.db)
  await users.create({ name: "admin", role: "admin", password: "admin-password-1" })
  await users.create({ name: "zone", role: "submitter", password: "zone-password-1", clusterIds: ["hb-qibin"] })
  await users.create({ name: "view", role: "viewer", password: "view-password-1" })
  const tokens = makeTokens(store.db)
  const token = {
    admin: (await tokens.create({ role: "admin" })).token,
    submitter: (await tokens.create({ role: "submitter", clusterIds: ["hb-qibin"] })).token,
    viewer: (await tokens.create({ role: "viewer" })).token,
  }
  const app = makeApp({ db: store.db, config: { jobPollMs: 0, ...config }, onInternalError: () => undefined })
  /** A request with a role's token (or none), JSON body when given. */
  const call = (
    method: string,
    path: string,
    opts: { as?: keyof typeof token; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<JsonResponse> =>
    app.request(path, {
      method,
      headers: {
        ...(opts.as ? { authorization: `Bearer ${token[opts.as]}` } : {}),
        ...(opts.body !== undefined || opts.raw !== undefined ? { "content-type": "application/json" } : {}),
        ...opts.headers,
      },
      ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    }) as Promise<JsonResponse>
  return { store, app, token, call, close: () => store.close() }
}

/** A Response whose body the tests read as loosely typed JSON. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions inspect arbitrary JSON
export type JsonResponse = Omit<Response, "json"> & { json(): Promise<any> }

export type Setup = Awaited<ReturnType<typeof setup>>
