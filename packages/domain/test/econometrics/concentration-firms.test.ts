// Firm-level concentration (microdata): Ellison–Glaeser with the plant Herfindahl from the firm rows, against the
// R restatement of Ellison & Glaeser (1997) in scripts/golden/concentration.R (fixtures/concentration/firms.json).
import { readFileSync } from "node:fs"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runAnalysisRequest } from "../../src/analyses/AnalysisRequest.js"
import { concentrationAnalysis, concentrationCsvStream, concentrationDocument } from "../../src/analyses/ConcentrationReport.js"
import { plantHerfindahl } from "../../src/econometrics/concentration/index.js"
import type { DataTable } from "../../src/io/DataTable.js"
import { InputError } from "../../src/model/errors.js"

interface Golden {
  firms: Array<{ region: string; industry: string; firm: string; employment: number }>
  regions: string[]
  industries: string[]
  ellison_glaeser: Record<string, { gamma: number | null; G: number; H: number; plants: number }>
  hhi: Record<string, number>
  krugman: Record<string, number>
  dartboard_mean_gamma: number
  dartboard_se: number
}
const g = JSON.parse(readFileSync(new URL("../fixtures/concentration/firms.json", import.meta.url), "utf8")) as Golden
const near = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)))
const options = { region: "region", industry: "industry", value: "employment", firm: "firm" }
const table: DataTable = { columns: ["region", "industry", "firm", "employment"], rows: g.firms.map((f) => ({ ...f })) }
const csvOf = (rows: Golden["firms"], eol = "\n") =>
  `region,industry,firm,employment${eol}${rows.map((f, k) => `${k % 7 === 0 ? `"${f.region}"` : f.region},${f.industry},${f.firm},${f.employment}`).join(eol)}${eol}`
const codeOf = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return (e as InputError).code
  }
  throw new Error("expected an InputError")
}
const streamed = (bytes: Uint8Array, cuts: number[] = [], opts: Parameters<typeof concentrationCsvStream>[0] = options) => {
  const s = concentrationCsvStream(opts)
  let at = 0
  for (const c of [...cuts].sort((a, b) => a - b)) {
    s.push(bytes.subarray(at, c))
    at = c
  }
  s.push(bytes.subarray(at))
  return s.finish()
}

describe("firm microdata: Ellison–Glaeser with plant H from the firms (R restatement of EG 1997)", () => {
  const r = concentrationAnalysis(table, options)

  it("γ, G, H and the plants per industry equal R's to 1e-12; γ is undefined (NaN) for a single-plant industry", () => {
    expect([...r.industries].sort()).toEqual([...g.industries].sort())
    for (const [name, e] of Object.entries(g.ellison_glaeser)) {
      const ours = r.ellison_glaeser[name]!
      near(ours.G, e.G)
      near(ours.H, e.H)
      if (e.gamma === null) expect(ours.gamma).toBeNaN()
      else near(ours.gamma, e.gamma)
      expect((r as { plants: Record<string, number> }).plants[name]).toBe(e.plants)
    }
    for (const [name, v] of Object.entries(g.hhi)) near(r.hhi[name]!, v)
    for (const [name, v] of Object.entries(g.krugman)) near(r.krugman[name]!, v)
    // JSON: γ of the single-plant industry is null; the plants are listed.
    const doc = JSON.parse(JSON.stringify(concentrationDocument(r))) as {
      ellison_glaeser: Record<string, { gamma: number | null }>
      plants: Record<string, number>
    }
    expect(doc.ellison_glaeser.C39!.gamma).toBeNull()
    expect(doc.plants.C39).toBe(1)
  })

  it("the dartboard check of the R script: mean γ of simulated random-location industries is ≈ 0", () => {
    expect(Math.abs(g.dartboard_mean_gamma)).toBeLessThan(4 * g.dartboard_se)
  })

  it("H is the Herfindahl of each industry's plant sizes (a firm's rows added up)", () => {
    const sizes = new Map<string, number>()
    for (const f of g.firms.filter((x) => x.industry === "C17")) sizes.set(f.firm, (sizes.get(f.firm) ?? 0) + f.employment)
    near(r.ellison_glaeser.C17!.H, plantHerfindahl([...sizes.values()]))
  })

  it("the CSV stream gives exactly the table path's results, however the bytes are cut into chunks", () => {
    const bytes = new TextEncoder().encode(csvOf(g.firms, "\r\n"))
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        expect(streamed(bytes, cuts)).toEqual(r)
      }),
      { numRuns: 40 },
    )
  })

  it("splitting a firm's row in two, reordering rows or scaling all values leaves γ, G and H unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: g.firms.length - 1 }), fc.double({ min: 0.5, max: 20, noNaN: true }), (k, c) => {
        const f = g.firms[k]!
        const rows = [...g.firms.slice(0, k), { ...f, employment: f.employment / 2 }, ...g.firms.slice(k + 1), { ...f, employment: f.employment / 2 }]
        const split = concentrationAnalysis({ columns: table.columns, rows: rows.reverse().map((x) => ({ ...x, employment: x.employment * c })) }, options)
        for (const name of g.industries) {
          const a = split.ellison_glaeser[name]!
          const b = r.ellison_glaeser[name]!
          near(a.G, b.G, 1e-10)
          near(a.H, b.H, 1e-10)
          if (Number.isFinite(b.gamma)) near(a.gamma, b.gamma, 1e-9)
        }
      }),
      { numRuns: 25 },
    )
  })

  it("GB18030 names, quoted fields with doubled quotes, tabs and a missing final line break", () => {
    // "郑州" in GB18030 is D6 A3 D6 DD.
    const zz = [0xd6, 0xa3, 0xd6, 0xdd]
    const text = (s: string) => [...new TextEncoder().encode(s)]
    const bytes = Uint8Array.from([
      ...text("r\ti\tf\tv\n"),
      ...zz,
      ...text('\tC1\t"F""1"\t10\n'),
      ...zz,
      ...text("\tC1\tF2\t30\n"),
      ...text("B\tC1\tF3\t60\n"),
      ...text("B\tC2\tF4\t5.5\n"),
      ...zz,
      ...text("\tC2\tF5\t4.5"),
    ])
    const out = streamed(bytes, [7, 19], { region: "r", industry: "i", value: "v", firm: "f" })
    expect(out.regions).toEqual(["郑州", "B"])
    near(out.ellison_glaeser.C1!.H, (10 * 10 + 30 * 30 + 60 * 60) / 100 ** 2)
    near(out.hhi.C2!, (5.5 / 10) ** 2 + (4.5 / 10) ** 2)
  })

  it("errors name the row: a firm in two regions, missing and non-numeric values, unknown columns, --plant-h with firms", () => {
    const enc = (s: string) => new TextEncoder().encode(s)
    const twoRegions = "region,industry,firm,employment\nA,x,F1,10\nB,x,F2,5\nB,x,F1,3\n"
    expect(codeOf(() => streamed(enc(twoRegions)))).toBe("firm_in_two_regions")
    try {
      streamed(enc(twoRegions))
    } catch (e) {
      expect((e as InputError).issues?.[0]?.row).toBe(3)
    }
    expect(codeOf(() => streamed(enc("region,industry,firm,employment\nA,x,F1,NA\n")))).toBe("missing_value")
    expect(codeOf(() => streamed(enc("region,industry,firm,employment\nA,x,F1,ten\n")))).toBe("not_numeric")
    expect(codeOf(() => streamed(enc("region,industry,firm,employment\nA,x,F1,-1\n")))).toBe("negative_value")
    expect(codeOf(() => streamed(enc("region,industry,firm,employment\nA,x,,1\n")))).toBe("missing_id")
    expect(codeOf(() => streamed(enc("region,industry,firm,staff\nA,x,F1,1\n")))).toBe("unknown_column")
    expect(codeOf(() => streamed(enc("")))).toBe("empty_file")
    expect(codeOf(() => concentrationCsvStream({ ...options, plantH: { x: 0.1 } }))).toBe("conflicting_plant_h")
    // Without --firm the rows are region–industry pairs, each at most once (as concentrationAnalysis).
    const agg = { region: "region", industry: "industry", value: "employment" }
    expect(codeOf(() => streamed(enc("region,industry,employment\nA,x,1\nA,x,2\n"), [], agg))).toBe("duplicate_pair")
  })

  it("without --firm, the stream equals concentrationAnalysis on pre-aggregated rows", () => {
    const cells = new Map<string, { region: string; industry: string; employment: number }>()
    for (const f of g.firms) {
      const key = `${f.region}|${f.industry}`
      const c = cells.get(key) ?? { region: f.region, industry: f.industry, employment: 0 }
      c.employment += f.employment
      cells.set(key, c)
    }
    const rows = [...cells.values()]
    const agg = { region: "region", industry: "industry", value: "employment" }
    const viaTable = concentrationAnalysis({ columns: ["region", "industry", "employment"], rows }, agg)
    const text = `region,industry,employment\n${rows.map((c) => `${c.region},${c.industry},${c.employment}`).join("\n")}\n`
    expect(streamed(new TextEncoder().encode(text), [50, 51, 52], agg)).toEqual(viaTable)
    const withH = { ...agg, plantH: { C13: 0.05, C17: 0.02 } }
    const h = streamed(new TextEncoder().encode(text), [], withH)
    expect(h).toEqual(concentrationAnalysis({ columns: ["region", "industry", "employment"], rows }, withH))
    expect(h.ellison_glaeser.C13!.H).toBe(0.05)
    expect(codeOf(() => streamed(new TextEncoder().encode(text), [], { ...agg, plantH: { steel: 0.1 } }))).toBe("bad_plant_h")
  })
})

describe("firm microdata through the analysis request (the API's concentration kind with firm)", () => {
  it("JSON records and CSV text give R's γ, G, H and HHI; plantH with firm is InputError conflicting_plant_h", () => {
    const body = { region: "region", industry: "industry", value: "employment", firm: "firm" }
    for (const data of [{ data: g.firms }, { csv: csvOf(g.firms) }]) {
      const doc = runAnalysisRequest("concentration", { ...data, ...body }) as ReturnType<typeof concentrationDocument>
      for (const [name, e] of Object.entries(g.ellison_glaeser)) {
        const ours = doc.ellison_glaeser[name]!
        near(ours.G, e.G)
        near(ours.H, e.H)
        if (e.gamma === null) expect(ours.gamma).toBeNaN()
        else near(ours.gamma, e.gamma)
      }
      for (const [name, v] of Object.entries(g.hhi)) near(doc.hhi[name]!, v)
      expect(doc.plants).toBeDefined()
    }
    expect(codeOf(() => runAnalysisRequest("concentration", { data: g.firms, ...body, plantH: { [g.industries[0]!]: 0.1 } }))).toBe("conflicting_plant_h")
  })
})
