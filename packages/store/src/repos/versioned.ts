import { InputError } from "@jiju/domain/model"
import type { Db } from "../db/Db.js"
import { auditRepo } from "./audit.js"

/** A register table whose entries carry a version and an archive state: regions, indicators, clusters. */
export interface VersionedTable<T extends { readonly version: number }> {
  readonly table: "regions" | "indicators" | "clusters"
  /** The key column ("code" or "id"). */
  readonly key: "code" | "id"
  /** The audit log's entity name. */
  readonly entity: "region" | "indicator" | "cluster"
  /** Chinese name of an entry, for messages. */
  readonly zh: string
  /** Read one entry (inside the transaction when given one). */
  readonly get: (db: Db, key: string) => Promise<T | undefined>
}

/** InputError "not_found" for an entry the table lacks. */
export const entryNotFound = (t: Pick<VersionedTable<never>, "entity" | "key" | "zh">, key: string): InputError => {
  const en = `no ${t.entity} with ${t.key} "${key}"`
  const zh = `没有${t.key === "code" ? "代码" : "编号"}为“${key}”的${t.zh}`
  return new InputError({ code: "not_found", message: en, zh, issues: [{ column: t.key, value: key, en, zh }] })
}

/** InputError "version_conflict": someone saved first; the caller reads again. */
export const staleVersion = (t: Pick<VersionedTable<never>, "entity" | "zh">, key: string, expected: number, actual: number): InputError => {
  const en = `${t.entity} "${key}" was changed by someone else (version ${actual}, you edited version ${expected}); reload and try again`
  const zh = `${t.zh}“${key}”已被他人修改（当前版本 ${actual}，您编辑的是版本 ${expected}）；请刷新后重试`
  // The issue carries the current version: the caller answers with the entry's ETag now.
  return new InputError({ code: "version_conflict", message: en, zh, issues: [{ column: "version", value: actual, en, zh }] })
}

/**
 * Change one entry of a versioned register table: in one transaction, lock its row, check that its version is
 * the one the caller read, apply the change, raise the version, and write the audit entry with the images
 * before and after. The one mechanism behind every replace, archive and unarchive of the register.
 * @example await versionedChange(db, regionTable, "410000", 3, "user:admin", "archive", (tx) => tx.query(…))
 */
export const versionedChange = <T extends { readonly version: number }>(
  db: Db,
  t: VersionedTable<T>,
  key: string,
  expectedVersion: number,
  actor: string,
  action: string,
  change: (tx: Db, before: T) => Promise<void>,
): Promise<T> =>
  db.transaction(async (tx) => {
    await tx.query(`select 1 from ${t.table} where ${t.key} = $1 for update`, [key])
    const before = await t.get(tx, key)
    if (!before) throw entryNotFound(t, key)
    if (before.version !== expectedVersion) throw staleVersion(t, key, expectedVersion, before.version)
    await change(tx, before)
    await tx.query(`update ${t.table} set version = version + 1, updated_at = now() where ${t.key} = $1`, [key])
    const after = (await t.get(tx, key))!
    await auditRepo(tx).record({ actor, entity: t.entity, entityId: key, action, before, after })
    return after
  })

/**
 * Archive (true) or bring back (false) an entry under the same rule as any change. Archiving keeps the entry and
 * what refers to it; archiving an archived entry keeps its first date.
 * @example await setArchived(db, clusterTable, "hb-qibin", 2, true, "user:admin")
 */
export const setArchived = <T extends { readonly version: number }>(
  db: Db,
  t: VersionedTable<T>,
  key: string,
  expectedVersion: number,
  archived: boolean,
  actor: string,
): Promise<T> =>
  versionedChange(db, t, key, expectedVersion, actor, archived ? "archive" : "unarchive", async (tx) => {
    await tx.query(`update ${t.table} set archived_at = ${archived ? "coalesce(archived_at, now())" : "null"} where ${t.key} = $1`, [key])
  })

/** The SQL condition of a list's `archived` filter: exclude (default), include or only archived entries. */
export const archivedClause = (which: "exclude" | "include" | "only" | undefined, alias = ""): string =>
  which === "include" ? "true" : which === "only" ? `${alias}archived_at is not null` : `${alias}archived_at is null`
