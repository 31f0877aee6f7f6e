import { readXlsx, writeXlsx } from "@jiju/domain/io"
import { findIndicator } from "@jiju/domain/model"
import type { FormIndicator } from "./schemeIndicators.js"

/** Column headers of the template (bilingual, so either language's users read it). */
export const TEMPLATE_COLUMNS = ["code", "指标 indicator", "单位 unit", "上期 previous", "本期 value"] as const

/**
 * An .xlsx template of the form: one row per indicator with its previous value, the value column empty (or
 * filled with what the form holds).
 */
export const templateWorkbook = (
  items: ReadonlyArray<FormIndicator>,
  previous: ReadonlyMap<string, number>,
  current: Readonly<Record<string, string>>,
): Uint8Array => {
  const [code, name, unit, prev, value] = TEMPLATE_COLUMNS
  const rows = items.map((it) => {
    const v = Number((current[it.code] ?? "").replace(/,/g, ""))
    return {
      [code]: it.code,
      [name]: `${it.def.zh} ${it.def.en}`,
      [unit]: it.def.unit || it.def.unitEn,
      [prev]: previous.get(it.code) ?? null,
      [value]: current[it.code] && Number.isFinite(v) ? v : null,
    }
  })
  return writeXlsx([{ name: "data", table: { columns: [...TEMPLATE_COLUMNS], rows } }])
}

/** What an imported workbook gave: raw text per known code, and the codes not in the catalogue. */
export interface TemplateImport {
  readonly raw: Record<string, string>
  readonly unknown: string[]
}

/**
 * Read a filled template (or any sheet with an indicator column — code or Chinese/English name — and a value
 * column). Throws the domain's InputError on a broken file.
 */
export const readTemplate = (bytes: Uint8Array, items: ReadonlyArray<FormIndicator>): TemplateImport => {
  const table = readXlsx(bytes)
  const codeCol = table.columns.find((c) => /^code$|代码/i.test(c.trim())) ?? table.columns.find((c) => /指标|indicator/i.test(c)) ?? table.columns[0]
  const valueCol = table.columns.find((c) => /本期|value/i.test(c)) ?? table.columns[table.columns.length - 1]
  const wanted = new Set(items.map((i) => i.code))
  const raw: Record<string, string> = {}
  const unknown: string[] = []
  for (const row of table.rows) {
    const key = String(row[codeCol ?? ""] ?? "").trim()
    if (!key) continue
    const code = wanted.has(key) ? key : findIndicator(key.split(/\s+/)[0] ?? key)?.code
    const cell = row[valueCol ?? ""]
    if (!code || !wanted.has(code)) {
      unknown.push(key)
      continue
    }
    if (cell !== null && cell !== undefined && cell !== "") raw[code] = String(cell)
  }
  return { raw, unknown }
}
