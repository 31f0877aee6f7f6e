import { checkProjectEntry, isLate, reportNeighbours, weeklyReportProblems } from "@jiju/domain/projects"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exportStore, restoreStore } from "../src/backup/backup.js"
import { demoData } from "../src/demo/loadDemo.js"
import { firmRepo } from "../src/repos/firms.js"
import { projectRepo } from "../src/repos/projects.js"
import { weeklyReportRepo } from "../src/repos/weeklyReports.js"
import { zoneAreaRepo } from "../src/repos/zoneAreas.js"
import type { Store } from "../src/Store.js"

const clusterCount = async (s: Store) => (await s.clusters.list()).length

import { engines, openTestStore } from "./engines.js"

const d = demoData()
const reg = d.projectRegister

describe("the demo project register (pure)", () => {
  it("is deterministic, labelled as demo, and covers every industrial zone", () => {
    expect(demoData(7).projectRegister).toEqual(demoData(7).projectRegister)
    const industrial = d.clusters.filter((c) => c.kind === "industrial").map((c) => c.id as string)
    expect(new Set(reg.projects.map((p) => p.cluster))).toEqual(new Set(industrial))
    expect(reg.projects.length).toBeGreaterThan(400)
    expect(reg.projects.every((p) => p.isDemo) && reg.firms.every((f) => f.isDemo) && reg.reports.every((r) => r.isDemo)).toBe(true)
    // A year of weekly reports: every week of 2025 has some.
    const weeks = new Set(reg.reports.map((r) => r.week))
    expect(weeks.size).toBe(52)
    expect(reg.reports.length).toBeGreaterThan(3000)
    // Some reports came late; the 002 篇5 areas are set on two zones.
    const late = reg.reports.filter((r) => isLate(r.week, r.firstSubmittedAt)).length
    expect(late / reg.reports.length).toBeGreaterThan(0.03)
    expect(late / reg.reports.length).toBeLessThan(0.2)
    expect(reg.zoneAreas.map((a) => `${a.cluster}/${a.code}`).sort()).toEqual(["hb-liyang/south", "hb-liyang/west", "xy-pingqiao/south", "xy-pingqiao/west"])
  })

  it("passes the domain's own rules: every project entry and every report", () => {
    const zones = new Map(d.clusters.map((c) => [c.id as string, { id: c.id, archivedAt: null }]))
    const firms = new Set(reg.firms.map((f) => f.id))
    const register = {
      zone: (id: string) => zones.get(id),
      areas: (c: string) => reg.zoneAreas.filter((a) => a.cluster === c),
      hasFirm: (id: string) => firms.has(id),
    }
    for (const p of reg.projects) {
      const check = checkProjectEntry({ ...p, history: p.history }, register, "2025-12-31")
      expect(check.issues, p.id).toEqual([])
      expect(check.admission).toEqual(p.admission)
    }
    const byProject = new Map<string, typeof reg.reports>()
    for (const r of reg.reports) byProject.set(r.project, [...(byProject.get(r.project) ?? []), r])
    const milestones = new Map(reg.projects.map((p) => [p.id, { signedOn: p.history[0]!.on, landRecoveredOn: null }]))
    for (const [project, list] of byProject)
      for (const r of list)
        expect(weeklyReportProblems(r, milestones.get(project)!, "2025-12-31", reportNeighbours(list, r.week)), `${project} ${r.week}`).toEqual([])
  })
})

describe.each(engines)("the project register on %s", (engine) => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let store: Store
  beforeAll(async () => {
    t = await openTestStore(engine)
    store = t.store
  })
  afterAll(async () => {
    await t?.dispose()
  })

  it("loads the demo register, reads it back, and exports and restores it unchanged", async () => {
    const { loadDemo } = await import("../src/demo/loadDemo.js")
    const loaded = await loadDemo(store)
    expect(loaded.projects).toBe(reg.projects.length)
    expect(loaded.weeklyReports).toBe(reg.reports.length)
    const projects = await projectRepo(store.db).list()
    expect(projects).toHaveLength(reg.projects.length)
    const one = reg.projects[0]!
    const back = await projectRepo(store.db).get(one.id)
    expect(back).toMatchObject({ id: one.id, history: one.history, documents: one.documents, admission: one.admission, contract: one.contract, version: 1 })
    expect(back!.milestones.signedOn).toBe(one.history[0]!.on)
    const reports = await weeklyReportRepo(store.db).list({ project: reg.reports[0]!.project })
    expect(reports[0]).toMatchObject({ ...reg.reports[0], deadline: expect.any(String), late: expect.any(Boolean) })
    expect((await zoneAreaRepo(store.db).list("hb-liyang")).map((a) => a.code)).toEqual(["south", "west"])
    expect(await firmRepo(store.db).list({ clusters: ["hb-liyang"], withoutZone: false })).toHaveLength(1)

    const doc = await exportStore(store.db)
    expect(doc.tables.projects).toHaveLength(reg.projects.length)
    expect(doc.tables.weekly_reports).toHaveLength(reg.reports.length)
    const restored = await restoreStore(store.db, JSON.parse(JSON.stringify(doc)), { force: true })
    expect(restored.tables).toMatchObject({ projects: reg.projects.length, weekly_reports: reg.reports.length, firms: reg.firms.length, zone_areas: 4 })
    const again = await exportStore(store.db)
    expect({ ...again, exportedAt: "" }).toEqual({ ...doc, exportedAt: "" })
  }, 180_000)

  it("restores an export made before the register existed (no project tables in it)", async () => {
    const doc = await exportStore(store.db)
    const { zone_areas: _a, firms: _f, projects: _p, weekly_reports: _w, ...old } = doc.tables
    const restored = await restoreStore(store.db, JSON.parse(JSON.stringify({ ...doc, tables: old })), { force: true })
    expect(restored.tables).toMatchObject({ projects: 0, weekly_reports: 0, firms: 0, zone_areas: 0 })
    expect(await projectRepo(store.db).count()).toBe(0)
    expect(await clusterCount(store)).toBe(d.clusters.length)
  }, 180_000)
})
