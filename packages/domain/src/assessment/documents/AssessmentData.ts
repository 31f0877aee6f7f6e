import * as Schema from "effect/Schema"
import { InputError } from "../../model/errors.js"
import type { RegisterInput } from "../FromRegister.js"

/** Where a document's register and observations came from: the store, or files given to the command. */
export const DataSource = Schema.Literals(["store", "file"])

/** What the assessment documents read: the register and observations, where they came from, which periods have data. */
export interface AssessmentData {
  readonly input: RegisterInput
  /** "store" when the register and observations came from the store, else "file". */
  readonly source: "store" | "file"
  /** True when any value is generated demo data (the documents say so). */
  readonly hasDemo: boolean
  /** Every period with data, sorted, for error messages. */
  readonly periods: ReadonlyArray<string>
}

/** One zone of the input. */
export type AssessedZone = RegisterInput["clusters"][number]

const listed = (periods: ReadonlyArray<string>): string =>
  periods.length === 0 ? "(none)" : periods.length > 12 ? `${periods[0]} … ${periods[periods.length - 1]} (${periods.length})` : periods.join(", ")

/**
 * InputError "unknown_period" naming the periods that have data.
 * @example unknownPeriod("2031", ["2024", "2025"]).message // "no observations for period 2031; periods with data: 2024, 2025"
 */
export const unknownPeriod = (period: string, periods: ReadonlyArray<string>): InputError => {
  const en = `no observations for period ${period}; periods with data: ${listed(periods)}`
  const zh = `期间 ${period} 没有观测数据；有数据的期间：${listed(periods)}`
  return new InputError({ code: "unknown_period", message: en, zh, issues: [{ column: "period", value: period, en, zh }] })
}

/**
 * The zone `id` of the input, or InputError "unknown_cluster".
 * @example findZone(data.input.clusters, "zz-qibin").name
 */
export const findZone = <C extends { readonly id: string }>(clusters: ReadonlyArray<C>, id: string): C => {
  const c = clusters.find((x) => x.id === id)
  if (c) return c
  const en = `unknown cluster "${id}"; run jiju clusters to list the register`
  const zh = `未知的集聚区“${id}”；可用 jiju clusters 查看名录`
  throw new InputError({ code: "unknown_cluster", message: en, zh, issues: [{ column: "cluster", value: id, en, zh }] })
}

/**
 * The zones to judge in one period: the one named, or every zone that passes `include`. InputError
 * "unknown_cluster" or "unknown_period".
 * @example zonesOfPeriod(data, { period: "2025" }, (c) => c.form != null)
 */
export const zonesOfPeriod = (
  data: AssessmentData,
  opts: { readonly period: string; readonly cluster?: string | undefined },
  include: (c: AssessedZone) => boolean = () => true,
): ReadonlyArray<AssessedZone> => {
  const zones = opts.cluster !== undefined ? [findZone(data.input.clusters, opts.cluster)] : data.input.clusters.filter(include)
  if (!data.periods.includes(opts.period)) throw unknownPeriod(opts.period, data.periods)
  return zones
}
