import type { Db } from "../db/Db.js"
import { isoTime } from "./audit.js"

/** One accepted import, as recorded. */
export interface ImportRecord {
  readonly id: number
  readonly fileName: string
  readonly format: string
  readonly rows: number
  readonly importedBy: string
  readonly importedAt: string
  readonly checksum: string | null
}

/** The audit of import files. */
export interface ImportRepo {
  record(e: { fileName: string; format: string; rows: number; importedBy: string; checksum: string | null }): Promise<number>
  list(): Promise<ReadonlyArray<ImportRecord>>
}

/** Build the import-audit repository. */
export const importRepo = (db: Db): ImportRepo => ({
  record: async (e) => {
    const [row] = await db.query<{ id: number }>(
      "insert into imports (file_name, format, rows, imported_by, checksum) values ($1, $2, $3, $4, $5) returning id",
      [e.fileName, e.format, e.rows, e.importedBy, e.checksum],
    )
    return Number(row!.id)
  },
  list: async () =>
    (await db.query("select id, file_name, format, rows, imported_by, imported_at, checksum from imports order by id")).map((r) => ({
      id: Number(r.id),
      fileName: String(r.file_name),
      format: String(r.format),
      rows: Number(r.rows),
      importedBy: String(r.imported_by),
      importedAt: isoTime(r.imported_at),
      checksum: r.checksum == null ? null : String(r.checksum),
    })),
})
