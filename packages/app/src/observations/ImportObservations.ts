/** The one import of observation files: `jiju import` and POST /v1/observations/import both call it. */

import { createHash } from "node:crypto"
import type { ImportReceipt } from "@jiju/domain/contract"
import { type ImportFormat, invalidRowsError, validateObservationTable } from "@jiju/domain/intake"
import { readTable } from "@jiju/domain/io"
import { Audit, Clusters, Imports, Indicators, Observations, transaction } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { attempt } from "../Attempt.js"

/** A file to import: its bytes and name (the extension picks the reader), and optionally its layout. */
export interface ImportRequest {
  readonly bytes: Uint8Array
  readonly fileName: string
  /** long or wide; detected from the header when omitted. */
  readonly format?: ImportFormat | undefined
  /** The source recorded on rows without a source column value (default: the file name). */
  readonly source?: string | undefined
}

/**
 * Import a CSV or XLSX file of observations (admins; the operator at the command line): every row is judged by the
 * value rule against the register, archived zones and indicators included, and against the clock; only when EVERY
 * row is valid are the values written (a value already stored for a key is replaced), in one transaction with the
 * record of the import and its audit entry. Any bad row: InputError "invalid_rows" listing every problem (row as the
 * spreadsheet shows it, column, value, code, both languages), and nothing is written.
 * @example const receipt = yield* importObservationFile(caller, { bytes, fileName: "yearbook.xlsx", format: "wide" })
 */
export const importObservationFile = (caller: Caller, req: ImportRequest) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const now = (yield* AppConfig).now()
    const table = yield* attempt(() => readTable(req.bytes, req.fileName))
    const [clusters, indicators] = yield* Effect.all([Clusters.list({ archived: "include" }), Indicators.list({ archived: "include" })])
    const check = validateObservationTable(table, { clusters, indicators }, { ...(req.format ? { format: req.format } : {}), now })
    if (!check.ok) return yield* Effect.fail(invalidRowsError(req.fileName, check.issues))
    const actor = auditName(who)
    const submittedAt = now.toISOString()
    const checksum = createHash("sha256").update(req.bytes).digest("hex")
    return yield* transaction(
      Effect.gen(function* () {
        yield* Observations.upsertMany(
          check.values.map((v) => ({
            target: { kind: "cluster" as const, id: v.cluster },
            period: v.period,
            indicator: v.indicator,
            value: v.value,
            source: v.source ?? req.source ?? req.fileName,
            submitter: actor,
            submittedAt,
            note: v.note,
            isDemo: false,
          })),
        )
        const importId = yield* Imports.record({ fileName: req.fileName, format: check.format, rows: check.values.length, importedBy: actor, checksum })
        const receipt: ImportReceipt = { imported: check.values.length, file: req.fileName, format: check.format, importId }
        yield* Audit.record({ actor, entity: "import", entityId: String(importId), action: "import", before: null, after: receipt })
        return receipt
      }),
    )
  })
