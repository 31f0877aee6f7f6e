import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeStoreEnv } from "./storeEnv.js"

// Each CLI call opens the on-disk store (PGlite start-up): allow for a busy machine.
const SLOW = { timeout: 240_000 }

type Outcome = { id: string; evidence: { value: unknown; as_of: string | null; origin: string; recorded_by: string | null; evidence: string | null } | null }
type Certified = { results: Array<{ id: string; status: string; table: string | null; failed: Outcome[]; unknown: Outcome[] }> }

describe.each(engines)("jiju facts on %s", (engine) => {
  let env: Record<string, string>
  let dir: string
  let dispose: () => Promise<void>
  const cli = async (...argv: string[]) => runCli(argv, env)
  beforeAll(async () => {
    ;({ env, dir, dispose } = await makeStoreEnv(engine))
    expect((await cli("demo", "--json")).code).toBe(0)
  }, SLOW.timeout)
  afterAll(() => dispose(), SLOW.timeout)

  it("certification reads the stored facts: a fact recorded at the command line decides, with its evidence", SLOW, async () => {
    // cbd-4102 is a city-level CBD the demo certifies (篇9, every fact recorded).
    const before = (await cli("certify", "--period", "2025", "--cluster", "cbd-4102", "--json")).json() as Certified
    expect(before.results[0]).toMatchObject({ status: "certified", table: "city-service-agglomeration" })
    const set = await cli(
      "facts",
      "set",
      "--cluster",
      "cbd-4102",
      "--fact",
      "employment_absorbed",
      "--value",
      "否",
      "--as-of",
      "2025-06-30",
      "--evidence",
      "市统计局核查",
      "--json",
    )
    expect(set.code).toBe(0)
    expect(set.json()).toMatchObject({ cluster: "cbd-4102", status: "accepted" })
    const after = (await cli("certify", "--period", "2025", "--cluster", "cbd-4102", "--json")).json() as Certified
    expect(after.results[0]!.status).toBe("not_certified")
    expect(after.results[0]!.failed.map((o) => o.id)).toEqual(["employment_absorbed"])
    expect(after.results[0]!.failed[0]!.evidence).toMatchObject({ value: false, as_of: "2025-06-30", origin: "stored", evidence: "市统计局核查" })
    // The year before, the demo's own record (2014) still holds.
    const earlier = (await cli("certify", "--period", "2024", "--cluster", "cbd-4102", "--json")).json() as Certified
    expect(earlier.results[0]!.status).toBe("certified")
    // 郑州's CBD is provincial-level: no table unless one is chosen.
    const zz = (await cli("certify", "--period", "2025", "--cluster", "cbd-4101", "--json")).json() as Certified
    expect(zz.results[0]).toMatchObject({ status: "no_table", table: null })
  })

  it("a bad fact or file is refused precisely and writes nothing", SLOW, async () => {
    const history = async () => ((await cli("facts", "--cluster", "hb-jinshan", "--json")).json() as { records: unknown[] }).records.length
    const n = await history()
    const bad = await cli("facts", "set", "--cluster", "hb-jinshan", "--fact", "trunk_roads", "--value", "2.5", "--as-of", "2025-06-30", "--json")
    expect(bad.code).toBe(1)
    expect((bad.json() as { error: { code: string } }).error.code).toBe("invalid_fact")
    const file = join(dir, "facts.csv")
    writeFileSync(
      file,
      "cluster,fact,value,as_of\nhb-jinshan,sewage_plant,是,2025-06-30\nhb-jinshan,trunk_roads,many,2025-06-30\nhb-none,sewage_plant,否,2025-06-30\n",
    )
    const refused = await cli("facts", "import", file, "--json")
    expect(refused.code).toBe(1)
    const rows = (refused.json() as { error: { code: string; rows: Array<{ row: number; column: string }> } }).error
    expect(rows.code).toBe("invalid_rows")
    expect(rows.rows.map((r) => [r.row, r.column])).toEqual([
      [3, "value"],
      [4, "cluster"],
    ])
    expect(await history()).toBe(n)
    writeFileSync(file, "cluster,fact,value,as_of,evidence\nhb-jinshan,trunk_roads,6,2025-06-30,交通局\n")
    const ok = await cli("facts", "import", file, "--json")
    expect(ok.code).toBe(0)
    expect(ok.json()).toMatchObject({ imported: 1 })
    expect(await history()).toBe(n + 1)
  })
})
