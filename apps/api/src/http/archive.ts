import type { Principal } from "@jiju/store"
import { type ArchivableTable, archiveState, type Db } from "@jiju/store"
import { Schema } from "effect"
import { type Context, Hono } from "hono"
import { actorOf, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"
import type { AppEnv } from "./env.js"
import { checkIfMatch, etagOf } from "./etag.js"
import { problems } from "./problem.js"

/** The `archived` query of a register list: "exclude" (default), "include" or "only" archived entries. */
export const ArchivedQuery = { archived: Schema.optional(Schema.Literals(["exclude", "include", "only"])) }

/**
 * `archivedAt` as a PUT or POST body may carry it (a client sends back what it read); ignored, since the
 * archive state changes only through the archive endpoints.
 */
export const ArchivedAtField = { archivedAt: Schema.optional(Schema.NullOr(Schema.String)) }

/** A register entry as the API shows it: the domain value and when it was archived (null: it is not). */
export type Shown<T> = T & { readonly archivedAt: string | null }

/**
 * The entries of a list with their archive state, filtered by the `archived` query.
 * @example const shown = await withArchiveStates(s.db, "regions", regions, (r) => r.code, q.archived)
 */
export const withArchiveStates = async <T extends object>(
  db: Db,
  table: ArchivableTable,
  items: ReadonlyArray<T>,
  code: (t: T) => string,
  which: "exclude" | "include" | "only" = "exclude",
): Promise<Array<Shown<T>>> => {
  const archived = await archiveState(db, table).archived()
  return items
    .map((t) => ({ ...t, archivedAt: archived.get(code(t)) ?? null }))
    .filter((t) => (which === "include" ? true : which === "only" ? t.archivedAt !== null : t.archivedAt === null))
}

/** One entry with its archive state, or undefined when there is none. */
export const shownEntry = async <T extends object>(
  db: Db,
  table: ArchivableTable,
  code: string,
  get: (code: string) => Promise<T | undefined>,
): Promise<Shown<T> | undefined> => {
  const [value, archivedAt] = await Promise.all([get(code), archiveState(db, table).archivedAt(code)])
  return value === undefined || archivedAt === undefined ? undefined : { ...value, archivedAt }
}

/** Which register table an entry lives in, and how to read it inside a transaction. */
export interface EntrySpec<T extends object> {
  readonly table: ArchivableTable
  readonly entity: "region" | "indicator"
  readonly get: (db: Db, code: string) => Promise<T | undefined>
}

/**
 * Change one entry under If-Match, in one transaction: lock its row (two concurrent changes cannot both pass
 * the check), compare the caller's If-Match with the ETag of the entry as shown, apply the change, audit it.
 * @example const shown = await guardedChange(s, c, who, regionSpec, code, "update", async (tx, before) => …)
 */
export const guardedChange = <T extends object>(
  s: Services,
  c: Context<AppEnv>,
  who: Principal,
  spec: EntrySpec<T>,
  code: string,
  action: string,
  apply: (tx: Db, before: Shown<T>) => Promise<{ readonly shown: Shown<T>; readonly before: unknown; readonly after: unknown }>,
): Promise<Shown<T>> =>
  s.db.transaction(async (tx) => {
    await tx.query(`select code from ${spec.table} where code = $1 for update`, [code])
    const before = await shownEntry(tx, spec.table, code, (k) => spec.get(tx, k))
    if (!before) throw problems.notFound(spec.entity, code)
    checkIfMatch(c, etagOf(before))
    const r = await apply(tx, before)
    await s.audit.record(tx, { actor: actorOf(who), entity: spec.entity, entityId: code, action, before: r.before, after: r.after })
    return r.shown
  })

/**
 * POST /:code/archive and /:code/unarchive for regions or indicators: admins only, If-Match on the
 * entry's ETag, audited with the state before and after. The entry and what refers to it are kept.
 * @example app.route("/v1/regions", archiveRoutes(s, { table: "regions", entity: "region", get: (db, code) => regionRepo(db).get(code) }))
 */
export const archiveRoutes = <T extends object>(
  s: Services,
  spec: EntrySpec<T> & {
    /** Called after a change (e.g. to drop a cache). */
    readonly onChange?: () => void
  },
): Hono<AppEnv> => {
  const change = (archive: boolean) => async (c: Context<AppEnv>) => {
    const who = requireRole(c, "admin")
    const code = c.req.param("code") ?? ""
    const shown = await guardedChange(s, c, who, spec, code, archive ? "archive" : "unarchive", async (tx, before) => {
      const archivedAt = (await archiveState(tx, spec.table).set(code, archive)) ?? null
      return { shown: { ...before, archivedAt }, before: { archivedAt: before.archivedAt }, after: { archivedAt } }
    })
    spec.onChange?.()
    c.header("ETag", etagOf(shown))
    return c.json(shown)
  }
  return new Hono<AppEnv>().post("/:code/archive", change(true)).post("/:code/unarchive", change(false))
}
