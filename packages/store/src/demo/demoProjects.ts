/**
 * The demo project register (synthetic, every entry marked as demo data): projects for every industrial zone with
 * their status histories (2022–2025), files and contracts; the 002 篇5 south and west areas on two zones; an
 * enterprise register with 500强 investors and 培龙育鹰 lists; and the weekly reports of 2025 (the demo's last year)
 * for the projects under construction, most on time, some late, a few missing. See src/demo/README.md.
 */
import { type Random, seededRandom } from "@jiju/domain/econometrics"
import type { Cluster } from "@jiju/domain/model"
import {
  addDays,
  admissionCheck,
  emptyFile,
  expectedWeeks,
  type HelpRequest,
  milestonesOf,
  type ProjectDocument,
  type ProjectStatus,
  type ProjectTrait,
  type ProjectType,
  projectDocumentSource,
  reportDeadline,
  type StoredFirm,
  type StoredZoneArea,
  southAreaExample,
  weekMonday,
  westAreaExample,
} from "@jiju/domain/projects"
import type { Db } from "../db/Db.js"
import { firmRepo } from "../repos/firms.js"
import { type ProjectWrite, projectRepo } from "../repos/projects.js"
import { type ReportWrite, weeklyReportRepo } from "../repos/weeklyReports.js"
import { zoneAreaRepo } from "../repos/zoneAreas.js"
import { DEMO_SUBMITTER } from "./demoObservations.js"

/** The last day the demo register knows of: the Sunday of 2025-W52. */
export const DEMO_PROJECTS_AS_OF = "2025-12-28"

/** The demo project register, as plain values (nothing written). */
export interface DemoProjects {
  readonly zoneAreas: ReadonlyArray<StoredZoneArea>
  readonly firms: ReadonlyArray<StoredFirm>
  readonly projects: ReadonlyArray<ProjectWrite>
  readonly reports: ReadonlyArray<ReportWrite>
}

// Approximate seats of Henan's prefecture cities (lon, lat): demo projects are placed near them for map pins.
const CITY_SEATS: Readonly<Record<string, readonly [number, number]>> = {
  "4101": [113.63, 34.75],
  "4102": [114.31, 34.8],
  "4103": [112.45, 34.62],
  "4104": [113.19, 33.77],
  "4105": [114.39, 36.1],
  "4106": [114.3, 35.75],
  "4107": [113.93, 35.3],
  "4108": [113.24, 35.22],
  "4109": [115.03, 35.76],
  "4110": [113.85, 34.04],
  "4111": [114.02, 33.58],
  "4112": [111.2, 34.77],
  "4113": [112.53, 33.0],
  "4114": [115.66, 34.41],
  "4115": [114.09, 32.15],
  "4116": [114.7, 33.63],
  "4117": [114.02, 32.98],
  "4190": [112.6, 35.07],
}

const DEPARTMENTS: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["国土资源局", ["用地指标未落实", "土地证办理滞后", "征地补偿未完成"]],
  ["环保局", ["环评批复待下达", "排污许可未办理"]],
  ["供电公司", ["专用线路未接通", "变电站增容未完成"]],
  ["住建局", ["施工许可证待办理", "消防审验未通过"]],
  ["发改委", ["项目备案信息需变更", "能评审查未完成"]],
  ["规划局", ["规划许可待核发"]],
  ["水务局", ["供水管网未接入"]],
]

const WORKS = ["扩建", "新建", "技术改造", "生产线", "产业园"]

const round = (x: number, digits: number) => Number(x.toFixed(digits))
const pick = <T>(rng: Random, xs: ReadonlyArray<T>): T => xs[rng.int(xs.length)]!
const between = (rng: Random, lo: number, hi: number) => lo + (hi - lo) * rng.next()
const DEMO_AREAS = ["hb-liyang", "xy-pingqiao"]

/**
 * Generate the demo project register for the demo zones (same seed → same register).
 * @example demoProjects(demoData().clusters, 2009).projects.length // several hundred
 */
export const demoProjects = (clusters: ReadonlyArray<Cluster>, seed: number): DemoProjects => {
  // A stream of its own: the register does not move the observations' draws.
  const rng = seededRandom((seed * 7919 + 17) >>> 0)
  const industrial = clusters.filter((c) => c.kind === "industrial")
  const zoneAreas: StoredZoneArea[] = DEMO_AREAS.filter((id) => industrial.some((c) => c.id === id)).flatMap((cluster) =>
    [southAreaExample, westAreaExample].map((a) => ({ ...a, cluster: cluster as StoredZoneArea["cluster"], version: 1 })),
  )
  const firms: StoredFirm[] = []
  const outsiders: StoredFirm[] = []
  // Investors from elsewhere, a few on 500强 lists.
  for (let i = 0; i < 12; i++) {
    const f: StoredFirm = {
      id: `f-demo-out-${String(i + 1).padStart(2, "0")}`,
      name: `演示投资集团${i + 1}（演示）`,
      cluster: null,
      industry: pick(rng, ["装备制造", "电子信息", "新材料", "食品加工", "汽车零部件"]),
      size: "large",
      fortune500: i < 5 ? { list: i < 2 ? "world" : i < 4 ? "china" : "china_private", year: 2024 } : null,
      memberships: [],
      isDemo: true,
      version: 1,
    }
    outsiders.push(f)
    firms.push(f)
  }
  const leadingSource = projectDocumentSource("seed 003 衡水 四(四)", "遵照“六好”原则筛选出100家“龙鹰”企业")
  const projects: ProjectWrite[] = []
  const reports: ReportWrite[] = []
  for (const zone of industrial) {
    const seat = CITY_SEATS[zone.region.slice(0, 4)] ?? [113.6, 34.7]
    const areas = zoneAreas.filter((a) => a.cluster === zone.id)
    // One local firm per zone, on the 培龙育鹰 lists now and then.
    const local: StoredFirm = {
      id: `f-demo-${zone.id}`,
      name: `${zone.name.replace(/产业集聚区$/, "")}演示实业有限公司（演示）`,
      cluster: zone.id as StoredFirm["cluster"],
      industry: zone.leadingIndustries[0] ?? "装备制造",
      size: pick(rng, ["large", "medium", "medium", "small"] as const),
      fortune500: null,
      memberships:
        rng.next() < 0.35 ? [{ list: rng.next() < 0.4 ? "dragon" : "eagle", year: 2024, criteria: ["（演示）按“六好”原则筛选"], source: leadingSource }] : [],
      isDemo: true,
      version: 1,
    }
    firms.push(local)
    const n = 2 + rng.int(5)
    for (let k = 0; k < n; k++) {
      const id = `${zone.id}-p${String(k + 1).padStart(2, "0")}`
      const industry = pick(rng, zone.leadingIndustries.length ? zone.leadingIndustries : ["装备制造"])
      const u = rng.next()
      const type: ProjectType = u < 0.8 ? "industrial" : u < 0.9 ? "infrastructure" : "service"
      const traits: ProjectTrait[] = []
      if (rng.next() < 0.25) traits.push("high_tech")
      if (rng.next() < 0.3) traits.push("labour_intensive")
      let total = round(Math.max(300, 8000 * Math.exp(0.9 * rng.normal())), 0)
      let fixed = round(total * between(rng, 0.7, 0.95), 0)
      // Projects in a 002 篇5 sub-area are placed where the area's rule admits them.
      const area =
        areas.length > 0 && type === "industrial" ? (traits.includes("high_tech") ? "south" : traits.includes("labour_intensive") ? "west" : null) : null
      if (area === "south" && fixed < 1000) [total, fixed] = [Math.max(total, 1200), 1000 + rng.int(2000)]
      if (area === "west" && fixed < 500) [total, fixed] = [Math.max(total, 700), 500 + rng.int(1000)]
      if (fixed > total) total = fixed
      const intensity = round(between(rng, 220, 420), 0)
      const rented = rng.next() < 0.12
      const land = rented ? 0 : round(total / between(rng, 250, 450), 1)
      const far = round(between(rng, 0.8, 1.5), 2)
      const floorArea = rented
        ? round(between(rng, 2000, 8000), 0)
        : round(land * (10_000 / 15) * far * (rng.next() < 0.15 ? between(rng, 0.6, 0.95) : between(rng, 1, 1.2)), 0)
      // The history, cut at the demo's last day.
      const signed = addDays("2022-01-03", rng.int(1400))
      const steps: Array<{ status: ProjectStatus; on: string }> = [{ status: "signed", on: signed }]
      let day = signed
      let startBy: string | null = null
      let completeBy: string | null = null
      const fate = rng.next()
      if (!rented) {
        day = addDays(day, 30 + rng.int(90))
        steps.push({ status: "land_supplied", on: day })
        startBy = addDays(day, 180)
        completeBy = addDays(startBy, 540)
      }
      // About one in twenty holds land and never starts: the two-year review's candidates.
      if (fate >= 0.05 || rented) {
        day = addDays(day, 30 + rng.int(150))
        steps.push({ status: "started", on: day })
        if (fate < 0.14) {
          day = addDays(day, 60 + rng.int(300))
          steps.push({ status: "stalled", on: day })
        } else {
          day = addDays(day, 200 + rng.int(400))
          steps.push({ status: "in_production", on: day })
          if (fate > 0.75) steps.push({ status: "at_capacity", on: addDays(day, 180 + rng.int(360)) })
          if (fate > 0.97) steps.push({ status: "stalled", on: addDays(day, 400 + rng.int(200)) })
        }
      }
      const history = steps
        .filter((s) => s.on <= DEMO_PROJECTS_AS_OF)
        .sort((a, b) => (a.on < b.on ? -1 : 1))
        .map((s) => ({ status: s.status, on: s.on, note: null, recordedBy: DEMO_SUBMITTER, recordedAt: `${s.on}T10:00:00.000Z` }))
      const m = milestonesOf(history)
      const investor = rng.next() < 0.35 ? pick(rng, outsiders) : rng.next() < 0.5 ? local : undefined
      const entry = {
        id,
        name: `${industry}${pick(rng, WORKS)}项目`,
        cluster: zone.id as ProjectWrite["cluster"],
        area,
        investor: investor?.name ?? `${industry}演示有限公司（演示）`,
        firm: investor?.id ?? null,
        industry,
        type,
        traits,
        totalInvestment: total,
        fixedInvestment: fixed,
        land,
        floorArea,
        storeys: rng.next() < 0.4 ? 3 + rng.int(2) : 1 + rng.int(2),
        contract: { investmentIntensity: rented ? null : intensity, floorAreaRatio: rented ? null : far, startBy, completeBy },
        location: { lon: round(seat[0] + between(rng, -0.25, 0.25), 4), lat: round(seat[1] + between(rng, -0.2, 0.2), 4) },
        specialReason: null,
        note: null,
        isDemo: true,
      }
      projects.push({
        ...entry,
        status: history[history.length - 1]!.status,
        history,
        documents: demoFile(m),
        admission: admissionCheck(
          entry,
          areas.find((a) => a.code === area),
        ),
      })
      reports.push(...demoReports(rng, entry.id, zone.id, fixed, m))
    }
  }
  return { zoneAreas, firms, projects, reports }
}

// The file follows the milestones: approvals before the steps that need them.
const demoFile = (m: ReturnType<typeof milestonesOf>): ReadonlyArray<ProjectDocument> =>
  emptyFile().map((d) => {
    const at = (on: string | null, authority: string): ProjectDocument =>
      on === null ? { ...d, state: "submitted", authority } : { ...d, state: "approved", on, authority, reference: `演示〔${on.slice(0, 4)}〕号` }
    switch (d.kind) {
      case "project_approval":
        return at(m.signedOn === null ? null : addDays(m.signedOn, 20), "县发展改革委")
      case "environmental_assessment":
        return at(m.startedOn === null ? null : addDays(m.startedOn, -10), "市生态环境局")
      case "land_use":
        return m.landSuppliedOn === null && m.startedOn !== null
          ? { ...d, state: "not_required", note: "租用标准化厂房" }
          : at(m.landSuppliedOn, "县自然资源局")
      case "planning_permit":
        return m.landSuppliedOn === null && m.startedOn !== null
          ? { ...d, state: "not_required" }
          : at(m.startedOn === null ? null : addDays(m.startedOn, -5), "县规划局")
      default:
        // construction_permit
        return m.landSuppliedOn === null && m.startedOn !== null ? { ...d, state: "not_required" } : at(m.startedOn, "县住房城乡建设局")
    }
  })

// The weekly reports of 2025: investment spread over the works, none while stalled; a problem now and then that waits
// on a department for a few weeks; most reports on time, some late, a few missing.
const demoReports = (rng: Random, project: string, cluster: string, fixed: number, m: ReturnType<typeof milestonesOf>): ReportWrite[] => {
  const weeks = expectedWeeks(m, "2025-W52")
  if (weeks.length === 0) return []
  const start = m.startedOn
  const span = Math.max(20, weeks.length + 10)
  let toDate = 0
  let percent = 0
  let problem: { request: HelpRequest; left: number } | undefined
  const out: ReportWrite[] = []
  for (const week of weeks) {
    const monday = weekMonday(week)
    const building = start !== null && monday >= start && !(m.stalledSince !== null && monday >= m.stalledSince)
    const thisWeek = building ? round((fixed / span) * between(rng, 0.3, 1.7), 1) : 0
    toDate = round(toDate + thisWeek, 1)
    if (building) percent = Math.min(99, round(percent + between(rng, 0.5, 4), 1))
    if (!problem && rng.next() < 0.06) {
      const [department, items] = pick(rng, DEPARTMENTS)
      problem = { request: { department, description: pick(rng, items) }, left: 1 + rng.int(6) }
    }
    const problems = problem ? [problem.request] : []
    if (problem && --problem.left === 0) problem = undefined
    if (monday < "2024-12-30") continue // only 2025 is reported
    const u = rng.next()
    if (u < 0.04) continue // missing
    const deadline = Date.parse(reportDeadline(week))
    const at = new Date(u < 0.12 ? deadline + (1 + rng.int(96)) * 3_600_000 : deadline - (1 + rng.int(72)) * 3_600_000).toISOString()
    out.push({
      project,
      cluster: cluster as ReportWrite["cluster"],
      week,
      investmentThisWeek: thisWeek,
      investmentToDate: toDate,
      progressPercent: percent,
      progress: building ? "按计划施工（演示）" : m.stalledSince !== null ? "停工（演示）" : "前期工作（演示）",
      problems,
      note: null,
      submittedBy: DEMO_SUBMITTER,
      firstSubmittedAt: at,
      submittedAt: at,
      revision: 1,
      isDemo: true,
    })
  }
  return out
}

/**
 * Write the demo project register (inside the demo load's transaction, after the zones).
 * @example await writeDemoProjects(tx, demoData().projectRegister)
 */
export const writeDemoProjects = async (tx: Db, d: DemoProjects): Promise<void> => {
  await zoneAreaRepo(tx).insertMany(d.zoneAreas)
  await firmRepo(tx).insertMany(d.firms)
  await projectRepo(tx).insertMany(d.projects)
  await weeklyReportRepo(tx).upsertMany(d.reports)
}
