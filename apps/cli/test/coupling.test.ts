import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const data = fixture("coupling.csv")
// independent reference: base R (packages/domain/scripts/golden/coupling.R) on the same table
const golden = JSON.parse(readFileSync(new URL("../../../packages/domain/test/fixtures/coupling/coupling.json", import.meta.url), "utf8")) as Record<
  string,
  {
    weights: Record<string, Record<string, number>>
    U: number[][]
    names: string[]
    C: number[]
    C_corrected: number[]
    T: number[]
    D: number[]
    level_zh: string[]
  }
>

interface Out {
  weights: Record<string, Record<string, number>>
  rows: {
    id: string
    period: number | string | null
    U: Record<string, number>
    C: number
    C_corrected: number
    T: number
    D: number
    level: { code: string; zh: string; en: string }
    lagging: string
  }[]
  boundary_rule: { rule: string; en: string; zh: string }
}
const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)))

describe("jiju coupling", () => {
  it("three subsystems, shifted, entropy — matches base R", async () => {
    const r = await runCli([
      "coupling",
      "--data",
      data,
      "--id",
      "id",
      "--period",
      "period",
      "--subsystem",
      "econ=revenue,tax",
      "--subsystem",
      "env=green,-so2",
      "--subsystem",
      "innov=patents,rd",
      "--normalise",
      "shifted",
      "--json",
    ])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const out = r.json() as Out
    const ref = golden.three_shifted_entropy!
    for (const s of ref.names) for (const [c, w] of Object.entries(ref.weights[s]!)) near(out.weights[s]![c]!, w)
    expect(out.rows).toHaveLength(10)
    expect(out.rows[1]).toMatchObject({ id: "A", period: 2021 })
    out.rows.forEach((row, i) => {
      ref.names.forEach((s, k) => {
        near(row.U[s]!, ref.U[k]![i]!)
      })
      near(row.C, ref.C[i]!)
      near(row.C_corrected, ref.C_corrected[i]!)
      near(row.T, ref.T[i]!)
      near(row.D, ref.D[i]!)
      expect(row.level.zh).toBe(ref.level_zh[i])
      expect(Object.keys(row.level).sort()).toEqual(expect.arrayContaining(["code", "en", "zh"]))
      expect(typeof row.lagging).toBe("string")
    })
    expect(out.boundary_rule.rule).toBe("lower_inclusive")
  })

  it("two subsystems, min-max, equal weights, alpha 0.6/0.4 — matches base R", async () => {
    const r = await runCli([
      "coupling",
      "--data",
      data,
      "--id",
      "id",
      "--subsystem",
      "econ=revenue,tax",
      "--subsystem",
      "innov=patents,rd",
      "--weighting",
      "equal",
      "--alpha",
      "0.6,0.4",
      "--json",
    ])
    expect(r.code).toBe(0)
    const out = r.json() as Out
    const ref = golden.two_minmax_equal!
    out.rows.forEach((row, i) => {
      expect(row.period).toBeNull()
      near(row.T, ref.T[i]!)
      near(row.D, ref.D[i]!)
    })
    // C has (1,1) at C 2021 → U equal → balanced; D = 1 → 优质协调
    expect(out.rows[5]!.lagging).toBe("none")
    expect(out.rows[5]!.level.zh).toBe("优质协调")
  })

  it("prints an aligned table without --json", async () => {
    const r = await runCli(["coupling", "--data", data, "--id", "id", "--subsystem", "econ=revenue,tax", "--subsystem", "env=green,-so2"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("U_econ")
    expect(r.stdout).toContain("左闭右开")
    const lines = r.stdout.split("\n")
    const head = lines.findIndex((l) => l.startsWith("id "))
    expect(lines[head + 1]).toMatch(/^-+ +-+/)
  })

  it("errors: unknown column lists the available ones", async () => {
    const r = await runCli(["coupling", "--data", data, "--id", "id", "--subsystem", "econ=revenue,gdp", "--subsystem", "env=green", "--json"])
    expect(r.code).toBe(1)
    const e = (r.json() as { error: { code: string; message: string } }).error
    expect(e.code).toBe("unknown_column")
    expect(e.message).toContain('"gdp"')
    expect(e.message).toContain("revenue, tax, green")
  })

  it("errors: a non-numeric cell names row, column and value", async () => {
    const r = await runCli([
      "coupling",
      "--data",
      fixture("coupling-bad.csv"),
      "--id",
      "id",
      "--subsystem",
      "econ=revenue,tax",
      "--subsystem",
      "env=green",
      "--json",
    ])
    expect(r.code).toBe(1)
    const e = (r.json() as { error: { code: string; message: string } }).error
    expect(e.code).toBe("not_numeric")
    expect(e.message).toContain("row 6")
    expect(e.message).toContain('"revenue"')
    expect(e.message).toContain('"n/a?"')
  })

  it("errors: --alpha wrong count or not summing to 1", async () => {
    const base = ["coupling", "--data", data, "--id", "id", "--subsystem", "econ=revenue", "--subsystem", "env=green", "--json"]
    const count = await runCli([...base, "--alpha", "0.2,0.3,0.5"])
    expect(count.code).toBe(2)
    expect((count.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: "bad_alpha" })
    expect(count.stderr).toContain("3 value(s) but there are 2 subsystems")
    const sum = await runCli([...base, "--alpha", "0.5,0.6"])
    expect(sum.code).toBe(2)
    expect(sum.stderr).toContain("must sum to 1, got 1.1")
    const text = await runCli([...base, "--alpha", "half,half"])
    expect((text.json() as { error: { code: string } }).error.code).toBe("bad_alpha")
  })

  it("errors: bad --subsystem syntax", async () => {
    for (const bad of ["econ", "=a,b", "econ=", "econ=a,,b", "econ=a,-"]) {
      const r = await runCli(["coupling", "--data", data, "--id", "id", "--subsystem", bad, "--subsystem", "env=green", "--json"])
      expect(r.code).toBe(2)
      expect((r.json() as { error: { code: string; message: string } }).error.code).toBe("bad_subsystem")
      expect(r.stderr).toContain("NAME=col1,col2,-col3")
    }
    const one = await runCli(["coupling", "--data", data, "--id", "id", "--subsystem", "econ=revenue", "--json"])
    expect((one.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: "bad_subsystem" })
  })

  it("errors: missing file and missing flag", async () => {
    const r = await runCli(["coupling", "--data", fixture("nope.csv"), "--id", "id", "--subsystem", "a=x", "--subsystem", "b=y", "--json"])
    expect(r.code).toBe(1)
    expect((r.json() as { error: { code: string } }).error.code).toBe("file_not_found")
    const m = await runCli(["coupling", "--data", data, "--subsystem", "a=x", "--subsystem", "b=y"])
    expect(m.code).toBe(2)
    expect(m.stderr).toContain("--id")
  })
})
