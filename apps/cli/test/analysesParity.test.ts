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

  it("regress: Columbus spatial Durbin model with --durbin, reductions and simulated impact s.e.", async () => {
    const cli = await runCli([
      "regress",
      "--data",
      file("spatial/columbus.csv"),
      "--id",
      "id",
      "--weights",
      file("spatial/columbus.gal"),
      "--formula",
      "CRIME ~ INC + HOVAL",
      "--model",
      "durbin",
      "--durbin",
      "INC,HOVAL",
      "--variance",
      "hessian",
      "--impacts-se",
      "200",
      "--seed",
      "5",
      "--json",
    ])
    expect(cli.code, cli.stderr).toBe(0)
    const r = await post("/v1/analyses/regress", {
      csv: text("spatial/columbus.csv"),
      id: "id",
      formula: "CRIME ~ INC + HOVAL",
      model: "durbin",
      durbin: ["INC", "HOVAL"],
      variance: "hessian",
      impacts_se: 200,
      seed: 5,
      weights: { gal: text("spatial/columbus.gal") },
    })
    expect(r.status).toBe(200)
    const doc = (await r.json()) as { reductions: unknown; variance_method: string }
    expect(doc.variance_method).toBe("hessian")
    expect(doc.reductions).toBeDefined()
    expect(doc).toEqual(cli.json())
  })

  it("panel: Produc spatial Durbin panel, two-way effects, Lee–Yu correction", async () => {
    const formula = "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp"
    const cli = await runCli([
      "panel",
      "--data",
      file("spatial_panel/produc.csv"),
      "--unit",
      "state",
      "--period",
      "year",
      "--formula",
      formula,
      "--model",
      "durbin",
      "--weights",
      file("spatial_panel/usa48.gal"),
      "--bias-correction",
      "lee-yu",
      "--json",
    ])
    expect(cli.code, cli.stderr).toBe(0)
    const r = await post("/v1/analyses/panel", {
      csv: text("spatial_panel/produc.csv"),
      unit: "state",
      period: "year",
      formula,
      model: "durbin",
      bias_correction: "lee-yu",
      weights: { gal: text("spatial_panel/usa48.gal") },
    })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual(cli.json())
  })

  it("panel: Produc random effects with the Hausman test", async () => {
    const formula = "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp"
    const cli = await runCli([
      "panel",
      "--data",
      file("spatial_panel/produc.csv"),
      "--unit",
      "state",
      "--period",
      "year",
      "--formula",
      formula,
      "--model",
      "re",
      "--effects",
      "individual",
      "--json",
    ])
    expect(cli.code, cli.stderr).toBe(0)
    const r = await post("/v1/analyses/panel", {
      csv: text("spatial_panel/produc.csv"),
      unit: "state",
      period: "year",
      formula,
      model: "re",
      effects: "individual",
    })
    expect(r.status).toBe(200)
    const doc = (await r.json()) as { hausman: { df: number } }
    expect(doc.hausman.df).toBe(4)
    expect(doc).toEqual(cli.json())
  })
})
