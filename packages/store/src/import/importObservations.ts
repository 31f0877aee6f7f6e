import { createHash } from "node:crypto"
import type { DataTable } from "@jiju/domain/io"
import { readTable } from "@jiju/domain/io"
import { type ImportFormat, invalidRowsError, validateObservationTable } from "@jiju/domain/model"
import type { Store } from "../Store.js"
import { storeOn } from "../Store.js"

/** Options for {@link importObservations}. */
export interface ImportOptions {
  /** Shown in messages and recorded in the import audit. */
  readonly fileName: string
  /** The layout; detected from the header when omitted. */
  readonly format?: ImportFormat
  /** Who imports (recorded as submitter "import:<file>" by default and in the audit). */
  readonly importedBy?: string
  /** Source recorded on rows without a source column value (default: the file name). */
  readonly source?: string
  /** Checksum of the file bytes, for the audit. */
  readonly checksum?: string
}

/** The outcome of a successful import. */
export interface ImportResult {
  readonly imported: number
  readonly file: string
  readonly format: ImportFormat
  readonly importId: number
}

/**
 * Validate a table of observations against the store's register and, when EVERY row is valid, write them all in
 * one transaction (with an entry in the import audit). Any bad row: InputError "invalid_rows" listing every problem
 * (row as the spreadsheet shows it, column, value, reason in en and zh) and nothing is written.
 * @example await importObservations(store, parseCsv(text), { fileName: "2025.csv" }) // { imported: 340, … }
 */
export const importObservations = async (store: Store, table: DataTable, opts: ImportOptions): Promise<ImportResult> => {
  const [clusters, indicators] = await Promise.all([store.clusters.list({ archived: "include" }), store.indicators.list()])
  const check = validateObservationTable(table, { clusters, indicators }, opts.format ? { format: opts.format } : {})
  if (!check.ok) throw invalidRowsError(opts.fileName, check.issues)
  const submitter = opts.importedBy ?? `import:${opts.fileName}`
  const submittedAt = new Date().toISOString()
  const importId = await store.db.transaction(async (tx) => {
    const s = storeOn(tx)
    await s.observations.upsertMany(
      check.values.map((v) => ({
        target: { kind: "cluster" as const, id: v.cluster },
        period: v.period,
        indicator: v.indicator,
        value: v.value,
        source: v.source ?? opts.source ?? opts.fileName,
        submitter,
        submittedAt,
        note: v.note,
        isDemo: false,
      })),
      tx,
    )
    return s.imports.record({
      fileName: opts.fileName,
      format: check.format,
      rows: check.values.length,
      importedBy: opts.importedBy ?? "",
      checksum: opts.checksum ?? null,
    })
  })
  return { imported: check.values.length, file: opts.fileName, format: check.format, importId }
}

/**
 * Read a CSV or XLSX file's bytes (by its name's extension) and import it; see {@link importObservations}.
 * @example await importObservationFile(store, readFileSync("yearbook.xlsx"), "yearbook.xlsx", { format: "wide" })
 */
export const importObservationFile = (
  store: Store,
  bytes: Uint8Array,
  fileName: string,
  opts: Omit<ImportOptions, "fileName" | "checksum"> = {},
): Promise<ImportResult> =>
  importObservations(store, readTable(bytes, fileName), {
    ...opts,
    fileName,
    checksum: createHash("sha256").update(bytes).digest("hex"),
  })
