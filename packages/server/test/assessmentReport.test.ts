import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type AppRuntime, makeAppRuntime } from "@jiju/app"
import { makeTokens, openStore, type Store } from "@jiju/store"
import { loadDemo } from "@jiju/store/demo"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildHttpApp } from "../src/HttpApp.js"

// The CLI's in-process runner; imported by a computed path so the server's typecheck stays within its own rootDir.
type RunCli = (
  argv: ReadonlyArray<string>,
  env?: Record<string, string | undefined>,
) => Promise<{ code: number; stdout: string; stderr: string; json: () => unknown }>
const cliHelpers = new URL("../../../apps/cli/test/helpers.ts", import.meta.url).href
const runCli: RunCli = async (argv, env) => ((await import(/* @vite-ignore */ cliHelpers)) as { runCli: RunCli }).runCli(argv, env)

type Report = { run: { id: string; published: boolean; created_at: string } | null; [k: string]: unknown }

// The CLI and the API assess with the same domain step and print the same report. The CLI opens the embedded
// store by its data directory, so the two take turns on one directory (PGlite admits one opener at a time).
describe("assessment report: `jiju assess --json` and the API", () => {
  const dir = mkdtempSync(join(tmpdir(), "jiju-api-report-"))
  const env = { JIJU_DATA_DIR: dir, DATABASE_URL: "" }
  let cli: Report
  let cliEach: Report & { runs: { kind: string; scheme: string; run_id: string }[] }
  let store: Store
  let runtime: AppRuntime
  let app: ReturnType<typeof buildHttpApp>
  let admin: string
  let viewer: string

  beforeAll(async () => {
    const s = await openStore({ env })
    await loadDemo(s)
    await s.close()
    const r = await runCli(["assess", "--period", "2024", "--scheme", "henan-2017", "--stability", "20", "--seed", "7", "--json"], env)
    expect(r.code, r.stderr).toBe(0)
    cli = r.json() as Report
    // Every kind with its own scheme (no --scheme): the industrial run's report, with runs.
    const each = await runCli(["assess", "--period", "2024", "--json"], env)
    expect(each.code, each.stderr).toBe(0)
    cliEach = each.json() as Report & { runs: { kind: string; scheme: string; run_id: string }[] }
    store = await openStore({ env })
    runtime = await makeAppRuntime({ db: store.db })
    app = buildHttpApp(runtime)
    admin = (await makeTokens(store.db).create({ role: "admin" })).token
    viewer = (await makeTokens(store.db).create({ role: "viewer" })).token
  }, 120_000)
  afterAll(async () => {
    await runtime?.dispose()
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const call = (method: string, path: string, token: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })

  it("reads back the stored run's report exactly as the CLI printed it", async () => {
    expect(cli.run).not.toBeNull()
    const r = await call("GET", "/v1/assessments/report?scheme=henan-2017&period=2024", viewer)
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual(cli)
  })

  it("reads back every kind's stored report as the CLI printed it (runs aside)", async () => {
    const { runs, ...industrial } = cliEach
    expect(runs.map((x) => [x.kind, x.scheme])).toEqual([
      ["industrial", "jiju-industrial"],
      ["modern_service", "jiju-service"],
    ])
    expect(await (await call("GET", "/v1/assessments/report?scheme=jiju-industrial&period=2024", viewer)).json()).toEqual(industrial)
    const service = (await (await call("GET", "/v1/assessments/report?scheme=jiju-service&period=2024", viewer)).json()) as Report & { kind: string }
    expect(service).toMatchObject({ kind: "modern_service", run: { id: runs[1]!.run_id } })
  })

  it("a run made through the API reports what the CLI reports for the same data, apart from the run itself", async () => {
    const r = await call("POST", "/v1/assessments/runs", admin, { scheme: "henan-2017", period: "2024", stability: { draws: 20, seed: 7 } })
    expect(r.status).toBe(201)
    const body = (await r.json()) as { id: string; report: Report; result: { period: string } }
    expect(body.result.period).toBe("2024")
    expect(body.report.run).toMatchObject({ id: body.id, published: false })
    expect({ ...body.report, run: null }).toEqual({ ...cli, run: null })
    // The latest run is now the API's: the report follows it.
    const again = (await (await call("GET", "/v1/assessments/report?scheme=henan-2017&period=2024", viewer)).json()) as Report
    expect(again.run?.id).toBe(body.id)
  })

  it("the next period compares with the stored run rather than recomputing it", async () => {
    const r = await call("POST", "/v1/assessments/runs", admin, { scheme: "henan-2017", period: "2025" })
    const { report } = (await r.json()) as { report: { previous_period: string; previous_source: string } }
    expect(report).toMatchObject({ previous_period: "2024", previous_source: "stored" })
    const c = await runCli(["assess", "--period", "2025", "--scheme", "henan-2017", "--json"], env).catch((e: unknown) => e)
    // The API holds the store: the CLI is refused with a clear error, not a corrupted database.
    expect((c as { code: number }).code).not.toBe(0)
  })

  it("refuses an unknown scheme (404), a period without data (422) and a bad stability request (400/422)", async () => {
    const scheme = await call("POST", "/v1/assessments/runs", admin, { scheme: "no-such-scheme", period: "2024" })
    expect(scheme.status).toBe(404)
    expect(((await scheme.json()) as { code: string }).code).toBe("unknown_scheme")
    const noData = await call("POST", "/v1/assessments/runs", admin, { scheme: "henan-2017", period: "1999" })
    expect(noData.status).toBe(422)
    expect(((await noData.json()) as { code: string }).code).toBe("unknown_period")
    expect([400, 422]).toContain((await call("POST", "/v1/assessments/runs", admin, { scheme: "henan-2017", period: "2024", stability: { draws: 0 } })).status)
    expect((await call("GET", "/v1/assessments/report?scheme=henan-2017&period=2019", viewer)).status).toBe(404)
  })
})
