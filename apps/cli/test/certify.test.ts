import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"

type Outcome = {
  id: string
  passed: boolean | null
  actual: number | boolean | null
  required: number | null
  shortfall: number | null
  note: { zh: string; en: string } | null
}
type Result = {
  id: string
  form: string | null
  table: string
  status: string
  certified: boolean
  direct: boolean
  failed: Outcome[]
  passed: Outcome[]
  unknown: Outcome[]
  text: { zh: string; en: string }
}
type Certify = { period: string; source: string; results: Result[] }
type Failure = { error: { code: string; message: string } }

const fx = (f: string) => join(import.meta.dirname, "fixtures", "assessment", f)
const files = ["--data", fx("certify-data.csv"), "--clusters", fx("certify-zones.csv")]
const certifyJson = async (...args: string[]) => {
  const r = await runCli(["certify", "--period", "2025", ...files, ...args, "--json"])
  expect(r.stderr).toBe("")
  expect(r.code).toBe(0)
  return r.json() as Certify
}

describe("jiju certify on a hand-made data file (county table, 篇10)", () => {
  it("reads 以上 as ≥ and 超过 as >: exactly 1.4万 m² and 10 firms pass, revenue of exactly 5.6亿 fails", async () => {
    const [edge] = (await certifyJson("--cluster", "cbd-edge")).results
    expect(edge!.status).toBe("not_certified")
    expect(edge!.table).toBe("county-service-agglomeration")
    expect(edge!.failed.map((o) => o.id)).toEqual(["revenue"])
    expect(edge!.failed[0]).toMatchObject({ actual: 5.6, required: 5.6, shortfall: 0 })
    expect(edge!.failed[0]!.note!.en).toContain("must exceed")
    expect(edge!.passed.map((o) => o.id)).toEqual(expect.arrayContaining(["floor_area", "firms", "positioning_plan", "management_body", "public_service"]))
    expect(edge!.passed.find((o) => o.id === "floor_area")).toMatchObject({ actual: 1.4, required: 1.4 })
  })

  it("certifies every zone of the file that meets all conditions, and says which condition failed by how much", async () => {
    const out = await certifyJson()
    expect(out.source).toBe("file")
    const by = new Map(out.results.map((r) => [r.id, r]))
    // Zones without a service form are not candidates.
    expect([...by.keys()].sort()).toEqual(["cbd-edge", "cbd-ok", "cbd-small", "creative-direct", "soft-unknown"])
    expect(by.get("cbd-ok")!.status).toBe("certified")
    const small = by.get("cbd-small")!
    expect(small.status).toBe("not_certified")
    expect(small.failed.map((o) => o.id)).toEqual(["floor_area"])
    expect(small.failed[0]!.shortfall).toBeCloseTo(0.01, 12)
    // public_service was never stated: the answer is "cannot decide", not a guess.
    const soft = by.get("soft-unknown")!
    expect(soft.status).toBe("incomplete")
    expect(soft.unknown.map((o) => o.id)).toEqual(["public_service"])
    expect(soft.failed).toEqual([])
    expect(by.get("creative-direct")).toMatchObject({ status: "certified", direct: true })
  })

  it("applies the city table on request (≥ 1万 m², ≥ 30 firms)", async () => {
    const [ok] = (await certifyJson("--cluster", "cbd-ok", "--table", "city")).results
    expect(ok!.table).toBe("city-service-agglomeration")
    expect(ok!.status).toBe("not_certified")
    expect(ok!.failed.map((o) => [o.id, o.shortfall])).toEqual([["firms", 20]])
    expect(ok!.passed.map((o) => o.id)).toContain("floor_area")
  })

  it("prints a table with bilingual headers", async () => {
    const r = await runCli(["certify", "--period", "2025", ...files])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("结论 Result")
    expect(r.stdout).toContain("不符合 not certified")
    expect(r.stdout).toContain("须超过 5.6亿元，等于不符合")
  })

  it("fails precisely: unknown cluster, a zone without a service form, unknown period, a bad table", async () => {
    const unknown = await runCli(["certify", "--period", "2025", ...files, "--cluster", "nope", "--json"])
    expect(unknown.code).toBe(1)
    expect((unknown.json() as Failure).error.code).toBe("unknown_cluster")
    const industrial = await runCli(["certify", "--period", "2025", ...files, "--cluster", "ind", "--json"])
    expect(industrial.code).toBe(1)
    expect((industrial.json() as Failure).error.code).toBe("unknown_form")
    const period = await runCli(["certify", "--period", "2024", ...files, "--json"])
    expect((period.json() as Failure).error).toMatchObject({ code: "unknown_period" })
    expect((period.json() as Failure).error.message).toContain("2025")
    const table = await runCli(["certify", "--period", "2025", ...files, "--table", "province", "--json"])
    expect(table.code).toBe(2)
  })
})
