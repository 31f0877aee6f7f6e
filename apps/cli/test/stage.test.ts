import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"

type Check = { step: string; indicator: string; value: number | null; min: number; met: boolean | null }
type Result = { id: string; stage: string; reach: string | null; provisional: boolean; stage_decided_by: Check | null; reach_decided_by: Check | null }
type Failure = { error: { code: string } }

const fx = (f: string) => join(import.meta.dirname, "fixtures", "assessment", f)
const files = ["--data", fx("stage-data.csv"), "--clusters", fx("stage-zones.csv")]

describe("jiju stage on a hand-made data file", () => {
  it("classifies stage and reach with the proxy that decided (thresholds are ≥)", async () => {
    const r = await runCli(["stage", "--period", "2025", ...files, "--json"])
    expect(r.code).toBe(0)
    const by = new Map((r.json() as { results: Result[] }).results.map((x) => [x.id, x]))
    // s1 sits exactly on every 集聚 and 集群 threshold; brands 1 < 3 keeps it a radiation receiver.
    expect(by.get("s1")).toMatchObject({ stage: "cluster", reach: "receiver", provisional: false, stage_decided_by: null })
    expect(by.get("s1")!.reach_decided_by).toMatchObject({ indicator: "brands", value: 1, min: 3, met: false })
    // s2: LQ 1.49 < 1.5 stops at 集中, and the reach ladder does not start.
    expect(by.get("s2")).toMatchObject({ stage: "concentration", reach: null })
    expect(by.get("s2")!.stage_decided_by).toMatchObject({ indicator: "leading_industry_lq", value: 1.49, met: false })
    // s3: no local supply ratio: 集聚 confirmed, provisional, decided by the missing proxy.
    expect(by.get("s3")).toMatchObject({ stage: "agglomeration", provisional: true })
    expect(by.get("s3")!.stage_decided_by).toMatchObject({ indicator: "local_supply_ratio", value: null, met: null })
    expect(by.get("s4")).toMatchObject({ stage: "cluster", reach: "outward", provisional: false, stage_decided_by: null, reach_decided_by: null })
  })

  it("one zone, a table without --json, and precise errors", async () => {
    const one = await runCli(["stage", "--period", "2025", ...files, "--cluster", "s2", "--json"])
    expect((one.json() as { results: Result[] }).results.map((x) => x.id)).toEqual(["s2"])
    const t = await runCli(["stage", "--period", "2025", ...files])
    expect(t.stdout).toContain("阶段 Stage")
    expect(t.stdout).toContain("集群 Cluster")
    const unknown = await runCli(["stage", "--period", "2025", ...files, "--cluster", "nope", "--json"])
    expect((unknown.json() as Failure).error.code).toBe("unknown_cluster")
    const period = await runCli(["stage", "--period", "2019", ...files, "--json"])
    expect((period.json() as Failure).error.code).toBe("unknown_period")
  })
})
