/**
 * Validation of a project table (CSV / XLSX read into a DataTable) against the register: every row is read into a
 * project entry and judged by the one project check ({@link checkProjectEntry}: zone, sub-area and its admission
 * rules, firm, investment, status history). Every problem of every row is reported with the row as the spreadsheet
 * shows it and the file's column; a table with any bad row yields no projects.
 *
 * One project per row: id, name, cluster, investor, type, total and fixed investment, signed_on (required); area,
 * firm, industry, traits, land, floor area, storeys, the contract terms, the milestone dates, location, special
 * reason and note (optional). The milestone dates make the status history, in the order of their days.
 */
import type { DataTable } from "../io/DataTable.js"
import type { RuleZone } from "../model/ValueRule.js"
import type { AdmissionCheck, ZoneArea } from "./Admission.js"
import type { ProjectEntry, ProjectStatus, ProjectTrait, ProjectType } from "./Project.js"
import { checkProjectEntry } from "./ProjectRules.js"
import { milestoneOrder } from "./ProjectStatus.js"
import { type CellIssue, cellDate, cellNumber, cellText, matchColumns, missingColumn, numberedRows } from "./TableCells.js"

const DATE_ROLES = {
  signedOn: "signed",
  landSuppliedOn: "land_supplied",
  startedOn: "started",
  inProductionOn: "in_production",
  atCapacityOn: "at_capacity",
  stalledOn: "stalled",
  landRecoveredOn: "land_recovered",
} as const satisfies Record<string, ProjectStatus>

/** The headers a project table accepts for each field (compared without case, spaces or a unit in brackets). */
export const PROJECT_COLUMNS = {
  id: ["id", "project_id", "项目编号", "编号"],
  name: ["name", "项目名称", "名称"],
  nameEn: ["name_en", "英文名称"],
  cluster: ["cluster", "cluster_id", "集聚区", "集聚区编号", "园区"],
  area: ["area", "片区", "分区", "园区分区"],
  investor: ["investor", "投资方", "投资主体", "投资企业"],
  firm: ["firm", "firm_id", "企业编号"],
  industry: ["industry", "行业", "产业"],
  type: ["type", "项目类型", "类型"],
  traits: ["traits", "项目特征", "特征"],
  totalInvestment: ["total_investment", "总投资"],
  fixedInvestment: ["fixed_investment", "固定资产投资"],
  land: ["land", "用地", "用地面积", "占地"],
  floorArea: ["floor_area", "建筑面积"],
  storeys: ["storeys", "层数"],
  contractIntensity: ["contract_intensity", "合同投资强度", "约定投资强度"],
  contractFloorAreaRatio: ["contract_far", "contract_floor_area_ratio", "合同容积率", "约定容积率"],
  startBy: ["start_by", "约定开工日期", "合同开工期限"],
  completeBy: ["complete_by", "约定竣工日期", "合同竣工期限"],
  signedOn: ["signed_on", "签约日期"],
  landSuppliedOn: ["land_supplied_on", "供地日期"],
  startedOn: ["started_on", "开工日期"],
  inProductionOn: ["in_production_on", "投产日期"],
  atCapacityOn: ["at_capacity_on", "达产日期"],
  stalledOn: ["stalled_on", "停滞日期", "停工日期"],
  landRecoveredOn: ["land_recovered_on", "土地收回日期"],
  lon: ["lon", "longitude", "经度"],
  lat: ["lat", "latitude", "纬度"],
  specialReason: ["special_reason", "特殊原因"],
  note: ["note", "备注"],
} as const

const REQUIRED = ["id", "name", "cluster", "investor", "type", "totalInvestment", "fixedInvestment", "signedOn"] as const

const TYPES: Record<string, ProjectType> = {
  industrial: "industrial",
  工业: "industrial",
  工业项目: "industrial",
  infrastructure: "infrastructure",
  基础设施: "infrastructure",
  基础设施项目: "infrastructure",
  service: "service",
  服务业: "service",
  服务业项目: "service",
}

const TRAITS: Record<string, ProjectTrait> = {
  high_tech: "high_tech",
  高新技术: "high_tech",
  高新技术项目: "high_tech",
  labour_intensive: "labour_intensive",
  劳动密集型: "labour_intensive",
  劳动密集型项目: "labour_intensive",
}

/** What a project table is checked against. */
export interface ProjectTableRegister {
  /** Every zone, archived ones included (to name them as archived). */
  readonly clusters: ReadonlyArray<RuleZone & { readonly name: string }>
  readonly areas: ReadonlyArray<Pick<ZoneArea, "code" | "rules"> & { readonly cluster: string }>
  readonly firms: ReadonlyArray<{ readonly id: string }>
  /** Ids already in the register (a file adds projects; it does not change them). */
  readonly projectIds: ReadonlyArray<string>
}

/** One valid row: the project entry, its admission check and the row it came from. */
export interface ImportedProject {
  readonly row: number
  readonly entry: ProjectEntry
  readonly admission: AdmissionCheck
}

/** The outcome of {@link validateProjectTable}. */
export type ProjectTableValidation =
  | { readonly ok: true; readonly projects: ReadonlyArray<ImportedProject> }
  | { readonly ok: false; readonly issues: ReadonlyArray<CellIssue> }

/**
 * Check every row of a project table and return the projects to add, or every problem found. Zones are matched by
 * id or exact name. An id already in the register or given twice is refused (`duplicate_id`, `duplicate_key`).
 * @example validateProjectTable(readTable(bytes, "projects.xlsx"), register, "2025-06-30")
 */
export const validateProjectTable = (table: DataTable, register: ProjectTableRegister, today: string): ProjectTableValidation => {
  const col = matchColumns(table.columns, PROJECT_COLUMNS)
  const issues: CellIssue[] = []
  for (const role of REQUIRED) if (col[role] === undefined) issues.push(missingColumn(PROJECT_COLUMNS[role][0], PROJECT_COLUMNS[role]))
  if (issues.length > 0) return { ok: false, issues }
  const zoneById = new Map(register.clusters.map((c) => [c.id, c]))
  const zoneByName = new Map(register.clusters.map((c) => [c.name, c]))
  const firms = new Set(register.firms.map((f) => f.id))
  const existing = new Set(register.projectIds)
  const seen = new Map<string, number>()
  const projects: ImportedProject[] = []
  const checkRegister = {
    zone: (id: string) => zoneById.get(id),
    areas: (cluster: string) => register.areas.filter((a) => a.cluster === cluster),
    hasFirm: (id: string) => firms.has(id),
  }

  for (const { row, cells } of numberedRows(table)) {
    const before = issues.length
    const bad = (code: string, column: string, value: unknown, en: string, zh: string) => issues.push({ code, row, column, value, en, zh })
    const cell = (role: keyof typeof PROJECT_COLUMNS) => (col[role] === undefined ? null : (cells[col[role]!] ?? null))
    const text = (role: keyof typeof PROJECT_COLUMNS) => cellText(cell(role))
    const required = (role: keyof typeof PROJECT_COLUMNS): string => {
      const t = text(role)
      if (t === null)
        bad("missing_value", col[role]!, cell(role), `missing ${PROJECT_COLUMNS[role][0]}`, `缺少${PROJECT_COLUMNS[role][1] ?? PROJECT_COLUMNS[role][0]}`)
      return t ?? ""
    }
    const number = (role: keyof typeof PROJECT_COLUMNS, opts: { required?: boolean; integer?: boolean } = {}): number | null => {
      const v = cellNumber(cell(role))
      const c = col[role] ?? PROJECT_COLUMNS[role][0]
      if (v === undefined) {
        bad("not_numeric", c, cell(role), `${String(cell(role))} is not a number`, `${String(cell(role))} 不是数字`)
        return null
      }
      if (v === null) {
        if (opts.required) bad("missing_value", c, null, `missing ${PROJECT_COLUMNS[role][0]}`, `缺少${PROJECT_COLUMNS[role][0]}`)
        return null
      }
      if (v < 0) {
        bad("negative_value", c, cell(role), `${v} is negative`, `${v} 为负数`)
        return null
      }
      if (opts.integer && !Number.isInteger(v)) {
        bad("not_integer", c, cell(role), `${v} is not a whole number`, `${v} 不是整数`)
        return null
      }
      return v
    }
    const date = (role: keyof typeof PROJECT_COLUMNS): string | null => {
      const v = cellDate(cell(role))
      if (v === undefined) {
        bad("bad_date", col[role]!, cell(role), `${String(cell(role))} is not a date (write 2025-03-10)`, `${String(cell(role))} 不是日期（应写作 2025-03-10）`)
        return null
      }
      return v
    }

    // Identity
    const id = required("id")
    if (id !== "" && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
      bad("bad_id", col.id!, id, `project id "${id}" may hold only a-z, 0-9 and '-' (max 64)`, `项目编号“${id}”只能由 a-z、0-9 和 - 组成（最长 64）`)
    else if (existing.has(id))
      bad("duplicate_id", col.id!, id, `project "${id}" is already in the register; change it there`, `项目“${id}”已在项目库中，请在项目库中修改`)
    else if (id !== "" && seen.has(id))
      bad("duplicate_key", col.id!, id, `project "${id}" is given twice (first in row ${seen.get(id)})`, `项目“${id}”重复出现（首次在第 ${seen.get(id)} 行）`)
    if (id !== "" && !seen.has(id)) seen.set(id, row)
    const name = required("name")
    const clusterKey = required("cluster")
    const zone = zoneById.get(clusterKey) ?? zoneByName.get(clusterKey)
    const investor = required("investor")
    const typeText = required("type")
    const type = TYPES[typeText.toLowerCase()]
    if (typeText !== "" && type === undefined)
      bad("bad_type", col.type!, typeText, `type "${typeText}" is not industrial, infrastructure or service`, `项目类型“${typeText}”应为工业、基础设施或服务业`)
    const traits: ProjectTrait[] = []
    for (const t of (text("traits") ?? "").split(/[,，、;；\s]+/).filter(Boolean)) {
      const trait = TRAITS[t.toLowerCase()]
      if (trait === undefined)
        bad("bad_trait", col.traits!, t, `trait "${t}" is not high_tech (高新技术) or labour_intensive (劳动密集型)`, `项目特征“${t}”应为高新技术或劳动密集型`)
      else if (!traits.includes(trait)) traits.push(trait)
    }
    const total = number("totalInvestment", { required: true })
    const fixed = number("fixedInvestment", { required: true })
    const land = number("land") ?? 0
    const floorArea = number("floorArea") ?? 0
    const storeys = number("storeys", { integer: true })
    if (storeys === 0) bad("not_positive", col.storeys!, 0, "storeys start at 1", "层数至少为 1")
    const intensity = number("contractIntensity")
    const far = number("contractFloorAreaRatio")
    const startBy = date("startBy")
    const completeBy = date("completeBy")
    const coordinate = (role: "lon" | "lat", limit: number): number | null => {
      const v = cellNumber(cell(role))
      if (v === undefined) bad("not_numeric", col[role]!, cell(role), `${String(cell(role))} is not a number`, `${String(cell(role))} 不是数字`)
      else if (v !== null && Math.abs(v) > limit)
        bad(
          "out_of_range",
          col[role]!,
          v,
          `${role === "lon" ? "longitude" : "latitude"} lies within ±${limit}`,
          `${role === "lon" ? "经度" : "纬度"}应在 ±${limit} 之内`,
        )
      else return v
      return null
    }
    const placed = issues.length
    const lon = coordinate("lon", 180)
    const lat = coordinate("lat", 90)
    if (issues.length === placed && (lon === null) !== (lat === null))
      bad(
        "partial_location",
        col.lon ?? col.lat ?? "lon",
        cell("lon") ?? cell("lat"),
        "give both longitude and latitude, or neither",
        "经度与纬度应同时填写或同时留空",
      )
    // The status history from the milestone dates, in the order of their days (a tie in the milestones' order).
    const steps: Array<{ status: ProjectStatus; on: string; column: string }> = []
    for (const [role, status] of Object.entries(DATE_ROLES) as Array<[keyof typeof DATE_ROLES, ProjectStatus]>) {
      const on = col[role] === undefined ? null : date(role)
      if (on !== null) steps.push({ status, on, column: col[role]! })
    }
    const rank = (s: ProjectStatus) => (milestoneOrder.includes(s) ? milestoneOrder.indexOf(s) : s === "stalled" ? 5 : 6)
    steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : rank(a.status) - rank(b.status)))
    if (issues.length > before) continue

    const entry: ProjectEntry = {
      id,
      name,
      ...(text("nameEn") !== null ? { nameEn: text("nameEn")! } : {}),
      cluster: (zone?.id ?? clusterKey) as ProjectEntry["cluster"],
      area: text("area"),
      investor,
      firm: text("firm"),
      industry: text("industry") ?? "",
      type: type!,
      traits,
      totalInvestment: total!,
      fixedInvestment: fixed!,
      land,
      floorArea,
      storeys,
      contract: { investmentIntensity: intensity, floorAreaRatio: far, startBy, completeBy },
      location: lon !== null && lat !== null ? { lon, lat } : null,
      specialReason: text("specialReason"),
      note: text("note"),
      isDemo: false,
      history: steps.map((s) => ({ status: s.status, on: s.on, note: null })),
    }
    const check = checkProjectEntry(entry, checkRegister, today)
    const at = (column: string): string => {
      const h = /^history\.(\d+)\./.exec(column)
      if (h) return steps[Number(h[1])]?.column ?? column
      const role = Object.entries({
        cluster: "cluster",
        area: "area",
        firm: "firm",
        type: "type",
        traits: "traits",
        fixed_investment: "fixedInvestment",
        total_investment: "totalInvestment",
      }).find(([k]) => k === column)?.[1] as keyof typeof PROJECT_COLUMNS | undefined
      return (role && col[role]) ?? column
    }
    for (const i of check.issues) issues.push({ ...i, row, column: at(i.column ?? "") })
    if (issues.length === before) projects.push({ row, entry, admission: check.admission })
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, projects }
}
