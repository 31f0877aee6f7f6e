import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type AppRuntime, makeAppRuntime } from "@jiju/app"
import { TargetSetJson } from "@jiju/domain"
import { toWire } from "@jiju/domain/contract"
import { makeTokens, openPostgres, openStore, type Store } from "@jiju/store"
import { TEST_DATABASE_URL } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildHttpApp } from "../src/HttpApp.js"

// The CLI and the API build these documents with the same domain functions from the same store: same JSON.

// The CLI's in-process runner; imported by a computed path so the server's typecheck stays within its own rootDir.
type RunCli = (argv: ReadonlyArray<string>, env: Record<string, string>) => Promise<{ code: number; stdout: string; stderr: string; json: () => unknown }>
const cliHelpers = new URL("../../../apps/cli/test/helpers.ts", import.meta.url).href
const runCli: RunCli = async (argv, env) => ((await import(/* @vite-ignore */ cliHelpers)) as { runCli: RunCli }).runCli(argv, env)

/** A store the CLI opens from its environment: a PGlite data directory, or a database of its own on the test server. */
const server = TEST_DATABASE_URL
const engines: ReadonlyArray<{ name: string; make: (dir: string) => Promise<{ env: Record<string, string>; dispose: () => Promise<void> }> }> = [
  { name: "pglite", make: async (dir) => ({ env: { JIJU_DATA_DIR: join(dir, "data"), DATABASE_URL: "" }, dispose: async () => {} }) },
  ...(server !== undefined
    ? [
        {
          name: "postgres",
          make: async (dir: string) => {
            const name = `jiju_parity_${randomBytes(5).toString("hex")}`
            const admin = await openPostgres(server, { max: 1 })
            await admin.exec(`create database ${name}`)
            await admin.close()
            const url = new URL(server)
            url.pathname = `/${name}`
            return {
              env: { JIJU_DATA_DIR: join(dir, "unused"), DATABASE_URL: url.toString() },
              dispose: async () => {
                const c = await openPostgres(server, { max: 1 })
                await c.exec(`drop database if exists ${name} with (force)`)
                await c.close()
              },
            }
          },
        },
      ]
    : []),
]

// As a `jiju targets --set FILE` file holds it (the domain's field names); the API's body carries its wire form.
const ownSet = {
  id: "henan-plan",
  name: { zh: "河南集聚区目标", en: "Henan zone targets" },
  targetYear: 2028,
  targets: [
    { id: "revenue_total", kind: "total", indicator: "revenue", min: 40000, description: { zh: "主营业务收入合计4万亿元", en: "revenue 4tn CNY in all" } },
    {
      id: "revenue_growth",
      kind: "annual_growth",
      indicator: "revenue",
      rate: 0.08,
      baseYear: 2020,
      description: { zh: "营收年均增长8%", en: "revenue up 8% a year" },
    },
    {
      id: "above_500",
      kind: "count_above",
      indicator: "revenue",
      op: ">=",
      threshold: 500,
      count: 30,
      description: { zh: "营收500亿元以上30个", en: "30 zones at 50bn or more" },
    },
  ],
  notes: [{ zh: "测试用目标集", en: "a test target set" }],
}

interface Case {
  readonly title: string
  readonly argv: ReadonlyArray<string>
  readonly path: string
  readonly body?: unknown
}

const cases = (setFile: string): ReadonlyArray<Case> => [
  { title: "certify every service zone", argv: ["certify", "--period", "2025"], path: "/v1/assessments/certification?period=2025" },
  {
    title: "certify one zone by the county table",
    argv: ["certify", "--period", "2024", "--cluster", "cbd-4101", "--table", "county"],
    path: "/v1/assessments/certification?period=2024&cluster=cbd-4101&table=county",
  },
  { title: "stage of every zone", argv: ["stage", "--period", "2025"], path: "/v1/assessments/stage?period=2025" },
  { title: "stage of one zone", argv: ["stage", "--period", "2020", "--cluster", "hb-jinshan"], path: "/v1/assessments/stage?period=2020&cluster=hb-jinshan" },
  { title: "diagnosis of every zone", argv: ["diagnose", "--period", "2025"], path: "/v1/assessments/diagnosis?period=2025" },
  {
    title: "diagnosis of one zone",
    argv: ["diagnose", "--period", "2023", "--cluster", "hb-jinshan"],
    path: "/v1/assessments/diagnosis?period=2023&cluster=hb-jinshan",
  },
  { title: "Henan's incentive with the assumed share", argv: ["incentive"], path: "/v1/assessments/incentive" },
  {
    title: "a year-on-year incentive for one zone",
    argv: ["incentive", "--base-year", "2010", "--rule", "yoy", "--from", "2011", "--to", "2014", "--share", "0.3", "--cluster", "hb-baoshan"],
    path: "/v1/assessments/incentive?base_year=2010&rule=yoy&from=2011&to=2014&share=0.3&cluster=hb-baoshan",
  },
  {
    title: "衡水 targets over every zone",
    argv: ["targets", "--set", "hengshui", "--period", "2025"],
    path: "/v1/assessments/targets?set=hengshui&period=2025",
  },
  {
    title: "陕西 targets over a city",
    argv: ["targets", "--set", "shaanxi", "--period", "2024", "--region", "410600", "--base-year", "2019", "--target-year", "2028"],
    path: "/v1/assessments/targets?set=shaanxi&period=2024&region=410600&base_year=2019&target_year=2028",
  },
  {
    title: "a target set of one's own",
    argv: ["targets", "--set", setFile, "--period", "2025", "--region", "410000"],
    path: "/v1/assessments/targets",
    body: { set: toWire(TargetSetJson, ownSet), period: "2025", region: "410000" },
  },
  {
    title: "positions on fixed-asset investment against the previous year-end",
    argv: ["positions", "--indicator", "fixed_investment", "--period", "2025", "--against", "2024"],
    path: "/v1/assessments/positions?indicator=fixed_investment&period=2025&against=2024",
  },
  {
    title: "the land quota with 30 亩 cut from each of the last 20",
    argv: ["land-quota", "--period", "2025", "--cut", "30"],
    path: "/v1/assessments/land-quota?period=2025&cut=30",
  },
  {
    title: "考核晋级 2009 → 2012 with a basic threshold",
    argv: ["promotion", "--base", "2009", "--target", "2012", "--threshold", "revenue=40,employment=1"],
    path: "/v1/assessments/promotion?base_year=2009&target_year=2012&threshold_revenue=40&threshold_employment=1",
  },
  {
    title: "the supervision candidates of 2025",
    argv: ["supervision", "candidates", "--period", "2025", "--count", "12"],
    path: "/v1/supervision/candidates?period=2025&count=12",
  },
  { title: "an unknown zone", argv: ["stage", "--period", "2025", "--cluster", "hb-none"], path: "/v1/assessments/stage?period=2025&cluster=hb-none" },
  { title: "a period without data", argv: ["diagnose", "--period", "2031"], path: "/v1/assessments/diagnosis?period=2031" },
  { title: "a base year without data", argv: ["incentive", "--base-year", "2001"], path: "/v1/assessments/incentive?base_year=2001" },
]

// The demo has 税收 only as a total: give two zones the three taxes of the incentive's base, 2009–2015.
const taxRows = (clusters: ReadonlyArray<string>) =>
  clusters.flatMap((id, k) =>
    Array.from({ length: 7 }, (_, i) => 2009 + i).flatMap((year) =>
      (["vat", "business_tax", "corporate_income_tax"] as const).map((tax, j) => ({
        target: { kind: "cluster" as const, id },
        period: String(year),
        indicator: tax,
        value: Math.round((4 + k + j + ((year * 7 + j * 3) % 5)) * 100) / 100,
      })),
    ),
  )

describe.each(engines)("API judgements equal `jiju … --json` on $name", (engine) => {
  const dir = mkdtempSync(join(tmpdir(), "jiju-parity-"))
  const setFile = join(dir, "own-set.json")
  const all = cases(setFile)
  const cli = new Map<string, { code: number; json: unknown }>()
  let store: Store | undefined
  let runtime: AppRuntime | undefined
  let dispose = async () => {}
  let call: (c: Case) => Promise<Response>

  beforeAll(async () => {
    const made = await engine.make(dir)
    dispose = made.dispose
    const demo = await runCli(["demo", "--json"], made.env)
    expect(demo.code, demo.stderr).toBe(0)
    let s = await openStore({ env: made.env })
    await s.observations.upsertMany(taxRows(["hb-baoshan", "hb-jinshan"]) as never)
    await s.close()
    writeFileSync(setFile, JSON.stringify(ownSet))
    // The embedded database admits one process at a time: every CLI run first, then the API.
    for (const c of all) {
      const r = await runCli([...c.argv, "--json"], made.env)
      cli.set(c.title, { code: r.code, json: r.json() })
    }
    s = await openStore({ env: made.env })
    store = s
    const token = (await makeTokens(s.db).create({ role: "viewer" })).token
    runtime = await makeAppRuntime({ db: s.db })
    const app = buildHttpApp(runtime)
    call = async (c) =>
      app.request(c.path, {
        method: c.body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${token}`, "accept-language": "en", ...(c.body === undefined ? {} : { "content-type": "application/json" }) },
        ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
      })
  }, 300_000)
  afterAll(async () => {
    await runtime?.dispose()
    await store?.close()
    await dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it.each(all.filter((c) => !/unknown|without/.test(c.title)).map((c) => [c.title, c] as const))("%s", async (_title, c) => {
    const out = cli.get(c.title)!
    expect(out.code).toBe(0)
    const r = await call(c)
    expect(r.status).toBe(200)
    const body = await r.json()
    expect(body).toEqual(out.json)
    // Demo data are labelled as such on both sides.
    expect(body).toMatchObject({ source: "store", demo: true })
  })

  it.each(all.filter((c) => /unknown|without/.test(c.title)).map((c) => [c.title, c] as const))("%s: the same code and message", async (_title, c) => {
    const out = cli.get(c.title)!
    expect(out.code).toBe(1)
    const r = await call(c)
    const problem = (await r.json()) as { code: string; detail: string }
    const error = (out.json as { error: { code: string; message: string } }).error
    expect(problem.code).toBe(error.code)
    expect(problem.detail).toBe(error.message)
  })

  it("compares documents that say something: certified zones, zones past the 集中 stage, incentives paid", () => {
    const doc = <T>(title: string) => cli.get(title)!.json as T
    const certified = doc<{ results: Array<{ id: string; status: string; table: string | null }> }>("certify every service zone").results
    expect(certified.length).toBe(20)
    // The demo's stored facts and levels give every outcome: certified, failed, incomplete, and no table (provincial).
    const statuses = new Map<string, string[]>()
    for (const r of certified) statuses.set(r.status, [...(statuses.get(r.status) ?? []), r.id])
    expect([...statuses.keys()].sort()).toEqual(["certified", "incomplete", "no_table", "not_certified"])
    expect(statuses.get("no_table")).toEqual(["cbd-4101"])
    expect(doc<{ results: Array<{ stage: string }> }>("stage of every zone").results.length).toBeGreaterThan(150)
    const paid = doc<{ results: Array<{ total_returned: number }> }>("a year-on-year incentive for one zone").results[0]!
    expect(paid.total_returned).toBeGreaterThan(0)
    expect(doc<{ zones: number }>("a target set of one's own").zones).toBe(177)
  })
})
