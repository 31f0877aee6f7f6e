import { storeChecksum } from "@jiju/store"
import { engines } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type As, type AssessmentsSetup, assessmentsSetup } from "./assessmentsSetup.js"

// The zone facts routes: who may read and write them. The test register has hb-qibin (the submitter's zone) and
// hb-xunxian; a zone committee's facts are proposals (drafts) until an admin decides.
describe.each(engines)("zone facts over HTTP on %s", (engine) => {
  let t: AssessmentsSetup
  const status = async (method: string, path: string, as?: As, body?: unknown) => (await t.call(method, path, { ...(as ? { as } : {}), body })).status
  const sewage = (value: boolean, asOf = "2025-03-31") => ({ facts: [{ fact: "sewage_plant", value, as_of: asOf, evidence: "环保局验收" }] })
  const importCsv = (as: As, text: string, name = "facts.csv") =>
    t.app.request(`/v1/facts/import?file_name=${name}`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.token[as]}`, "content-type": "text/csv" },
      body: text,
    })
  beforeAll(async () => {
    t = await assessmentsSetup(engine)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("reads: the catalogue for anyone signed in; every zone's facts for admins and viewers; one zone's for its committee too", async () => {
    expect(await status("GET", "/v1/facts/catalogue")).toBe(401)
    for (const as of ["admin", "viewer", "submitter"] as const) expect(await status("GET", "/v1/facts/catalogue", as), as).toBe(200)
    const catalogue = await (await t.call("GET", "/v1/facts/catalogue", { as: "viewer" })).json()
    expect(catalogue.items.find((f: { code: string }) => f.code === "employment_absorbed").source).toMatchObject({
      kind: "document",
      quote: "吸纳一定数量的从业人员",
    })
    expect(await status("GET", "/v1/facts")).toBe(401)
    expect(await status("GET", "/v1/facts", "submitter")).toBe(403)
    expect(await status("GET", "/v1/facts", "viewer")).toBe(200)
    expect(await status("GET", "/v1/facts", "admin")).toBe(200)
    expect(await status("GET", "/v1/clusters/hb-qibin/facts")).toBe(401)
    expect(await status("GET", "/v1/clusters/hb-qibin/facts", "submitter")).toBe(200)
    expect(await status("GET", "/v1/clusters/hb-xunxian/facts", "submitter")).toBe(403)
    expect(await status("GET", "/v1/clusters/hb-xunxian/facts", "viewer")).toBe(200)
    expect(await status("GET", "/v1/clusters/hb-none/facts", "admin")).toBe(404)
  })

  it("writes: an admin's facts take effect; a committee proposes for its own zone only; a viewer or anonymous caller never writes", async () => {
    const before = await storeChecksum(t.store.db)
    expect(await status("POST", "/v1/clusters/hb-qibin/facts", undefined, sewage(true))).toBe(401)
    expect(await status("POST", "/v1/clusters/hb-qibin/facts", "viewer", sewage(true))).toBe(403)
    expect(await status("POST", "/v1/clusters/hb-xunxian/facts", "submitter", sewage(true))).toBe(403)
    expect(await storeChecksum(t.store.db)).toBe(before)

    const admin = await t.call("POST", "/v1/clusters/hb-xunxian/facts", { as: "admin", body: sewage(false) })
    expect(admin.status).toBe(201)
    expect(await admin.json()).toMatchObject({ cluster: "hb-xunxian", status: "accepted" })
    const xun = await (await t.call("GET", "/v1/clusters/hb-xunxian/facts?as_of=2025-12-31", { as: "viewer" })).json()
    expect(xun.in_force.find((f: { fact: string }) => f.fact === "sewage_plant")).toMatchObject({ value: false, as_of: "2025-03-31", origin: "stored" })
  })

  it("a committee's proposal is a draft: not in force, listed for admins only, in force once accepted", async () => {
    const proposed = await t.call("POST", "/v1/clusters/hb-qibin/facts", { as: "submitter", body: sewage(false, "2025-06-30") })
    expect(proposed.status).toBe(201)
    const doc = await proposed.json()
    expect(doc).toMatchObject({ cluster: "hb-qibin", status: "proposed" })
    const id = doc.records[0].id
    // Not in force: the register's sewage plant still stands; the committee sees its own proposal.
    const own = await (await t.call("GET", "/v1/clusters/hb-qibin/facts?as_of=2025-12-31", { as: "submitter" })).json()
    expect(own.in_force.find((f: { fact: string }) => f.fact === "sewage_plant")).toMatchObject({ value: true, origin: "register" })
    expect(own.proposals.map((p: { id: string }) => p.id)).toEqual([id])
    const all = await (await t.call("GET", "/v1/facts?as_of=2025-12-31", { as: "viewer" })).json()
    expect(all.waiting).toBe(1)
    // The proposals list and the decision are the admin's.
    expect(await status("GET", "/v1/facts/proposals")).toBe(401)
    for (const as of ["viewer", "submitter"] as const) {
      expect(await status("GET", "/v1/facts/proposals", as), as).toBe(403)
      expect(await status("POST", `/v1/facts/proposals/${id}/decision`, as, { accept: true }), as).toBe(403)
    }
    const list = await (await t.call("GET", "/v1/facts/proposals", { as: "admin" })).json()
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([id])
    expect(await status("POST", "/v1/facts/proposals/nope/decision", "admin", { accept: true })).toBe(404)
    const decided = await t.call("POST", `/v1/facts/proposals/${id}/decision`, { as: "admin", body: { accept: true, note: "现场核实" } })
    expect(decided.status).toBe(200)
    expect((await decided.json()).record).toMatchObject({ status: "accepted", decision_note: "现场核实" })
    const after = await (await t.call("GET", "/v1/clusters/hb-qibin/facts?as_of=2025-12-31", { as: "viewer" })).json()
    expect(after.in_force.find((f: { fact: string }) => f.fact === "sewage_plant")).toMatchObject({ value: false, origin: "stored", as_of: "2025-06-30" })
    // Decided once: a second decision is refused.
    expect(await status("POST", `/v1/facts/proposals/${id}/decision`, "admin", { accept: false })).toBe(409)
  })

  it("a bad fact gets a precise error and writes nothing, over the API and in a file", async () => {
    const before = await storeChecksum(t.store.db)
    const bad = await t.call("POST", "/v1/clusters/hb-qibin/facts", {
      as: "admin",
      body: { facts: [sewage(true).facts[0], { fact: "trunk_roads", value: -1, as_of: "2025-06-30" }] },
    })
    expect(bad.status).toBe(422)
    const problem = await bad.json()
    expect(problem.code).toBe("invalid_fact")
    // The second row's value, named in both languages; the first row, valid, is not written either.
    expect(problem.errors).toEqual([expect.objectContaining({ code: "bad_fact_value", column: "facts.1.value", value: -1 })])
    expect(problem.errors[0].zh).toContain("建成主干道数")
    expect(problem.errors[0].en).toContain("Trunk roads built")
    expect(await storeChecksum(t.store.db)).toBe(before)

    expect((await importCsv("viewer", "cluster,fact,value,as_of\nhb-qibin,sewage_plant,yes,2025-06-30\n")).status).toBe(403)
    const badFile = await importCsv("admin", "cluster,fact,value,as_of\nhb-qibin,sewage_plant,yes,2025-06-30\nhb-qibin,no_such_fact,yes,2025-06-30\n")
    expect(badFile.status).toBe(422)
    const fileProblem = (await badFile.json()) as { code: string; errors: Array<{ row: number; column: string; code: string }> }
    expect(fileProblem.errors).toEqual([expect.objectContaining({ row: 3, column: "fact", code: "unknown_fact" })])
    expect(await storeChecksum(t.store.db)).toBe(before)

    const good = await importCsv("admin", "cluster,fact,value,as_of,evidence\nhb-qibin,trunk_roads,6,2025-06-30,交通局\n")
    expect(good.status).toBe(201)
    expect(await good.json()).toMatchObject({ imported: 1, file: "facts.csv" })
  })
})
