import { describe, expect, it } from "vitest"
import { concentrationAnalysis, concentrationCsvStream, concentrationDocument, referenceTotalsOfTable } from "../../src/analyses/ConcentrationReport.js"
import { readTable } from "../../src/io/index.js"
import { InputError } from "../../src/model/index.js"

const table = (csv: string) => readTable(new TextEncoder().encode(csv), "t.csv")
const codeOf = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("no error")
}

// Two prefectures, two industries: A x 30 y 70, B x 10 y 90. The nation: x 500, y 600 of 2000 in all.
const data = "region,industry,v\nA,x,30\nA,y,70\nB,x,10\nB,y,90\n"
const reference = { industry: { x: 500, y: 600 }, total: 2000 }
const lqOf = (r: { lq: ReadonlyArray<{ region: string; industry: string; lq: number }> }, region: string, industry: string) =>
  r.lq.find((q) => q.region === region && q.industry === industry)!.lq

describe("location quotients against a reference area's totals", () => {
  it("takes (q_im / q_m) / (Q_i / Q) with the nation's Q_i and Q (hand-computed)", () => {
    const r = concentrationAnalysis(table(data), { region: "region", industry: "industry", value: "v", reference })
    // A: x (30/100)/(500/2000) = 0.3/0.25 = 1.2, y 0.7/0.3; B: x 0.1/0.25 = 0.4, y 0.9/0.3 = 3.
    expect(lqOf(r, "A", "x")).toBeCloseTo(1.2, 12)
    expect(lqOf(r, "A", "y")).toBeCloseTo(0.7 / 0.3, 12)
    expect(lqOf(r, "B", "x")).toBeCloseTo(0.4, 12)
    expect(lqOf(r, "B", "y")).toBeCloseTo(3, 12)
    // Without the reference the data are their own area: x (30/100)/(40/200) = 1.5.
    expect(lqOf(concentrationAnalysis(table(data), { region: "region", industry: "industry", value: "v" }), "A", "x")).toBeCloseTo(1.5, 12)
    const doc = concentrationDocument(r, reference)
    expect(doc.reference).toEqual(reference)
    expect(doc.notes[0]!.en).toContain("reference totals")
    expect(concentrationDocument(r).reference).toBeNull()
  })

  it("gives the same quotients from firm rows and from a CSV read in chunks", () => {
    const firms = "region,industry,firm,v\nA,x,f1,20\nA,x,f2,10\nA,y,f3,70\nB,x,f4,10\nB,y,f5,50\nB,y,f6,40\n"
    const options = { region: "region", industry: "industry", value: "v", firm: "firm", reference }
    const r = concentrationAnalysis(table(firms), options)
    expect(lqOf(r, "A", "x")).toBeCloseTo(1.2, 12)
    expect(lqOf(r, "B", "y")).toBeCloseTo(3, 12)
    // Ellison–Glaeser's plant Herfindahl still comes from the firms: x has 20, 10, 10 of 40.
    expect(r.ellison_glaeser.x!.H).toBeCloseTo((20 / 40) ** 2 + (10 / 40) ** 2 + (10 / 40) ** 2, 12)
    const s = concentrationCsvStream(options)
    s.push(new TextEncoder().encode(firms))
    expect(s.finish().lq).toEqual(r.lq)
  })

  it("refuses an industry of the data without a reference total, naming it", () => {
    const e = codeOf(() =>
      concentrationAnalysis(table(data), { region: "region", industry: "industry", value: "v", reference: { industry: { x: 500 }, total: 2000 } }),
    )
    expect(e.code).toBe("bad_reference")
    expect(e.message).toContain('"y"')
  })
})

describe("referenceTotalsOfTable", () => {
  const cols = { industry: "industry", value: "v" }
  it("reads one total per industry", () => {
    expect(referenceTotalsOfTable(table("industry,v\nx,500\ny,600\n"), cols, 2000)).toEqual(reference)
  })
  it.each([
    ["industry,v\nx,500\nx,600\n", 2000, "duplicate_industry", 2],
    ["industry,v\nx,500\ny,0\n", 2000, "bad_reference", 2],
    ["industry,v\nx,500\ny,-3\n", 2000, "bad_reference", 2],
    ["industry,v\nx,500\ny,lots\n", 2000, "not_numeric", 2],
    ["industry,v\nx,1500\ny,600\n", 2000, "bad_reference", null],
    ["industry,v\nx,500\n", 0, "bad_reference", null],
  ])("refuses %j (total %d) with %s at row %s", (csv, total, code, row) => {
    const e = codeOf(() => referenceTotalsOfTable(table(csv), cols, total))
    expect(e.code).toBe(code)
    expect(e.issues?.[0]?.row ?? null).toBe(row)
    expect(e.zh.length).toBeGreaterThan(0)
  })
  it("names a missing column", () => {
    expect(codeOf(() => referenceTotalsOfTable(table("sector,v\nx,1\n"), cols, 10)).code).toBe("unknown_column")
  })
})
