import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import {
  type AssessmentData,
  type AssessmentScheme,
  assessmentInputFromRegister,
  builtInSchemes,
  type Cell,
  clusterKindNames,
  clusterLevelNames,
  type DataTable,
  decodeScheme,
  type FactRow,
  findZone,
  henan2017Scheme,
  InputError,
  idText,
  isMissingCell,
  parseNumericText,
  type RegisterCluster,
  readTable,
  serviceFormNames,
  unknownPeriod as unknownPeriodError,
  zonesOfPeriod,
} from "@jiju/domain"
import { assessmentRepo, loadAssessmentData, type Store } from "@jiju/store"
import { CliError } from "./CliError.js"
import type { CommandIO } from "./Command.js"
import { cliError, withStore } from "./store.js"

/** What every assessment command reads, from the store or from files. */
export type { AssessmentData } from "@jiju/domain"

/** Flags the commands share for where data come from. */
export interface DataFlags {
  /** Long-format CSV/XLSX: cluster, period, indicator, value ("fact:NAME" rows state facts; a region code as cluster gives the region's figures). */
  readonly data?: string | undefined
  /** The zones of a --data file: id, name, group [, kind, form, level, region, name_en, management_body]. */
  readonly clusters?: string | undefined
}

/** Which periods to load: an inclusive range of one frequency. */
export interface PeriodRange {
  readonly from: string
  readonly to: string
}

const PERIOD = /^(19|20)\d{2}(Q[1-4]|-(0[1-9]|1[0-2]))?$/
const CODE = /^[a-z][a-z0-9_]{0,63}$/
const REGION = /^[1-9]\d{5}$/
const TRUE = new Set(["1", "true", "yes", "y", "是", "有", "符合"])
const FALSE = new Set(["0", "false", "no", "n", "否", "无", "不符合"])

/**
 * Check a --period flag. CliError "bad_period" (exit 2) for anything that is not "2025", "2025Q1" or "2025-03".
 * @example periodFlag("2025") // "2025"
 */
export const periodFlag = (value: string | undefined, flag = "period"): string => {
  if (value === undefined || value === "") throw new CliError("usage", `missing required flag --${flag}`, 2)
  if (!PERIOD.test(value)) throw new CliError("bad_period", `--${flag} expects a period like 2025, 2025Q1 or 2025-03; got "${value}"`, 2)
  return value
}

const readBytes = async (io: CommandIO, path: string, flag: string): Promise<Uint8Array> => {
  try {
    return await readFile(resolve(io.cwd, path))
  } catch (e) {
    throw new CliError("file_not_found", `cannot read --${flag} file "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
  }
}

const column = (table: DataTable, names: ReadonlyArray<string>, file: string, required: boolean): string | undefined => {
  const found = table.columns.find((c) => names.includes(c.trim().toLowerCase()))
  if (found !== undefined || !required) return found
  const en = `${file}: no "${names[0]}" column (accepted: ${names.join(", ")}); columns found: ${table.columns.join(", ") || "(none)"}`
  const zh = `${file}：缺少“${names[0]}”列（可用列名：${names.join("、")}）；文件中的列：${table.columns.join("、") || "（无）"}`
  throw new InputError({ code: "missing_column", message: en, zh, issues: [{ column: names[0]!, en, zh }] })
}

type Issue = { row: number; column: string; value: unknown; en: string; zh: string }

const fail = (file: string, issues: ReadonlyArray<Issue>): never => {
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

/**
 * Read a long-format table (cluster, period, indicator, value) into observations and stated facts. Rows whose
 * indicator is "fact:NAME" state a fact (value 1/0, true/false, 是/否); rows whose cluster is a 6-digit region code
 * (and no zone's id) are the region's own figures. Every bad row is reported at once, with its
 * row as the spreadsheet shows it (header = row 1).
 * @example parseLongTable(table, "data.csv", new Set(["a", "b"])).observations.length
 */
export const parseLongTable = (table: DataTable, file: string, known?: ReadonlySet<string>) => {
  const cCol = column(table, ["cluster", "cluster_id", "id", "集聚区", "集聚区编号"], file, true)!
  const pCol = column(table, ["period", "year", "期间", "年份", "年度"], file, true)!
  const iCol = column(table, ["indicator", "indicator_code", "指标", "指标代码"], file, true)!
  const vCol = column(table, ["value", "数值", "值", "指标值"], file, true)!
  const issues: Issue[] = []
  const observations: Array<{ target: { kind: "cluster" | "region"; id: string }; period: string; indicator: string; value: number }> = []
  const facts: FactRow[] = []
  table.rows.forEach((r, i) => {
    const row = i + 2
    const bad = (col: string, value: Cell | undefined, en: string, zh: string) =>
      issues.push({ row, column: col, value: value ?? null, en: `row ${row}, ${col} ${show(value)}: ${en}`, zh: `第 ${row} 行 ${col} ${show(value)}：${zh}` })
    const id = idText(r[cCol])
    const period = idText(r[pCol])
    const indicator = idText(r[iCol])
    const cell = r[vCol]
    let ok = true
    // A 6-digit code that is not a zone's id is a region (its GDP, its industrial output).
    const isRegion = id !== undefined && REGION.test(id) && !(known?.has(id) ?? false)
    if (id === undefined) ok = !!bad(cCol, r[cCol], "missing cluster id", "缺少集聚区编号")
    else if (known && !known.has(id) && !isRegion) ok = !!bad(cCol, r[cCol], "unknown cluster (not in the register)", "未知的集聚区（不在名录中）")
    if (period === undefined || !PERIOD.test(period))
      ok = !!bad(pCol, r[pCol], 'expected a period like "2025", "2025Q1" or "2025-03"', "期间格式应为 2025、2025Q1 或 2025-03")
    const isFact = indicator?.startsWith("fact:") === true
    if (indicator === undefined || (!isFact && !CODE.test(indicator)) || (isFact && indicator.length <= 5))
      ok = !!bad(iCol, r[iCol], 'expected an indicator code (snake_case) or "fact:NAME"', "应为指标代码（小写下划线）或 fact:名称")
    if (isFact) {
      const t = typeof cell === "boolean" ? String(cell) : idText(cell)?.toLowerCase()
      const value = t !== undefined && TRUE.has(t) ? true : t !== undefined && FALSE.has(t) ? false : undefined
      if (value === undefined) ok = !!bad(vCol, cell, "a fact needs 1/0, true/false or 是/否", "事实取值应为 1/0、true/false 或 是/否")
      if (ok) facts.push({ clusterId: id!, fact: indicator!.slice(5), period: period!, value: value! })
      return
    }
    const value = typeof cell === "number" ? cell : typeof cell === "string" ? parseNumericText(cell) : undefined
    if (isMissingCell(cell)) ok = !!bad(vCol, cell, "missing value", "缺少数值")
    else if (value === undefined || !Number.isFinite(value)) ok = !!bad(vCol, cell, "not a finite number", "不是有限数值")
    if (ok) observations.push({ target: { kind: isRegion ? "region" : "cluster", id: id! }, period: period!, indicator: indicator!, value: value! })
  })
  if (issues.length > 0) fail(file, issues)
  return { observations, facts }
}

const GROUPS = new Set(["urban_district", "county"])

/**
 * Read a clusters table (id, name, group [, kind, form, level, region, name_en, management_body]) into register
 * entries. Every bad row is reported at once.
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
  const issues: Issue[] = []
  const seen = new Set<string>()
  const out: RegisterCluster[] = []
  table.rows.forEach((r, i) => {
    const row = i + 2
    const id = idText(r[idCol])
    const name = idText(r[nameCol])
    const group = idText(r[groupCol])
    const text = (c: string | undefined) => (c === undefined ? undefined : idText(r[c]))
    const bad = (col: string, en: string, zh: string) =>
      issues.push({
        row,
        column: col,
        value: r[col] ?? null,
        en: `row ${row}, ${col} ${show(r[col])}: ${en}`,
        zh: `第 ${row} 行 ${col} ${show(r[col])}：${zh}`,
      })
    if (id === undefined) bad(idCol, "missing id", "缺少编号")
    else if (seen.has(id)) bad(idCol, "id appears twice", "编号重复")
    if (name === undefined) bad(nameCol, "missing name", "缺少名称")
    if (group === undefined || !GROUPS.has(group)) bad(groupCol, "expected urban_district or county", "应为 urban_district 或 county")
    const form = text(cols.form)
    const oneOf = (col: string | undefined, v: string | undefined, allowed: Record<string, unknown>) => {
      if (col !== undefined && v !== undefined && !(v in allowed))
        bad(col, `expected one of ${Object.keys(allowed).join(", ")}`, `应为以下之一：${Object.keys(allowed).join("、")}`)
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
 * Load what an assessment command reads and run `fn` with it. With --data and --clusters only files are read
 * and the store is never opened (`store` is undefined); with --data alone the zones come from the store's
 * register; with neither, the store's register and observations in `range` are used.
 */
export const withAssessmentData = async <T>(
  io: CommandIO,
  flags: DataFlags,
  range: PeriodRange,
  fn: (data: AssessmentData, store: Store | undefined) => Promise<T>,
): Promise<T> => {
  try {
    return await loadAndRun(io, flags, range, fn)
  } catch (e) {
    // Domain errors (a bad file, a bad option) become the CLI's one-line error with the same code.
    throw cliError(e)
  }
}

const loadAndRun = async <T>(
  io: CommandIO,
  flags: DataFlags,
  range: PeriodRange,
  fn: (data: AssessmentData, store: Store | undefined) => Promise<T>,
): Promise<T> => {
  if (flags.clusters !== undefined && flags.data === undefined) throw new CliError("usage", "--clusters needs --data (the observations of those zones)", 2)
  const fileData = async (register: ReadonlyArray<RegisterCluster>): Promise<AssessmentData> => {
    const table = readTable(await readBytes(io, flags.data!, "data"), flags.data!)
    const { observations, facts } = parseLongTable(table, flags.data!, new Set(register.map((c) => c.id as string)))
    const input = assessmentInputFromRegister(register, observations, facts)
    return { input, source: "file", hasDemo: false, periods: input.periods }
  }
  if (flags.data !== undefined && flags.clusters !== undefined) {
    const register = parseClustersTable(readTable(await readBytes(io, flags.clusters, "clusters"), flags.clusters), flags.clusters)
    return fn(await fileData(register), undefined)
  }
  return withStore(io, async (store) =>
    fn(flags.data !== undefined ? await fileData(await store.clusters.list()) : await loadAssessmentData(store, range), store),
  )
}

/** Whether a --scheme value names a file (a path, or a name ending in .json) rather than an id. */
export const isSchemeFile = (name: string): boolean => /[/\\]/.test(name) || name.toLowerCase().endsWith(".json")

/**
 * Find a scheme: a built-in id, a JSON file (a path, or any name ending in .json), or a scheme stored earlier.
 * CliError "unknown_scheme" naming what was tried; InputError from decodeScheme naming the field of a bad file.
 */
export const resolveScheme = async (
  io: CommandIO,
  name: string | undefined,
  store: Store | undefined,
): Promise<{ scheme: AssessmentScheme; from: "built_in" | "file" | "stored" }> => {
  if (name === undefined) return { scheme: henan2017Scheme, from: "built_in" }
  const builtIn = builtInSchemes[name]
  if (builtIn) return { scheme: builtIn, from: "built_in" }
  if (isSchemeFile(name)) {
    const bytes = await readBytes(io, name, "scheme")
    let json: unknown
    try {
      json = JSON.parse(new TextDecoder().decode(bytes))
    } catch (e) {
      throw new CliError("invalid_json", `--scheme file "${name}" is not valid JSON: ${(e as Error).message}`, 1)
    }
    try {
      return { scheme: decodeScheme(json), from: "file" }
    } catch (e) {
      if (e instanceof InputError) throw new CliError(e.code, `--scheme file "${name}": ${e.message}`, 1)
      throw e
    }
  }
  const stored = store ? await assessmentRepo(store.db).schemes.get(name) : undefined
  if (stored) return { scheme: stored.definition, from: "stored" }
  const known = [...Object.keys(builtInSchemes), ...(store ? (await assessmentRepo(store.db).schemes.list()).map((s) => s.id) : [])]
  throw new CliError("unknown_scheme", `unknown scheme "${name}": not a built-in or stored scheme (${known.join(", ")}) nor a .json file`, 1)
}

/** CliError "unknown_period" listing the periods that have data. */
export const unknownPeriod = (period: string, periods: ReadonlyArray<string>): CliError => cliError(unknownPeriodError(period, periods)) as CliError

/** The zone `id`, or CliError "unknown_cluster". */
export const findCluster = <C extends { readonly id: string }>(clusters: ReadonlyArray<C>, id: string): C => {
  try {
    return findZone(clusters, id)
  } catch (e) {
    throw cliError(e)
  }
}

/** Round for display. */
export const fmt = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? "—" : x.toFixed(digits))

/** The flags of the commands that judge zones in one period (stage, diagnose, certify). */
export const zoneFlagOptions = {
  json: { type: "boolean" },
  cluster: { type: "string" },
  period: { type: "string" },
  data: { type: "string" },
  clusters: { type: "string" },
} as const

/**
 * Load one period's data and pick the zones to judge: the one named by --cluster, or every zone that passes
 * `include`. An unknown cluster or a period without observations is an error.
 */
export const withZonesOfPeriod = <T>(
  io: CommandIO,
  flags: DataFlags & { readonly period?: string | undefined; readonly cluster?: string | undefined },
  include: (c: AssessmentData["input"]["clusters"][number]) => boolean,
  fn: (data: AssessmentData, zones: AssessmentData["input"]["clusters"], period: string) => Promise<T>,
): Promise<T> => {
  const period = periodFlag(flags.period)
  return withAssessmentData(io, flags, { from: period, to: period }, async (data) =>
    fn(data, zonesOfPeriod(data, { period, cluster: flags.cluster }, include), period),
  )
}
