import type { Db } from "../db/Db.js"

/** A request remembered under its Idempotency-Key: what it was (its hash) and what it was answered. */
export interface RememberedRequest {
  readonly operation: string
  readonly requestHash: string
  readonly response: unknown
}

/** How long a key is remembered (a Jiju default, as common HTTP APIs do). */
export const idempotencyHours = 24

/**
 * Idempotency keys per actor (migration 0430). `claim` takes a key inside the caller's transaction: when another
 * transaction holds or has committed the same key, it waits for it and then answers with what is remembered.
 *
 * @example
 * const keys = makeIdempotencyKeys(db)
 * const prior = await keys.find("token:tok_1", "c0ffee")
 */
export const makeIdempotencyKeys = (db: Db) => ({
  async find(actor: string, key: string): Promise<RememberedRequest | undefined> {
    const rows = await db.query<{ operation: string; request_hash: string; response: unknown }>(
      "select operation, request_hash, response from idempotency_keys where actor = $1 and key = $2 and created_at > now() - make_interval(hours => $3)",
      [actor, key, idempotencyHours],
    )
    const r = rows[0]
    return r
      ? { operation: r.operation, requestHash: r.request_hash, response: typeof r.response === "string" ? JSON.parse(r.response) : r.response }
      : undefined
  },

  /**
   * Take a key for a request (in a transaction): true when it is this request's now; false when it was already
   * taken (then {@link find} says by what). Keys older than {@link idempotencyHours} are forgotten first.
   */
  async claim(actor: string, key: string, operation: string, requestHash: string): Promise<boolean> {
    await db.query("delete from idempotency_keys where actor = $1 and key = $2 and created_at <= now() - make_interval(hours => $3)", [
      actor,
      key,
      idempotencyHours,
    ])
    const rows = await db.query(
      "insert into idempotency_keys (actor, key, operation, request_hash, response) values ($1, $2, $3, $4, 'null'::jsonb) on conflict (actor, key) do nothing returning key",
      [actor, key, operation, requestHash],
    )
    return rows.length > 0
  },

  /** Record the answer of a claimed key (in the same transaction as the write it answers for). */
  async answer(actor: string, key: string, response: unknown): Promise<void> {
    await db.query("update idempotency_keys set response = $3::jsonb where actor = $1 and key = $2", [actor, key, JSON.stringify(response)])
  },

  /** Forget keys past their time (any actor). */
  async purge(): Promise<number> {
    return (await db.query("delete from idempotency_keys where created_at <= now() - make_interval(hours => $1) returning key", [idempotencyHours])).length
  },
})
