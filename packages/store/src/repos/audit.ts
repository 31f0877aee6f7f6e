import type { AuditEntry } from "@jiju/domain/contract"
import type { Db } from "../db/Db.js"

/** One entry of the audit trail (the contract's document, so that the two cannot drift). */
export type { AuditEntry }

/** The audit trail: who changed which register entry, with before and after images. */
export interface AuditRepo {
  /** Record one change (build the repository on the transaction that makes it). */
  record(e: { actor: string; entity: string; entityId: string; action: string; before: unknown; after: unknown }): Promise<void>
  /** The history of one entity, oldest first. */
  history(entity: string, entityId: string): Promise<ReadonlyArray<AuditEntry>>
}

/** ISO 8601 text of a timestamp as either driver returns it. */
export const isoTime = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString())

/** Build the audit repository over a database handle. */
export const auditRepo = (db: Db): AuditRepo => ({
  record: async (e) => {
    await db.query("insert into audit_log (actor, entity, entity_id, action, before, after) values ($1, $2, $3, $4, $5::jsonb, $6::jsonb)", [
      e.actor,
      e.entity,
      e.entityId,
      e.action,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ])
  },
  history: async (entity, entityId) =>
    (
      await db.query("select id, actor, at, entity, entity_id, action, before, after from audit_log where entity = $1 and entity_id = $2 order by id", [
        entity,
        entityId,
      ])
    ).map((r) => ({
      id: Number(r.id),
      actor: String(r.actor),
      at: isoTime(r.at),
      entity: String(r.entity),
      entityId: String(r.entity_id),
      action: String(r.action),
      before: r.before ?? null,
      after: r.after ?? null,
    })),
})
