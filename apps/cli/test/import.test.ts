import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { storeChecksum, storeCounts } from "@jiju/store"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeStoreEnv, smallExport } from "./storeEnv.js"

// Each CLI call opens the on-disk store (PGlite start-up): allow for a busy machine.
const SLOW = { timeout: 240_000 }

describe.each(engines)("jiju import on %s", (engine) => {
  let ctx: Awaited<ReturnType<typeof makeStoreEnv>>
  beforeAll(async () => {
    ctx = await makeStoreEnv(engine)
    const fixture = join(ctx.dir, "small.json")
    writeFileSync(fixture, JSON.stringify(smallExport()))
    expect((await runCli(["restore", fixture], ctx.env)).code).toBe(0)
  }, SLOW.timeout)
  afterAll(() => ctx.dispose(), SLOW.timeout)

  const snapshot = async () => {
    const store = await ctx.open()
    try {
      return { counts: await storeCounts(store.db), checksum: await storeChecksum(store.db) }
    } finally {
      await store.close()
    }
  }

  it("imports a valid long CSV", SLOW, async () => {
    const file = join(ctx.dir, "good.csv")
    writeFileSync(file, "cluster,period,indicator,value,source\nhb-jinshan,2024,revenue,120.5,统计年鉴\nhb-liyang,2024,主营业务收入,60,\n")
    const r = await runCli(["import", file, "--json"], ctx.env)
    expect(r.code).toBe(0)
    expect(r.json()).toEqual({ imported: 2, file, format: "long" })
    expect((await snapshot()).counts.observations).toBe(2)
  })

  it("refuses BAD.csv, reports every bad row precisely, and leaves the store unchanged", SLOW, async () => {
    const before = await snapshot()
    const file = join(ctx.dir, "BAD.csv")
    writeFileSync(
      file,
      [
        "cluster,period,indicator,value",
        "hb-jinshan,2025,revenue,130", // 2 ok
        "hb-unknown,2025,revenue,1", // 3
        "hb-jinshan,2025,revenu,1", // 4
        "hb-jinshan,2025年,revenue,1", // 5
        "hb-liyang,2025,tax_total,n/a?", // 6
        "hb-liyang,2025,employment,-0.5", // 7
        "hb-jinshan,2025,revenue,131", // 8 duplicate of 2
        "hb-liyang,2025,firms,Infinity", // 9
      ].join("\n"),
    )
    const r = await runCli(["import", file, "--json"], ctx.env)
    expect(r.code).toBe(1)
    const err = (r.json() as { error: { code: string; message: string; rows: Array<Record<string, unknown>>; issues: Array<Record<string, unknown>> } }).error
    expect(err.code).toBe("invalid_rows")
    expect(err.message).toContain("nothing was imported")
    expect(err.rows.map((x) => [x.row, x.column, x.value])).toEqual([
      [3, "cluster", "hb-unknown"],
      [4, "indicator", "revenu"],
      [5, "period", "2025年"],
      [6, "value", "n/a?"],
      [7, "value", -0.5],
      [8, "value", 131],
      [9, "value", "Infinity"],
    ])
    for (const x of err.rows) {
      expect(typeof x.reason).toBe("string")
      expect(typeof x.reason_zh).toBe("string")
    }
    expect(err.rows[4]!.reason_zh).toContain("不能为负数")
    // Beside the rows, the same problems in the one issue shape, each with its code.
    expect(err.issues.map((x) => x.code)).toEqual([
      "unknown_cluster",
      "unknown_indicator",
      "bad_period",
      "not_numeric",
      "negative_value",
      "duplicate_key",
      "not_finite",
    ])
    expect(err.issues.map((x) => Object.keys(x).sort())).toEqual(err.rows.map(() => ["code", "column", "en", "row", "value", "zh"]))
    expect(r.stderr).toContain("第 3 行")
    expect(await snapshot()).toEqual(before)
  })

  it("usage errors: missing file, bad --format", SLOW, async () => {
    expect((await runCli(["import", join(ctx.dir, "none.csv"), "--json"], ctx.env)).code).toBe(1)
    expect((await runCli(["import", "x.csv", "--format", "tall"], ctx.env)).code).toBe(2)
  })
})
