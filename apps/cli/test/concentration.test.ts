import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"

const data = fileURLToPath(new URL("./fixtures/concentration.csv", import.meta.url))
// independent reference: base R restatement of REAT (packages/domain/scripts/golden/concentration.R) on the same data
const golden = JSON.parse(readFileSync(new URL("../../../packages/domain/test/fixtures/concentration/concentration.json", import.meta.url), "utf8")) as {
  lq: { region: string; industry: string; lq: number }[]
  hhi: Record<string, number>
  ellison_glaeser: Record<string, { gamma: number; G: number; H: number }>
  krugman: Record<string, number>
  gini: Record<string, number>
}
const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)))
const flags = ["concentration", "--data", data, "--region", "city", "--industry", "sector", "--value", "employment"]

describe("jiju concentration", () => {
  it("--json matches the R reference", async () => {
    const r = await runCli([...flags, "--plant-h", "equipment=0.04,food=0.01", "--json"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const out = r.json() as {
      lq: { region: string; industry: string; lq: number }[]
      hhi: Record<string, number>
      ellison_glaeser: Record<string, { gamma: number }>
      krugman: Record<string, number>
      gini: Record<string, number>
    }
    expect(out.lq).toHaveLength(golden.lq.length)
    for (const q of golden.lq) near(out.lq.find((x) => x.region === q.region && x.industry === q.industry)!.lq, q.lq)
    for (const [k, v] of Object.entries(golden.hhi)) near(out.hhi[k]!, v)
    for (const [k, v] of Object.entries(golden.ellison_glaeser)) near(out.ellison_glaeser[k]!.gamma, v.gamma)
    for (const [k, v] of Object.entries(golden.krugman)) near(out.krugman[k]!, v)
    for (const [k, v] of Object.entries(golden.gini)) near(out.gini[k]!, v)
  })
  it("prints aligned tables without --json", async () => {
    const r = await runCli(flags)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("区位熵 location quotients")
    expect(r.stdout).toMatch(/Zhengzhou +\d\.\d{4}/)
    expect(r.stdout).toContain("Krugman spec.")
  })
  it("errors: unknown column and bad --plant-h", async () => {
    const r = await runCli(["concentration", "--data", data, "--region", "region", "--industry", "sector", "--value", "employment", "--json"])
    expect(r.code).toBe(1)
    const e = (r.json() as { error: { code: string; message: string } }).error
    expect(e.code).toBe("unknown_column")
    expect(e.message).toContain("city, sector, employment")
    const h = await runCli([...flags, "--plant-h", "equipment=1.5", "--json"])
    expect(h.code).toBe(2)
    expect((h.json() as { error: { code: string } }).error.code).toBe("bad_plant_h")
    const u = await runCli([...flags, "--plant-h", "steel=0.1", "--json"])
    expect(u.stderr).toContain("steel")
  })

  it("--firm: firm rows streamed from CSV, Ellison–Glaeser H from the firms, as the R reference (firms.json)", async () => {
    const g = JSON.parse(readFileSync(new URL("../../../packages/domain/test/fixtures/concentration/firms.json", import.meta.url), "utf8")) as {
      firms: Array<{ region: string; industry: string; firm: string; employment: number }>
      ellison_glaeser: Record<string, { gamma: number | null; G: number; H: number; plants: number }>
    }
    const dir = mkdtempSync(join(tmpdir(), "jiju-firms-"))
    const file = join(dir, "firms.csv")
    writeFileSync(file, `地区,行业,企业,从业人员\n${g.firms.map((f) => `${f.region},${f.industry},${f.firm},${f.employment}`).join("\n")}\n`)
    const args = ["concentration", "--data", file, "--region", "地区", "--industry", "行业", "--firm", "企业", "--value", "从业人员"]
    const r = await runCli([...args, "--json"])
    expect(r.code, r.stderr).toBe(0)
    const out = r.json() as { ellison_glaeser: Record<string, { gamma: number | null; G: number; H: number }>; plants: Record<string, number> }
    for (const [k, v] of Object.entries(g.ellison_glaeser)) {
      near(out.ellison_glaeser[k]!.H, v.H)
      near(out.ellison_glaeser[k]!.G, v.G)
      if (v.gamma === null) expect(out.ellison_glaeser[k]!.gamma).toBeNull()
      else near(out.ellison_glaeser[k]!.gamma!, v.gamma)
      expect(out.plants[k]).toBe(v.plants)
    }
    const table = await runCli(args)
    expect(table.code, table.stderr).toBe(0)
    expect(table.stdout).toContain("EG gamma")
    const both = await runCli([...args, "--plant-h", "C13=0.1", "--json"])
    expect(both.code).toBe(2)
    expect((both.json() as { error: { code: string } }).error.code).toBe("conflicting_plant_h")
  })

  it("--reference: location quotients against national totals, as the R reference (lq_reference)", async () => {
    const g = JSON.parse(readFileSync(new URL("../../../packages/domain/test/fixtures/concentration/concentration.json", import.meta.url), "utf8")) as {
      reference: { industry: Record<string, number>; total: number }
      lq_reference: { region: string; industry: string; lq: number }[]
    }
    const dir = mkdtempSync(join(tmpdir(), "jiju-reference-"))
    const file = join(dir, "national.csv")
    writeFileSync(
      file,
      `sector,employment\n${Object.entries(g.reference.industry)
        .map(([k, v]) => `${k},${v}`)
        .join("\n")}\n`,
    )
    const args = [...flags, "--reference", file, "--reference-total", String(g.reference.total)]
    const r = await runCli([...args, "--json"])
    expect(r.code, r.stderr).toBe(0)
    const out = r.json() as { lq: { region: string; industry: string; lq: number }[]; reference: { total: number } }
    expect(out.lq).toHaveLength(g.lq_reference.length)
    for (const q of g.lq_reference) near(out.lq.find((x) => x.region === q.region && x.industry === q.industry)!.lq, q.lq)
    expect(out.reference.total).toBe(g.reference.total)
    const shown = await runCli(args)
    expect(shown.stdout).toContain("参照总量 against the reference totals")

    // Precise errors: a reference without its grand total, an industry twice, an industry of the data missing.
    const alone = await runCli([...flags, "--reference", file, "--json"])
    expect(alone.code).toBe(2)
    expect((alone.json() as { error: { message: string } }).error.message).toContain("--reference-total")
    const twice = join(dir, "twice.csv")
    writeFileSync(twice, "sector,employment\nequipment,900\nequipment,800\n")
    const dup = await runCli([...flags, "--reference", twice, "--reference-total", "5000", "--json"])
    expect(dup.code).toBe(1)
    const e = (dup.json() as { error: { code: string; message: string } }).error
    expect(e.code).toBe("duplicate_industry")
    expect(e.message).toContain(`--reference file "${twice}"`)
    expect(e.message).toContain("row 2")
    const short = join(dir, "short.csv")
    writeFileSync(short, "sector,employment\nequipment,900\n")
    const missing = await runCli([...flags, "--reference", short, "--reference-total", "5000", "--json"])
    expect((missing.json() as { error: { code: string } }).error.code).toBe("bad_reference")
    const none = await runCli([...flags, "--reference", join(dir, "nope.csv"), "--reference-total", "5000", "--json"])
    expect((none.json() as { error: { code: string; message: string } }).error.message).toContain("--reference file")
  })
})
