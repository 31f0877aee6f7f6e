/**
 * Use cases of the project register (项目库, seed 002 篇5 三/篇7): list and read projects, enter one against its
 * sub-area's admission rules, record a status step, update one approval of its file. Submitters read and write
 * their own zones' projects only; viewers read every zone; admins everything.
 */

import { InputError, type Issue } from "@jiju/domain/model"
import {
  beijingDate,
  checkProjectEntry,
  type DocumentChange,
  type DocumentKind,
  emptyFile,
  investorStanding,
  type ProjectEntry,
  type ProjectStatus,
  type ProjectType,
  type StatusChange,
  type StoredFirm,
  type StoredProject,
  statusHistoryProblems,
} from "@jiju/domain/projects"
import { Audit, Clusters, Firms, type ProjectRow, Projects, transaction, ZoneAreas } from "@jiju/store"
import * as Effect from "effect/Effect"
import { type Actor, auditName, type Caller, mayReadZone, requireRole, requireZoneRead, requireZoneWrite } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { Conflict, notFound } from "../Failure.js"
import { type PageRequest, paginate } from "../Paging.js"

/** Filters of the project list. */
export interface ProjectQuery {
  readonly cluster?: string | undefined
  readonly area?: string | undefined
  readonly status?: ProjectStatus | undefined
  readonly type?: ProjectType | undefined
  readonly firm?: string | undefined
}

/**
 * The zones an actor may read, as a filter: undefined for every zone.
 * @example readableZones(operator("me"), undefined) // undefined
 */
export const readableZones = (who: Actor, cluster: string | undefined): ReadonlyArray<string> | undefined => {
  if (who.role !== "submitter") return cluster === undefined ? undefined : [cluster]
  return cluster === undefined ? who.clusterIds : who.clusterIds.filter((c) => c === cluster)
}

/** A stored project with its investor's standing read from the enterprise register. */
const withStanding = (rows: ReadonlyArray<ProjectRow>) =>
  Effect.gen(function* () {
    const ids = [...new Set(rows.map((r) => r.firm).filter((f): f is string => f !== null))]
    const firms = new Map<string, StoredFirm | undefined>()
    for (const id of ids) firms.set(id, yield* Firms.get(id))
    return rows.map((r): StoredProject => ({ ...r, investorStanding: investorStanding(r.firm === null ? undefined : firms.get(r.firm)) }))
  })

/**
 * A page of projects (any signed-in role; a submitter sees its own zones' only), filtered by zone, sub-area, status,
 * type or investor firm.
 * @example const page = yield* listProjects(caller, { cluster: "hb-liyang", status: "stalled", limit: 20 })
 */
export const listProjects = (caller: Caller, q: ProjectQuery & PageRequest) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller)
    const clusters = readableZones(who, q.cluster)
    const rows = yield* Projects.list({
      ...(clusters ? { clusters } : {}),
      ...(q.area ? { area: q.area } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.firm ? { firm: q.firm } : {}),
    })
    const page = paginate(rows, q, {
      id: (p) => p.id,
      text: (p) => [p.id, p.name, p.nameEn, p.investor, p.industry],
      fields: ["id", "name", "cluster", "status", "fixedInvestment", "totalInvestment", "land", "createdAt"],
    })
    return { ...page, items: yield* withStanding(page.items) }
  })

const readProject = (who: Actor | undefined, id: string) =>
  Effect.gen(function* () {
    const row = yield* Projects.get(id)
    // A submitter asking for another zone's project learns nothing of it.
    if (!row || (who && !mayReadZone(who, row.cluster))) return yield* Effect.fail(notFound("project", id))
    return row
  })

/**
 * One project with its file and status history (any signed-in role; a submitter its own zones' only: NotFound
 * otherwise).
 * @example const p = yield* getProject(caller, "hb-liyang-2025-001")
 */
export const getProject = (caller: Caller, id: string) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller)
    const row = yield* readProject(who, id)
    return (yield* withStanding([row]))[0]!
  })

const invalid = (code: string, issues: ReadonlyArray<Issue>) =>
  new InputError({
    code,
    message: issues.map((i) => i.en).join("; "),
    zh: issues.map((i) => i.zh).join("；"),
    issues: issues.map((i) => ({ ...(i.code ? { code: i.code } : {}), ...(i.column ? { column: i.column } : {}), value: i.value, en: i.en, zh: i.zh })),
  })

/** The register a project entry is checked against, read on the current connection. */
const registerFor = (cluster: string, firm: string | null) =>
  Effect.gen(function* () {
    const zone = yield* Clusters.get(cluster)
    const areas = zone ? yield* ZoneAreas.list(cluster) : []
    const firmKnown = firm === null ? false : (yield* Firms.get(firm)) !== undefined
    return {
      zone: (id: string) => (zone && zone.id === id ? { id: zone.id, archivedAt: zone.archivedAt } : undefined),
      areas: () => areas,
      hasFirm: (id: string) => id === firm && firmKnown,
    }
  })

/**
 * Enter a project (admins, or a submitter for its own zone), checked against its sub-area's admission rules (a
 * required rule broken is an InputError "invalid_project" naming the rule's source; advisory ones are kept in
 * `admission`), its status history and the register; written with an empty file and its audit entry, in one
 * transaction. Conflict "duplicate_id" when the id is taken.
 * @example const p = yield* createProject(caller, entry)
 */
export const createProject = (caller: Caller, entry: ProjectEntry) =>
  Effect.gen(function* () {
    const who = yield* requireZoneWrite(caller, entry.cluster)
    const now = (yield* AppConfig).now()
    const row = yield* transaction(
      Effect.gen(function* () {
        if (yield* Projects.lock(entry.id))
          return yield* Effect.fail(
            new Conflict({ code: "duplicate_id", en: `a project "${entry.id}" is already registered`, zh: `项目编号“${entry.id}”已存在` }),
          )
        const check = checkProjectEntry(entry, yield* registerFor(entry.cluster, entry.firm), beijingDate(now))
        if (check.issues.length > 0) return yield* Effect.fail(invalid("invalid_project", check.issues))
        const { history, ...fields } = entry
        const recordedAt = now.toISOString()
        const created = yield* Projects.insert({
          ...fields,
          nameEn: entry.nameEn,
          history: history.map((h) => ({ status: h.status, on: h.on, note: h.note ?? null, recordedBy: auditName(who), recordedAt })),
          status: history[history.length - 1]!.status,
          documents: emptyFile(),
          admission: check.admission,
        } as Parameters<typeof Projects.insert>[0])
        yield* Audit.record({ actor: auditName(who), entity: "project", entityId: entry.id, action: "create", before: null, after: created })
        return created
      }),
    )
    return (yield* withStanding([row]))[0]!
  })

/** Lock a project for a change by `caller`: NotFound when unknown or of a zone it may not read, Forbidden when it may not write it. */
const lockForChange = (caller: Caller, id: string) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin", "submitter")
    const row = yield* Projects.lock(id)
    if (!row || !mayReadZone(who, row.cluster)) return yield* Effect.fail(notFound("project", id))
    yield* requireZoneWrite(who, row.cluster)
    return { who, row }
  })

/**
 * Record the next step of a project's status (开工, 投产, 停滞, 土地收回 …) with its date (admins, or a submitter for
 * its own zone), checked with the whole history (order, dates not in the future); audited.
 * @example yield* recordProjectStatus(caller, "hb-liyang-2025-001", { status: "started", on: "2025-04-01" })
 */
export const recordProjectStatus = (caller: Caller, id: string, change: StatusChange) =>
  Effect.gen(function* () {
    const now = (yield* AppConfig).now()
    const row = yield* transaction(
      Effect.gen(function* () {
        const { who, row } = yield* lockForChange(caller, id)
        const steps = [...row.history.map((h) => ({ status: h.status, on: h.on })), { status: change.status, on: change.on }]
        const last = `history.${steps.length - 1}.`
        // The body holds the new step only: its problems are named by the body's fields.
        const issues = statusHistoryProblems(steps, beijingDate(now)).map((i) =>
          i.column?.startsWith(last) ? { ...i, column: i.column.slice(last.length) } : i,
        )
        if (issues.length > 0) return yield* Effect.fail(invalid("invalid_status", issues))
        const event = { status: change.status, on: change.on, note: change.note ?? null, recordedBy: auditName(who), recordedAt: now.toISOString() }
        const saved = yield* Projects.save({ ...row, history: [...row.history, event], status: change.status })
        yield* Audit.record({ actor: auditName(who), entity: "project", entityId: id, action: "status", before: { status: row.status }, after: event })
        return saved
      }),
    )
    return (yield* withStanding([row]))[0]!
  })

/**
 * Update one approval of a project's file (档案: 立项/备案, 环评, 用地, 规划, 施工许可), admins or a submitter for its
 * own zone; audited with both images of the approval.
 * @example yield* updateProjectDocument(caller, "hb-liyang-2025-001", "environmental_assessment", { state: "approved", on: "2025-03-02" })
 */
export const updateProjectDocument = (caller: Caller, id: string, kind: DocumentKind, change: DocumentChange) =>
  Effect.gen(function* () {
    const now = (yield* AppConfig).now()
    const row = yield* transaction(
      Effect.gen(function* () {
        const { who, row } = yield* lockForChange(caller, id)
        if (change.on != null && change.on > beijingDate(now))
          return yield* Effect.fail(
            invalid("invalid_document", [
              { code: "future_date", row: null, column: "on", value: change.on, en: `${change.on} is in the future`, zh: `${change.on} 晚于今天` },
            ]),
          )
        const before = row.documents.find((d) => d.kind === kind)!
        const after = {
          kind,
          state: change.state,
          reference: change.reference === undefined ? before.reference : change.reference,
          authority: change.authority === undefined ? before.authority : change.authority,
          on: change.on === undefined ? before.on : change.on,
          note: change.note === undefined ? before.note : change.note,
        }
        const saved = yield* Projects.save({ ...row, documents: row.documents.map((d) => (d.kind === kind ? after : d)) })
        yield* Audit.record({ actor: auditName(who), entity: "project", entityId: id, action: `document:${kind}`, before, after })
        return saved
      }),
    )
    return (yield* withStanding([row]))[0]!
  })

/**
 * The audit trail of a project, oldest first (any role that may read it).
 * @example const { items } = yield* projectHistory(caller, "hb-liyang-2025-001")
 */
export const projectHistory = (caller: Caller, id: string) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller)
    const row = yield* readProject(who, id)
    yield* requireZoneRead(who, row.cluster)
    return { items: yield* Audit.history("project", id) }
  })
