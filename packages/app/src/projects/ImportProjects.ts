/**
 * The imports of the project register: a CSV or XLSX table of projects, and one of weekly reports. Both are all or
 * nothing: every row is judged by the domain's table rules first, and only a file without a bad row is written, in
 * one transaction with its import record and audit entry.
 */

import { createHash } from "node:crypto"
import { invalidRowsError } from "@jiju/domain/intake"
import { readTable } from "@jiju/domain/io"
import { beijingDate, emptyFile, type StoredWeeklyReport, validateProjectTable, validateReportTable } from "@jiju/domain/projects"
import { Audit, Clusters, Firms, Imports, Projects, transaction, WeeklyReports, ZoneAreas } from "@jiju/store"
import * as Effect from "effect/Effect"
import { type Actor, auditName, type Caller, mayWriteZone, requireRole } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { attempt } from "../Attempt.js"
import { Forbidden } from "../Failure.js"

/** A table file to import: its bytes and name (the extension picks the reader). */
export interface RegisterFile {
  readonly bytes: Uint8Array
  readonly fileName: string
}

/** What an import of the register wrote. */
export interface RegisterImportReceipt {
  readonly imported: number
  readonly file: string
  readonly importId: number
}

// A committee imports its own zones' rows only: the zones of the other rows are named.
const ownRows = (who: Actor, clusters: ReadonlyArray<string>) => {
  const others = [...new Set(clusters.filter((c) => !mayWriteZone(who, c)))].sort()
  return others.length === 0
    ? Effect.void
    : Effect.fail(
        new Forbidden({
          code: "other_cluster",
          en: `the file has rows of ${others.join(", ")}; you may write only ${who.clusterIds.join(", ") || "no zone"}`,
          zh: `文件含 ${others.join("、")} 的行；您只能填报 ${who.clusterIds.join("、") || "（无）"}`,
        }),
      )
}

/**
 * Import a table of projects (admins, or a committee for its own zones' rows): each row is read into a project entry
 * and judged by the one project check (zone, sub-area admission rules, firm, investment, status history); an id
 * already registered or given twice is refused. Any bad row: InputError "invalid_rows" listing every problem (row as
 * the spreadsheet shows it, column, value, code, both languages) and nothing is written.
 * @example const receipt = yield* importProjectFile(caller, { bytes, fileName: "projects.xlsx" })
 */
export const importProjectFile = (caller: Caller, req: RegisterFile) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin", "submitter")
    const now = (yield* AppConfig).now()
    const table = yield* attempt(() => readTable(req.bytes, req.fileName))
    const actor = auditName(who)
    return yield* transaction(
      Effect.gen(function* () {
        const [clusters, areas, firms, existing] = yield* Effect.all([Clusters.list({ archived: "include" }), ZoneAreas.list(), Firms.list(), Projects.list()])
        const check = validateProjectTable(table, { clusters, areas, firms, projectIds: existing.map((p) => p.id) }, beijingDate(now))
        if (!check.ok) return yield* Effect.fail(invalidRowsError(req.fileName, check.issues))
        yield* ownRows(
          who,
          check.projects.map((p) => p.entry.cluster),
        )
        const recordedAt = now.toISOString()
        yield* Projects.insertMany(
          check.projects.map(({ entry, admission }) => {
            const { history, ...fields } = entry
            return {
              ...fields,
              nameEn: entry.nameEn,
              history: history.map((h) => ({ status: h.status, on: h.on, note: h.note ?? null, recordedBy: actor, recordedAt })),
              status: history[history.length - 1]!.status,
              documents: emptyFile(),
              admission,
            }
          }),
        )
        const checksum = createHash("sha256").update(req.bytes).digest("hex")
        const importId = yield* Imports.record({ fileName: req.fileName, format: "projects", rows: check.projects.length, importedBy: actor, checksum })
        const receipt: RegisterImportReceipt = { imported: check.projects.length, file: req.fileName, importId }
        yield* Audit.record({
          actor,
          entity: "import",
          entityId: String(importId),
          action: "import_projects",
          before: null,
          after: { ...receipt, projects: check.projects.map((p) => p.entry.id) },
        })
        return receipt
      }),
    )
  })

/**
 * Import a table of weekly reports (admins, or a committee for its own zones' projects): every row is judged by the
 * one report rule against its project's dates and reports (stored ones and the file's own); a week already filed is
 * corrected (its first filing time kept, its revision raised). All or nothing, as {@link importProjectFile}.
 * @example const receipt = yield* importReportFile(caller, { bytes, fileName: "weekly-2025-W10.csv" })
 */
export const importReportFile = (caller: Caller, req: RegisterFile) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin", "submitter")
    const now = (yield* AppConfig).now()
    const table = yield* attempt(() => readTable(req.bytes, req.fileName))
    const actor = auditName(who)
    return yield* transaction(
      Effect.gen(function* () {
        const [projects, stored] = yield* Effect.all([Projects.list(), WeeklyReports.list()])
        const byProject = new Map<string, Array<(typeof stored)[number]>>()
        for (const r of stored) byProject.set(r.project, [...(byProject.get(r.project) ?? []), r])
        const check = validateReportTable(
          table,
          projects.map((p) => ({ id: p.id, cluster: p.cluster, milestones: p.milestones, reports: byProject.get(p.id) ?? [] })),
          now,
          beijingDate(now),
        )
        if (!check.ok) return yield* Effect.fail(invalidRowsError(req.fileName, check.issues))
        yield* ownRows(
          who,
          check.reports.map((r) => r.cluster),
        )
        const at = now.toISOString()
        const previous = new Map(stored.map((r) => [`${r.project}|${r.week}`, r]))
        yield* WeeklyReports.upsertMany(
          check.reports.map((r) => {
            const before = previous.get(`${r.project}|${r.report.week}`)
            return {
              ...r.report,
              project: r.project,
              cluster: r.cluster as StoredWeeklyReport["cluster"],
              submittedBy: actor,
              firstSubmittedAt: before?.firstSubmittedAt ?? r.submittedAt ?? at,
              submittedAt: r.submittedAt ?? at,
              revision: (before?.revision ?? 0) + 1,
              isDemo: false,
            }
          }),
        )
        const checksum = createHash("sha256").update(req.bytes).digest("hex")
        const importId = yield* Imports.record({ fileName: req.fileName, format: "weekly_reports", rows: check.reports.length, importedBy: actor, checksum })
        const receipt: RegisterImportReceipt = { imported: check.reports.length, file: req.fileName, importId }
        yield* Audit.record({ actor, entity: "import", entityId: String(importId), action: "import_weekly_reports", before: null, after: receipt })
        return receipt
      }),
    )
  })
