import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { backends, type Setup, setup } from "./helpers.js"

// The API and the CLI build their documents with the same domain builders: same data, same JSON.
const fixtures = fileURLToPath(new URL("../../../packages/domain/test/fixtures/", import.meta.url))
const file = (rel: string) => join(fixtures, rel)
const text = (rel: string) => readFileSync(file(rel), "utf8")

// The CLI's in-process runner; imported by a computed path so the API's typecheck stays within its own rootDir.
type RunCli = (argv: ReadonlyArray<string>) => Promise<{ code: number; stdout: string; stderr: string; json: () => unknown }>
const cliHelpers = new URL("../../cli/test/helpers.ts", import.meta.url).href
const runCli: RunCli = async (argv) => ((await import(/* @vite-ignore */ cliHelpers)) as { runCli: RunCli }).runCli(argv)

describe.each(backends.slice(0, 1))("API documents equal `jiju … --json` on $name", (backend) => {
  let t: Setup
  beforeAll(async () => {
    t = await setup(backend)
  })
  afterAll(async () => {
    await t?.close()
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
    const body = { csv: text("weights/columbus.csv"), id: "POLYID", var: "CRIME", permutations: 99, weights: { gal: text("weights/columbus.gal") } }
    const r = await t.call("POST", "/v1/analyses/moran", { as: "viewer", body })
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
    const body = {
      csv: text("spatial/columbus.csv"),
      id: "id",
      formula: "CRIME ~ INC + HOVAL",
      model: "durbin",
      durbin: ["INC", "HOVAL"],
      variance: "hessian",
      impacts_se: 200,
      seed: 5,
      weights: { gal: text("spatial/columbus.gal") },
    }
    const r = await t.call("POST", "/v1/analyses/regress", { as: "viewer", body })
    expect(r.status).toBe(200)
    const doc = (await r.json()) as { reductions: unknown; variance_method: string }
    expect(doc.variance_method).toBe("hessian")
    expect(doc.reductions).toBeDefined()
    expect(doc).toEqual(cli.json())
  })

  it("panel: Produc spatial Durbin panel, two-way effects, Lee–Yu correction", async () => {
    const argv = ["--unit", "state", "--period", "year", "--formula", "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp"]
    const cli = await runCli([
      "panel",
      "--data",
      file("spatial_panel/produc.csv"),
      ...argv,
      "--model",
      "durbin",
      "--weights",
      file("spatial_panel/usa48.gal"),
      "--bias-correction",
      "lee-yu",
      "--json",
    ])
    expect(cli.code, cli.stderr).toBe(0)
    const body = {
      csv: text("spatial_panel/produc.csv"),
      unit: "state",
      period: "year",
      formula: "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp",
      model: "durbin",
      bias_correction: "lee-yu",
      weights: { gal: text("spatial_panel/usa48.gal") },
    }
    const r = await t.call("POST", "/v1/analyses/panel", { as: "viewer", body })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual(cli.json())
  })

  it("panel: Produc random effects with the Hausman test", async () => {
    const formula = "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp"
    const re = await runCli([
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
    expect(re.code, re.stderr).toBe(0)
    const body = { csv: text("spatial_panel/produc.csv"), unit: "state", period: "year", formula, model: "re", effects: "individual" }
    const r = await t.call("POST", "/v1/analyses/panel", { as: "viewer", body })
    expect(r.status).toBe(200)
    const doc = (await r.json()) as { hausman: { df: number } }
    expect(doc.hausman.df).toBe(4)
    expect(doc).toEqual(re.json())
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
    const body = { csv: text("panel/grunfeld.csv"), unit: "firm", period: "year", formula: "inv ~ value + capital", effects: "individual" }
    const r = await t.call("POST", "/v1/analyses/panel", { as: "viewer", body })
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual(cli.json())
  })
})
