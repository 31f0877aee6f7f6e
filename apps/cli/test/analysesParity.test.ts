import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { type AppRuntime, makeAppRuntime } from "@jiju/app"
import { buildHttpApp } from "@jiju/server"
import { makeTokens } from "@jiju/store"
import { openTestStore } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"

// The API and the CLI build their documents with the same domain builders: same data, same JSON.
const fixtures = fileURLToPath(new URL("../../../packages/domain/test/fixtures/", import.meta.url))
const file = (rel: string) => join(fixtures, rel)
const text = (rel: string) => readFileSync(file(rel), "utf8")

describe("API analysis documents equal `jiju … --json`", () => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let runtime: AppRuntime
  let app: ReturnType<typeof buildHttpApp>
  let viewer = ""
  const post = async (path: string, body: unknown) =>
    app.request(path, { method: "POST", headers: { authorization: `Bearer ${viewer}`, "content-type": "application/json" }, body: JSON.stringify(body) })
  beforeAll(async () => {
    t = await openTestStore("pglite")
    viewer = (await makeTokens(t.db).create({ role: "viewer" })).token
    runtime = await makeAppRuntime({ db: t.db, analysisPool: { threads: 1 } })
    app = buildHttpApp(runtime)
  })
  afterAll(async () => {
    await runtime?.dispose()
    await t?.dispose()
  })

  it("moran: Columbus CRIME with the GAL weights, 99 permutations", async () => {
    const cli = await runCli([
      "moran",
      "--data",
      file("weights/columbus.csv"),
      "--id",
      "POLYID",
      "--weights",
      file("weights/columbus.gal"),
      "--var",
      "CRIME",
      "--permutations",
      "99",
      "--json",
    ])
    expect(cli.code, cli.stderr).toBe(0)
    const r = await post("/v1/analyses/moran", {
      csv: text("weights/columbus.csv"),
      id: "POLYID",
      var: "CRIME",
      permutations: 99,
      weights: { gal: text("weights/columbus.gal") },
    })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual(cli.json())
  })

  it("panel: Grunfeld, individual fixed effects", async () => {
    const cli = await runCli([
      "panel",
      "--data",
      file("panel/grunfeld.csv"),
      "--unit",
      "firm",
      "--period",
      "year",
      "--formula",
      "inv ~ value + capital",
      "--effects",
      "individual",
      "--json",
    ])
    expect(cli.code, cli.stderr).toBe(0)
    const r = await post("/v1/analyses/panel", {
      csv: text("panel/grunfeld.csv"),
      unit: "firm",
      period: "year",
      formula: "inv ~ value + capital",
      effects: "individual",
    })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual(cli.json())
  })
})
