/**
 * The files the judgement and assessment commands read instead of the store: a long-format table of values and
 * stated facts, and optionally a table of the zones it is about. Every bad row is reported at once, in the one
 * issue shape, with its row as a spreadsheet shows it (header = row 1).
 */
import * as Schema from "effect/Schema"
import { idText, isMissingCell, parseNumericText } from "../../io/columns.js"
import type { Cell, DataTable } from "../../io/DataTable.js"
import { clusterKindNames, clusterLevelNames, serviceFormNames } from "../../model/Cluster.js"
import { InputError } from "../../model/errors.js"
import { Period } from "../../model/Period.js"
import { assessmentInputFromRegister, type FactRow, type RegisterCluster, type RegisterObservation } from "../FromRegister.js"
import type { AssessmentData } from "./AssessmentData.js"

const isPeriod = Schema.is(Period)
const CODE = /^[a-z][a-z0-9_]{0,63}$/
const REGION = /^[1-9]\d{5}$/
const TRUE = new Set(["1", "true", "yes", "y", "是", "有", "符合"])
const FALSE = new Set(["0", "false", "no", "n", "否", "无", "不符合"])
const GROUPS = new Set(["urban_district", "county"])

type RowIssue = { code: string; row: number; column: string; value: unknown; en: string; zh: string }

const column = (table: DataTable, names: ReadonlyArray<string>, file: string, required: boolean): string | undefined => {
  const found = table.columns.find((c) => names.includes(c.trim().toLowerCase()))
  if (found !== undefined || !required) return found
  const en = `${file}: no "${names[0]}" column (accepted: ${names.join(", ")}); columns found: ${table.columns.join(", ") || "(none)"}`
  const zh = `${file}：缺少“${names[0]}”列（可用列名：${names.join("、")}）；文件中的列：${table.columns.join("、") || "（无）"}`
  throw new InputError({ code: "missing_column", message: en, zh, issues: [{ column: names[0]!, en, zh }] })
}

const fail = (file: string, issues: ReadonlyArray<RowIssue>): never => {
  const shown = issues.slice(0, 10)
  const more = issues.length > shown.length ? ` (+${issues.length - shown.length} more)` : ""
  throw new InputError({
    code: "invalid_rows",
    message: `${file}: ${shown.map((i) => i.en).join("; ")}${more}`,
    zh: `${file}：${shown.map((i) => i.zh).join("；")}${more}`,
    issues,
  })
}

const show = (v: Cell | undefined) => (typeof v === "string" ? `"${v}"` : String(v))

/** Values and stated facts read from a long-format table. */
export interface LongTable {
  readonly observations: ReadonlyArray<RegisterObservation>
  readonly facts: ReadonlyArray<FactRow>
}

/**
 * Read a long-format table (cluster, period, indicator, value) into observations and stated facts. Rows whose
 * indicator is "fact:NAME" state a fact (value 1/0, true/false, 是/否); rows whose cluster is a 6-digit region code
 * (and no zone's id) are the region's own figures. InputError "missing_column", or "invalid_rows" with every bad
 * row (issue codes "missing_id", "unknown_cluster", "bad_period", "bad_indicator", "bad_fact", "missing_value",
 * "not_numeric").
 * @example parseLongTable(readTable(bytes, "data.csv"), "data.csv", new Set(["a", "b"])).observations.length
 */
export const parseLongTable = (table: DataTable, file: string, known?: ReadonlySet<string>): LongTable => {
  const cCol = column(table, ["cluster", "cluster_id", "id", "集聚区", "集聚区编号"], file, true)!
  const pCol = column(table, ["period", "year", "期间", "年份", "年度"], file, true)!
  const iCol = column(table, ["indicator", "indicator_code", "指标", "指标代码"], file, true)!
  const vCol = column(table, ["value", "数值", "值", "指标值"], file, true)!
  const issues: RowIssue[] = []
  const observations: RegisterObservation[] = []
  const facts: FactRow[] = []
  table.rows.forEach((r, i) => {
    const row = i + 2
    const bad = (code: string, col: string, value: Cell | undefined, en: string, zh: string) =>
      issues.push({
        code,
        row,
        column: col,
        value: value ?? null,
        en: `row ${row}, ${col} ${show(value)}: ${en}`,
        zh: `第 ${row} 行 ${col} ${show(value)}：${zh}`,
      })
    const id = idText(r[cCol])
    const period = idText(r[pCol])
    const indicator = idText(r[iCol])
    const cell = r[vCol]
    let ok = true
    // A 6-digit code that is not a zone's id is a region (its GDP, its industrial output).
    const isRegion = id !== undefined && REGION.test(id) && !(known?.has(id) ?? false)
    if (id === undefined) ok = !!bad("missing_id", cCol, r[cCol], "missing cluster id", "缺少集聚区编号")
    else if (known && !known.has(id) && !isRegion)
      ok = !!bad("unknown_cluster", cCol, r[cCol], "unknown cluster (not in the register)", "未知的集聚区（不在名录中）")
    if (period === undefined || !isPeriod(period))
      ok = !!bad("bad_period", pCol, r[pCol], 'expected a period like "2025", "2025Q1" or "2025-03"', "期间格式应为 2025、2025Q1 或 2025-03")
    const isFact = indicator?.startsWith("fact:") === true
    if (indicator === undefined || (!isFact && !CODE.test(indicator)) || (isFact && indicator.length <= 5))
      ok = !!bad("bad_indicator", iCol, r[iCol], 'expected an indicator code (snake_case) or "fact:NAME"', "应为指标代码（小写下划线）或 fact:名称")
    if (isFact) {
      const t = typeof cell === "boolean" ? String(cell) : idText(cell)?.toLowerCase()
      const value = t !== undefined && TRUE.has(t) ? true : t !== undefined && FALSE.has(t) ? false : undefined
      if (value === undefined) ok = !!bad("bad_fact", vCol, cell, "a fact needs 1/0, true/false or 是/否", "事实取值应为 1/0、true/false 或 是/否")
      if (ok) facts.push({ clusterId: id!, fact: indicator!.slice(5), period: period!, value: value! })
      return
    }
    const value = typeof cell === "number" ? cell : typeof cell === "string" ? parseNumericText(cell) : undefined
    if (isMissingCell(cell)) ok = !!bad("missing_value", vCol, cell, "missing value", "缺少数值")
    else if (value === undefined || !Number.isFinite(value)) ok = !!bad("not_numeric", vCol, cell, "not a finite number", "不是有限数值")
    if (ok) observations.push({ target: { kind: isRegion ? "region" : "cluster", id: id! }, period: period!, indicator: indicator!, value: value! })
  })
  if (issues.length > 0) fail(file, issues)
  return { observations, facts }
}

/**
 * Read a clusters table (id, name, group [, kind, form, level, region, name_en, management_body]) into register
 * entries. InputError "missing_column", or "invalid_rows" with every bad row (issue codes "missing_id",
 * "duplicate_id", "missing_name", "bad_group", "bad_choice").
 * @example parseClustersTable(readTable(bytes, "zones.csv"), "zones.csv")[0]?.group
 */
export const parseClustersTable = (table: DataTable, file: string): RegisterCluster[] => {
  const idCol = column(table, ["id", "cluster", "cluster_id", "编号"], file, true)!
  const nameCol = column(table, ["name", "名称"], file, true)!
  const groupCol = column(table, ["group", "ranking_group", "组别"], file, true)!
  const opt = (names: string[]) => column(table, names, file, false)
  const cols = {
    kind: opt(["kind", "类型"]),
    form: opt(["form", "形态"]),
    level: opt(["level", "级别"]),
    region: opt(["region", "区域"]),
    nameEn: opt(["name_en"]),
    body: opt(["management_body", "管理机构"]),
  }
  const issues: RowIssue[] = []
  const seen = new Set<string>()
  const out: RegisterCluster[] = []
  table.rows.forEach((r, i) => {
    const row = i + 2
    const id = idText(r[idCol])
    const name = idText(r[nameCol])
    const group = idText(r[groupCol])
    const text = (c: string | undefined) => (c === undefined ? undefined : idText(r[c]))
    const bad = (code: string, col: string, en: string, zh: string) =>
      issues.push({
        code,
        row,
        column: col,
        value: r[col] ?? null,
        en: `row ${row}, ${col} ${show(r[col])}: ${en}`,
        zh: `第 ${row} 行 ${col} ${show(r[col])}：${zh}`,
      })
    if (id === undefined) bad("missing_id", idCol, "missing id", "缺少编号")
    else if (seen.has(id)) bad("duplicate_id", idCol, "id appears twice", "编号重复")
    if (name === undefined) bad("missing_name", nameCol, "missing name", "缺少名称")
    if (group === undefined || !GROUPS.has(group)) bad("bad_group", groupCol, "expected urban_district or county", "应为 urban_district 或 county")
    const form = text(cols.form)
    const oneOf = (col: string | undefined, v: string | undefined, allowed: Record<string, unknown>) => {
      if (col !== undefined && v !== undefined && !(v in allowed))
        bad("bad_choice", col, `expected one of ${Object.keys(allowed).join(", ")}`, `应为以下之一：${Object.keys(allowed).join("、")}`)
    }
    const before = issues.length
    oneOf(cols.kind, text(cols.kind), clusterKindNames)
    oneOf(cols.form, form, serviceFormNames)
    oneOf(cols.level, text(cols.level), clusterLevelNames)
    if (id === undefined || name === undefined || group === undefined || !GROUPS.has(group) || issues.length > before) return
    seen.add(id)
    const body = cols.body === undefined ? undefined : (text(cols.body) ?? null)
    out.push({
      id,
      name,
      group: group as RegisterCluster["group"],
      ...(text(cols.nameEn) !== undefined ? { nameEn: text(cols.nameEn)! } : {}),
      ...(text(cols.kind) !== undefined ? { kind: text(cols.kind) as RegisterCluster["kind"] & string } : {}),
      ...(cols.form !== undefined ? { form: (form ?? null) as RegisterCluster["form"] } : {}),
      ...(text(cols.level) !== undefined ? { level: text(cols.level) as RegisterCluster["level"] & string } : {}),
      ...(text(cols.region) !== undefined ? { region: text(cols.region)! } : {}),
      ...(body !== undefined ? { managementBody: body } : {}),
    })
  })
  if (issues.length > 0) fail(file, issues)
  return out
}

/**
 * The zones of a clusters table (id, name, group [, kind, form, level, region, name_en, management_body]), read
 * from a file with `readTable`.
 * @example registerFromTable(readTable(bytes, "zones.csv"), "zones.csv").length
 */
export const registerFromTable = (table: DataTable, file: string): RegisterCluster[] => parseClustersTable(table, file)

/**
 * What the documents read, from a long-format data table about the zones of `register` (a clusters file, or the
 * store's register): the values, the stated facts and the periods with data, marked as coming from a file.
 * @example const data = assessmentDataFromTable(readTable(bytes, "data.csv"), "data.csv", registerFromTable(zones, "zones.csv"))
 */
export const assessmentDataFromTable = (table: DataTable, file: string, register: ReadonlyArray<RegisterCluster>): AssessmentData => {
  const { observations, facts } = parseLongTable(table, file, new Set(register.map((c) => c.id as string)))
  const input = assessmentInputFromRegister(register, observations, facts)
  return { input, source: "file", hasDemo: false, periods: input.periods }
}
