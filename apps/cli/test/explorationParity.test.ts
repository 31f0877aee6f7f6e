import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { type AppRuntime, makeAppRuntime } from "@jiju/app"
import { buildHttpApp } from "@jiju/server"
import { makeTokens } from "@jiju/store"
import { openTestStore } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"

// Geary, hot spots, bivariate Moran and LISA, GWR, threshold, disparity, density and Markov: the API's answer
// deep-equals `jiju … --json` for the same input (both call the same domain builders).
const fixtures = fileURLToPath(new URL("../../../packages/domain/test/fixtures/", import.meta.url))
const file = (rel: string) => join(fixtures, rel)
const text = (rel: string) => readFileSync(file(rel), "utf8")

const columbusCsv = "weights/columbus.csv"
const columbusGal = "weights/columbus.gal"
const produc = "threshold/produc.csv"

describe("API documents equal `jiju … --json` for the exploratory analyses", () => {
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

  const same = async (name: string, argv: string[], body: Record<string, unknown>) => {
    const cli = await runCli([name, ...argv, "--json"])
    expect(cli.code, cli.stderr).toBe(0)
    const r = await post(`/v1/analyses/${name}`, body)
    expect(r.status, await r.clone().text()).toBe(200)
    expect(await r.json()).toEqual(cli.json())
    return cli.json() as Record<string, unknown>
  }

  it("geary: Columbus CRIME with the GAL weights, 99 permutations", async () => {
    const doc = await same("geary", ["--data", file(columbusCsv), "--id", "POLYID", "--weights", file(columbusGal), "--var", "CRIME", "--permutations", "99"], {
      csv: text(columbusCsv),
      id: "POLYID",
      var: "CRIME",
      permutations: 99,
      weights: { gal: text(columbusGal) },
    })
    expect(doc.permutations).toBe(99)
  })

  it("hotspots: G*_i with 5 nearest neighbours and FDR classes", async () => {
    const doc = await same("hotspots", ["--data", file(columbusCsv), "--id", "POLYID", "--knn", "5", "--coords", "X,Y", "--var", "CRIME", "--star", "--fdr"], {
      csv: text(columbusCsv),
      id: "POLYID",
      var: "CRIME",
      star: true,
      fdr: true,
      weights: { knn: 5, coords: ["X", "Y"] },
    })
    expect(doc.statistic).toBe("G*")
  })

  it("moran --with and lisa --with: bivariate, default 999 permutations, seeded", async () => {
    const argv = ["--data", file(columbusCsv), "--id", "POLYID", "--weights", file(columbusGal), "--var", "CRIME", "--with", "INC", "--seed", "4"]
    const body = { csv: text(columbusCsv), id: "POLYID", var: "CRIME", with: "INC", seed: 4, weights: { gal: text(columbusGal) } }
    expect((await same("moran", argv, body)).permutations).toBe(999)
    expect((await same("lisa", argv, body)).permutations).toBe(999)
  })

  it("gwr: Columbus, bisquare kernel, adaptive K chosen by AICc", async () => {
    const doc = await same(
      "gwr",
      ["--data", file(columbusCsv), "--id", "POLYID", "--formula", "CRIME ~ INC + HOVAL", "--coords", "X,Y", "--kernel", "bisquare", "--select", "aicc"],
      { csv: text(columbusCsv), id: "POLYID", formula: "CRIME ~ INC + HOVAL", coords: ["X", "Y"], kernel: "bisquare", select: "aicc" },
    )
    expect(doc.adaptive).toBe(true)
  })

  it("threshold: Produc, two thresholds, 20 bootstrap draws, seeded", async () => {
    const doc = await same(
      "threshold",
      [
        "--data",
        file(produc),
        "--unit",
        "state",
        "--period",
        "year",
        "--formula",
        "log(gsp) ~ lpc + log(emp)",
        "--threshold-var",
        "unemp",
        "--regime-var",
        "lpcap",
        "--thresholds",
        "2",
        "--bootstrap",
        "20",
        "--seed",
        "3",
      ],
      {
        csv: text(produc),
        unit: "state",
        period: "year",
        formula: "log(gsp) ~ lpc + log(emp)",
        threshold_var: "unemp",
        regime_var: "lpcap",
        thresholds: 2,
        bootstrap: 20,
        seed: 3,
      },
    )
    expect((doc.thresholds as unknown[]).length).toBe(2)
  })

  it("disparity and density: Produc gsp/emp by region, per year", async () => {
    const regions = text("disparity/produc.csv")
    const d = await same("disparity", ["--data", file("disparity/produc.csv"), "--group", "region", "--value", "gsp / emp", "--period-col", "year"], {
      csv: regions,
      group: "region",
      value: "gsp / emp",
      period_col: "year",
    })
    expect((d.periods as unknown[]).length).toBe(17)
    await same("density", ["--data", file("disparity/produc.csv"), "--value", "gsp / emp", "--period-col", "year"], {
      csv: regions,
      value: "gsp / emp",
      period_col: "year",
    })
  })

  it("bad input gets the same code from both: a group with one member", async () => {
    const cli = await runCli([
      "disparity",
      "--data",
      file(produc),
      "--group",
      "state",
      "--value",
      "gsp / emp",
      "--period-col",
      "year",
      "--period",
      "1986",
      "--json",
    ])
    expect(cli.code).toBe(1)
    const cliError = (cli.json() as { error: { code: string; message: string } }).error
    expect(cliError.code).toBe("singleton_group")
    const r = await post("/v1/analyses/disparity", { csv: text(produc), group: "state", value: "gsp / emp", period_col: "year", period: "1986" })
    expect(r.status).toBe(422)
    expect(((await r.json()) as { code: string }).code).toBe("singleton_group")
  })

  it("markov: Produc gsp/emp, 4 pooled classes, spatial chains with the states' contiguity", async () => {
    const doc = await same(
      "markov",
      [
        "--data",
        file("disparity/produc.csv"),
        "--id",
        "state",
        "--period",
        "year",
        "--var",
        "gsp / emp",
        "--classes",
        "4",
        "--weights",
        file("markov/us_states.gal"),
      ],
      { csv: text("disparity/produc.csv"), id: "state", period: "year", var: "gsp / emp", classes: 4, weights: { gal: text("markov/us_states.gal") } },
    )
    expect(doc.spatial).not.toBeNull()
  })
})
