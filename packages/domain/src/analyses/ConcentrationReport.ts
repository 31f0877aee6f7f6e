import {
  type ConcentrationIndices,
  concentrationIndices,
  concentrationOfRows,
  concentrationOfTable,
  type FirmConcentrationIndices,
  type ReferenceTotals,
  RegionIndustryRows,
} from "../econometrics/index.js"
import { ByteInterner } from "../io/ByteInterner.js"
import { type CsvFields, csvRecordStream, fieldText } from "../io/csvStream.js"
import type { DataTable } from "../io/DataTable.js"
import { guessDelimiter, numericColumn, parseNumericText, requireColumn, stringColumn } from "../io/index.js"
import { InputError, inputError } from "../model/errors.js"

/** Options of the concentration indices on long region–industry data (the flags of `jiju concentration`). */
export interface ConcentrationReportOptions {
  readonly region: string
  readonly industry: string
  readonly value: string
  /** Plant-level Herfindahl H per industry (0 ≤ H < 1) for Ellison–Glaeser γ; default 0. */
  readonly plantH?: Readonly<Record<string, number>> | undefined
  /**
   * Column naming the firm (plant) of each row: the rows are then firm records (microdata), summed per
   * region and industry, and each industry's plant Herfindahl is computed from its firms (plantH not allowed).
   */
  readonly firm?: string | undefined
  /**
   * Reference totals for the location quotients (and Krugman specialisation): each industry's total Q_i and the
   * grand total Q of a reference area, e.g. the nation, as 002 篇3's financial LQ uses national totals. Default:
   * sums over the data (the data's regions are then their own reference area).
   */
  readonly reference?: ReferenceTotals | undefined
}

/**
 * Reference totals from a table of one row per industry (a `jiju concentration --reference` file): the industry's
 * total in the reference area under `value`, and the reference area's grand total over all industries.
 * InputError "unknown_column", "not_numeric", "missing_value", "duplicate_industry" (an industry twice), or
 * "bad_reference" (a total that is not positive).
 * @example referenceTotalsOfTable(table, { industry: "sector", value: "jobs" }, 1000).industry?.textiles
 */
export const referenceTotalsOfTable = (table: DataTable, columns: { readonly industry: string; readonly value: string }, total: number): ReferenceTotals => {
  const names = stringColumn(table, columns.industry)
  const values = numericColumn(table, columns.value)
  const industry: Record<string, number> = {}
  const seen = new Map<string, number>()
  names.forEach((name, k) => {
    const row = k + 1
    const first = seen.get(name)
    if (first !== undefined)
      throw inputError(
        "duplicate_industry",
        `reference row ${row}: industry "${name}" is listed twice (first in row ${first}); give each industry's reference total once`,
        `参照数据第 ${row} 行：产业“${name}”重复（首次在第 ${first} 行）；每个产业只给一个参照总量`,
        { row, column: columns.industry, value: name },
      )
    seen.set(name, row)
    const v = values[k]!
    if (!(v > 0))
      throw inputError(
        "bad_reference",
        `reference row ${row}: the total of industry "${name}" must be positive, got ${v}`,
        `参照数据第 ${row} 行：产业“${name}”的参照总量须为正数，实际为 ${v}`,
        { row, column: columns.value, value: v },
      )
    industry[name] = v
  })
  if (!(Number.isFinite(total) && total > 0))
    throw inputError("bad_reference", `the reference grand total must be positive, got ${total}`, `参照总量须为正数，实际为 ${total}`, {
      column: "referenceTotal",
      value: total,
    })
  const sum = Object.values(industry).reduce((a, b) => a + b, 0)
  if (sum > total * (1 + 1e-9))
    throw inputError(
      "bad_reference",
      `the reference industries add up to ${sum}, more than the reference grand total ${total}`,
      `参照产业合计 ${sum} 大于参照总量 ${total}`,
      { column: "referenceTotal", value: total },
    )
  return { industry, total }
}

/**
 * LQ, HHI, Ellison–Glaeser, Krugman and spatial Gini of long region–industry data (totals are sums over the data).
 * Throws InputError "unknown_column", "not_numeric", or "bad_plant_h" when plantH names an industry not in the data.
 * @example concentrationAnalysis(table, { region: "city", industry: "sector", value: "jobs" }).hhi
 */
export const concentrationAnalysis = (table: DataTable, options: ConcentrationReportOptions): ConcentrationIndices | FirmConcentrationIndices => {
  for (const c of [options.region, options.industry, options.value]) requireColumn(table, c)
  if (options.firm !== undefined) {
    requireColumn(table, options.firm)
    noPlantH(options)
    const codes = () => {
      const index = new Map<string, number>()
      const code = (name: string): number => {
        const known = index.get(name)
        if (known !== undefined) return known
        index.set(name, index.size)
        return index.size - 1
      }
      return { index, code }
    }
    const regions = codes()
    const industries = codes()
    const firms = codes()
    const r = stringColumn(table, options.region)
    const ind = stringColumn(table, options.industry)
    const f = stringColumn(table, options.firm)
    const v = numericColumn(table, options.value)
    const rows = new RegionIndustryRows(options.value)
    for (let k = 0; k < r.length; k++) rows.add(regions.code(r[k]!), industries.code(ind[k]!), firms.code(f[k]!), v[k]!)
    const firmNames = [...firms.index.keys()]
    return concentrationOfRows(
      rows.aggregate([...regions.index.keys()], [...industries.index.keys()], (id) => firmNames[id]!),
      referenceOf(options),
    )
  }
  const regions = stringColumn(table, options.region)
  const industries = stringColumn(table, options.industry)
  const values = numericColumn(table, options.value)
  const records = regions.map((region, k) => ({ region, industry: industries[k]!, value: values[k]! }))
  const plantH = options.plantH
  if (plantH) checkPlantH(plantH, industries)
  return concentrationIndices(records, { ...(plantH ? { plantHerfindahl: plantH } : {}), ...referenceOf(options) })
}

const referenceOf = (options: ConcentrationReportOptions) => (options.reference !== undefined ? { reference: options.reference } : {})

// Every industry named in --plant-h must be in the data ("bad_plant_h").
const checkPlantH = (plantH: Readonly<Record<string, number>>, industries: ReadonlyArray<string>) => {
  const known = new Set(industries)
  const unknown = Object.keys(plantH).filter((k) => !known.has(k))
  if (unknown.length > 0)
    throw inputError(
      "bad_plant_h",
      `--plant-h names industries not in the data: ${unknown.join(", ")}; available: ${[...known].join(", ")}`,
      `plantH 中的产业不在数据中：${unknown.join("、")}；可选：${[...known].join("、")}`,
      { column: "plantH", value: unknown.join(", ") },
    )
}

/**
 * The JSON document of the concentration indices (what `jiju concentration --json` prints); with firm rows
 * it also gives the plants per industry behind the Ellison–Glaeser H.
 * @example concentrationDocument(concentrationAnalysis(table, { region: "city", industry: "ind", value: "emp" })).hhi
 */
export const concentrationDocument = (r: ConcentrationIndices | FirmConcentrationIndices, reference?: ReferenceTotals) => ({
  lq: r.lq,
  hhi: r.hhi,
  ellison_glaeser: r.ellison_glaeser,
  krugman: r.krugman,
  gini: r.gini,
  krugman_concentration: r.krugman_concentration,
  gini_specialisation: r.gini_specialisation,
  ...("plants" in r ? { plants: r.plants } : {}),
  /** The reference totals the location quotients were taken against; null when they are the data's own sums. */
  reference: reference?.industry !== undefined && reference.total !== undefined ? { industry: reference.industry, total: reference.total } : null,
  notes: [
    ...(reference?.industry !== undefined
      ? [
          {
            en: "location quotients and Krugman specialisation are taken against the reference totals given (Q_i per industry, Q in all), e.g. national totals as 002 篇3's financial LQ uses",
            zh: "区位熵与克鲁格曼专业化指数以给定的参照总量计算（各产业 Q_i 与总量 Q），如 002 篇3 金融区位熵以全国总量为参照",
          },
        ]
      : []),
    "plants" in r
      ? {
          en: "totals are sums over the firm rows; Ellison–Glaeser H is each industry's plant Herfindahl Σ(e_k/E)² over its firms (γ is null for an industry with one plant)",
          zh: "总量取企业数据合计；EG 指数的 H 为各产业按企业计算的赫芬达尔指数 Σ(e_k/E)²（仅一家企业的产业 γ 为空）",
        }
      : {
          en: "totals are sums over the data; Ellison–Glaeser uses H = 0 for industries without --plant-h",
          zh: "总量取数据合计；未给出 --plant-h 的产业，EG 指数取 H = 0",
        },
  ],
})

const noPlantH = (options: ConcentrationReportOptions) => {
  if (options.plantH !== undefined)
    throw inputError(
      "conflicting_plant_h",
      "--plant-h cannot be combined with --firm: the plant Herfindahl is computed from the firm rows",
      "--plant-h 不能与 --firm 同用：企业赫芬达尔指数由企业数据计算",
      { column: "plantH" },
    )
}

/** A concentration analysis fed with the bytes of a CSV file: see {@link concentrationCsvStream}. */
export interface ConcentrationCsvStream {
  /** The next chunk of the file. */
  push(chunk: Uint8Array): void
  /** End of the file: the indices (InputError for bad data, as concentrationAnalysis). */
  finish(): ConcentrationIndices | FirmConcentrationIndices
}

const SPACE = (b: number) => b === 0x20 || b === 0x09
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k)
const MISSING = new Set(["", "na", "n/a", "#n/a", "nan", "null"])

/**
 * Concentration indices of a CSV file read in chunks, for files of millions of rows (firm microdata): the
 * region, industry and firm cells are compared as bytes (ByteInterner) and the values parsed from bytes, so
 * the rows live in typed arrays (RegionIndustryRows, 20 bytes a row) instead of a DataTable of strings. Same
 * results and error codes as {@link concentrationAnalysis} on the parsed file; names are the trimmed cell
 * text (UTF-8, or GB18030 when the names are not valid UTF-8). The delimiter is guessed from the header.
 * @example const s = concentrationCsvStream({ region: "r", industry: "i", value: "v", firm: "f" }); s.push(bytes); s.finish().hhi
 */
export const concentrationCsvStream = (options: ConcentrationReportOptions): ConcentrationCsvStream => {
  if (options.firm !== undefined) noPlantH(options)
  const regions = new ByteInterner()
  const industries = new ByteInterner()
  const firms = new ByteInterner()
  const rows = new RegionIndustryRows(options.value)
  const wanted = [options.region, options.industry, options.value, ...(options.firm !== undefined ? [options.firm] : [])]
  let cols: number[] | undefined
  let headerBytes = new Uint8Array(0)
  let stream: ReturnType<typeof csvRecordStream> | undefined
  const utf8 = new TextDecoder("utf-8", { fatal: true })
  const gb = new TextDecoder("gb18030")
  const plain = new TextDecoder()
  const decodeName = (b: Uint8Array): string => {
    try {
      return utf8.decode(b)
    } catch {
      return gb.decode(b)
    }
  }
  // The names of a file are all UTF-8 or all GB18030 (as decodeText decides for a whole file).
  const decodeAll = (list: ReadonlyArray<Uint8Array>): string[] => {
    try {
      return list.map((b) => utf8.decode(b))
    } catch {
      return list.map((b) => gb.decode(b))
    }
  }
  // Trimmed byte range of field j.
  const trimmed = (f: CsvFields, j: number): [number, number] => {
    let a = f.start[j]!
    let b = f.end[j]!
    while (a < b && SPACE(f.bytes[a]!)) a++
    while (b > a && SPACE(f.bytes[b - 1]!)) b--
    return [a, b]
  }
  const code = (interner: ByteInterner, f: CsvFields, j: number, column: string, row: number): number => {
    const [a, b] = trimmed(f, j)
    if (a === b)
      throw inputError("missing_id", `Missing id in column "${column}", row ${row}`, `“${column}”列第 ${row} 行缺少标识`, { row, column, value: null })
    // Quoted fields with doubled quotes are interned by their text, so "a""b" and other spellings agree.
    if (f.quoted[j] === 2) {
      const text = new TextEncoder().encode(fieldText(f, j, plain).trim())
      return interner.intern(text, 0, text.length)
    }
    return interner.intern(f.bytes, a, b)
  }
  const numberAt = (f: CsvFields, j: number, row: number): number => {
    const [a, b] = trimmed(f, j)
    const bytes = f.bytes
    // Fast path: [-]digits[.digits] without exponent or separators.
    let i = a
    let neg = false
    if (i < b && bytes[i] === 0x2d) {
      neg = true
      i++
    }
    let v = 0
    let digits = 0
    let scale = 0
    while (i < b && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
      v = v * 10 + (bytes[i]! - 0x30)
      i++
      digits++
    }
    if (i < b && bytes[i] === 0x2e) {
      i++
      while (i < b && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
        v = v * 10 + (bytes[i]! - 0x30)
        i++
        digits++
        scale++
      }
    }
    // At most 15 digits: the integer and 10^scale are exact, so one division is correctly rounded (= Number(text)).
    if (i === b && digits > 0 && digits <= 15) return (neg ? -v : v) / POW10[scale]!
    // Anything else (fractions, exponents, thousands separators, missing markers) through the text rules.
    const text = fieldText(f, j, plain).trim()
    const parsed = parseNumericText(text)
    if (parsed !== undefined) return parsed
    const column = options.value
    if (MISSING.has(text.toLowerCase()))
      throw inputError("missing_value", `Missing value in column "${column}", row ${row}`, `“${column}”列第 ${row} 行缺少数值`, { row, column, value: text })
    throw inputError("not_numeric", `Value "${text}" in column "${column}", row ${row} is not a number`, `“${column}”列第 ${row} 行的值“${text}”不是数字`, {
      row,
      column,
      value: text,
    })
  }
  const onRecord = (f: CsvFields, record: number) => {
    if (cols === undefined) {
      const names = Array.from({ length: f.count }, (_, j) => decodeName(f.bytes.subarray(f.start[j]!, f.end[j]!)).trim())
      cols = wanted.map((name) => {
        const j = names.indexOf(name)
        if (j < 0) {
          const en = `Unknown column "${name}"; available columns: ${names.join(", ")}`
          const zh = `找不到列“${name}”；可用的列：${names.join("、")}`
          throw new InputError({ code: "unknown_column", message: en, zh, issues: [{ column: name, en, zh }] })
        }
        return j
      })
      return
    }
    const row = record
    const [cr, ci, cv, cf] = cols as [number, number, number, number | undefined]
    if (f.count <= Math.max(cr, ci, cv, cf ?? 0))
      throw inputError("ragged_row", `Data row ${row} has ${f.count} fields, fewer than the header`, `第 ${row} 行数据字段数 ${f.count} 少于表头`, { row })
    const region = code(regions, f, cr, options.region, row)
    const industry = code(industries, f, ci, options.industry, row)
    const firm = cf === undefined ? -1 : code(firms, f, cf, options.firm!, row)
    rows.add(region, industry, firm, numberAt(f, cv, row))
  }
  const push = (chunk: Uint8Array) => {
    if (stream !== undefined) return stream.push(chunk)
    // The delimiter comes from the header line: wait for its line break.
    const joined = new Uint8Array(headerBytes.length + chunk.length)
    joined.set(headerBytes)
    joined.set(chunk, headerBytes.length)
    const nl = joined.indexOf(0x0a)
    if (nl < 0) {
      headerBytes = joined
      return
    }
    const delimiter = guessDelimiter(decodeName(joined.subarray(0, nl))).charCodeAt(0)
    stream = csvRecordStream(delimiter, onRecord)
    headerBytes = new Uint8Array(0)
    stream.push(joined)
  }
  const finish = () => {
    if (stream === undefined) {
      const delimiter = guessDelimiter(decodeName(headerBytes)).charCodeAt(0)
      stream = csvRecordStream(delimiter, onRecord)
      stream.push(headerBytes)
    }
    stream.end()
    if (cols === undefined) throw inputError("empty_file", "The CSV file is empty: a header row is required", "CSV 文件为空：需要表头行")
    const bytesOf = (interner: ByteInterner) => Array.from({ length: interner.size }, (_, id) => interner.bytes(id))
    const names = decodeAll([...bytesOf(regions), ...bytesOf(industries)])
    const firmName = (id: number) => decodeName(firms.bytes(id))
    const aggregated = rows.aggregate(names.slice(0, regions.size), names.slice(regions.size), firmName)
    if (options.firm === undefined && options.plantH !== undefined) {
      checkPlantH(options.plantH, aggregated.table.industries)
      return concentrationOfTable(aggregated.table, { plantHerfindahl: options.plantH, ...referenceOf(options) })
    }
    return concentrationOfRows(aggregated, referenceOf(options))
  }
  return { push, finish }
}

/**
 * The document `jiju concentration --json` prints.
 * @example concentrationReport(table, { region: "region", industry: "industry", value: "emp" }).lq[0].lq
 */
export const concentrationReport = (table: DataTable, options: ConcentrationReportOptions) =>
  concentrationDocument(concentrationAnalysis(table, options), options.reference)
