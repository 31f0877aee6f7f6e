import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { type ClusterSubmission, submissionQueue, submitClusterValues } from "../src/repos/submissions.js"
import { clearStore, type Store } from "../src/Store.js"
import { engines, openTestStore } from "./engines.js"
import { jinshan, liyang, pingqiaoCbd, regions } from "./fixtures.js"

const sub = (clusterId: string, period: string, values: Record<string, number>, replace = false): ClusterSubmission => ({
  clusterId,
  period,
  values,
  source: "form",
  submitter: "token:t1",
  submittedAt: "2026-03-01T08:00:00.000Z",
  note: null,
  replace,
})

describe.each(engines)("submissions on %s", (engine) => {
  let store: Store
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ store, dispose } = await openTestStore(engine))
  })
  afterAll(() => dispose())
  beforeEach(async () => {
    await clearStore(store.db, { keepIndicators: true })
    await store.regions.upsert(regions)
    for (const c of [jinshan, liyang, pingqiaoCbd]) await store.clusters.create(c)
  })

  const stored = async (id: string, period: string) =>
    Object.fromEntries((await store.observations.query({ target: { kind: "cluster", id: id as never }, period })).map((o) => [o.indicator, o.value]))
  const audits = async (id: string, period: string) => store.audit.history("observations", `${id}/${period}`)

  it("decides each submission of a call on its own and audits only those written", async () => {
    await store.clusters.archive(liyang.id, 1)
    const outcomes = await submitClusterValues(store.db, [
      sub(jinshan.id, "2025-03", { revenue: 12.5, employment: 3400 }),
      sub("no-such-zone", "2025-03", { revenue: 1 }),
      sub(liyang.id, "2025-03", { revenue: 2 }),
      sub(pingqiaoCbd.id, "2025-03", { revenue: 0.1 + 0.2 }),
    ])
    expect(outcomes).toEqual([
      { kind: "written", written: 2, replaced: null },
      { kind: "unknown_cluster" },
      { kind: "archived" },
      { kind: "written", written: 1, replaced: null },
    ])
    expect(await stored(jinshan.id, "2025-03")).toEqual({ revenue: 12.5, employment: 3400 })
    // Doubles survive the JSON hop exactly.
    expect((await stored(pingqiaoCbd.id, "2025-03")).revenue).toBe(0.1 + 0.2)
    expect(await stored(liyang.id, "2025-03")).toEqual({})
    const [entry] = await audits(jinshan.id, "2025-03")
    expect(entry).toMatchObject({ actor: "token:t1", action: "submit", before: null, after: { revenue: 12.5, employment: 3400 } })
    expect(await audits(liyang.id, "2025-03")).toEqual([])
  })

  it("refuses a submission whose values are partly there, writing none of it; a correction replaces and keeps the old values", async () => {
    await submitClusterValues(store.db, [sub(jinshan.id, "2025", { revenue: 10 })])
    const [dup] = await submitClusterValues(store.db, [sub(jinshan.id, "2025", { revenue: 11, employment: 5 })])
    expect(dup).toEqual({ kind: "duplicate", existing: { revenue: 10 } })
    expect(await stored(jinshan.id, "2025")).toEqual({ revenue: 10 })

    const [fix] = await submitClusterValues(store.db, [sub(jinshan.id, "2025", { revenue: 11, employment: 5 }, true)])
    expect(fix).toEqual({ kind: "written", written: 2, replaced: { revenue: 10 } })
    expect(await stored(jinshan.id, "2025")).toEqual({ revenue: 11, employment: 5 })
    const history = await audits(jinshan.id, "2025")
    expect(history.map((h) => [h.action, h.before, h.after])).toEqual([
      ["submit", null, { revenue: 10 }],
      ["replace", { revenue: 10 }, { revenue: 11, employment: 5 }],
    ])
  })

  it("refuses two submissions for one cluster in one call", async () => {
    await expect(submitClusterValues(store.db, [sub(jinshan.id, "2025-01", { revenue: 1 }), sub(jinshan.id, "2025-02", { revenue: 1 })])).rejects.toThrow(
      /appears twice/,
    )
    expect(await store.observations.count()).toBe(0)
  })

  it("a failing call writes nothing, and the queue then gives each submission its own outcome", async () => {
    // An indicator missing from the catalogue breaks the foreign key: the whole call rolls back.
    await expect(
      submitClusterValues(store.db, [sub(jinshan.id, "2025-01", { revenue: 1 }), sub(liyang.id, "2025-01", { not_an_indicator: 1 })]),
    ).rejects.toMatchObject({ code: "23503" })
    expect(await store.observations.count()).toBe(0)

    const queue = submissionQueue(store.db)
    const results = await Promise.allSettled([
      queue.submit(sub(jinshan.id, "2025-01", { revenue: 1 })),
      queue.submit(sub(liyang.id, "2025-01", { not_an_indicator: 1 })),
      queue.submit(sub(pingqiaoCbd.id, "2025-01", { revenue: 2 })),
    ])
    expect(results[0]).toEqual({ status: "fulfilled", value: { kind: "written", written: 1, replaced: null } })
    expect(results[1]).toMatchObject({ status: "rejected", reason: { code: "23503" } })
    expect(results[2]).toEqual({ status: "fulfilled", value: { kind: "written", written: 1, replaced: null } })
    expect(await store.observations.count()).toBe(2)
  })

  it("the queue coalesces concurrent submissions, and of two for one period exactly one gets through", async () => {
    const queue = submissionQueue(store.db)
    const periods = Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, "0")}`)
    const all = await Promise.all([
      ...periods.flatMap((p) => [jinshan.id, liyang.id, pingqiaoCbd.id].map((id) => queue.submit(sub(id, p, { revenue: 1, employment: 2 })))),
      queue.submit(sub(jinshan.id, "2024-05", { revenue: 99 })),
    ])
    expect(all.filter((o) => o.kind === "written")).toHaveLength(36)
    expect(all.at(-1)).toEqual({ kind: "duplicate", existing: { revenue: 1 } })
    expect(await store.observations.count()).toBe(72)
    const auditRows = await store.db.query<{ n: number }>("select count(*)::int as n from audit_log where entity = 'observations'")
    expect(auditRows[0]!.n).toBe(36)
  })
})
