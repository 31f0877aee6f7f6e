/** Idempotency-Key: a write retried with the same key is answered as the first time, and nothing is written twice. */

import { createHash } from "node:crypto"
import { InputError } from "@jiju/domain/model"
import { IdempotencyKeys } from "@jiju/store"
import * as Effect from "effect/Effect"

/** A client's key for one logical write, and what identifies the request it came with. */
export interface IdempotencyKey {
  readonly key: string
}

/**
 * The hash that identifies a request: the operation and everything that decides its effect.
 * @example requestHash("submitPeriod", ["hb-qibin", { period: "2024", values: { revenue: 1 } }])
 */
export const requestHash = (operation: string, parts: unknown): string =>
  createHash("sha256")
    .update(JSON.stringify([operation, parts]))
    .digest("hex")

const replays = new WeakSet<object>()

/**
 * Whether an answer is the remembered answer of an earlier request with the same key (the HTTP adapter then says so
 * in `Idempotent-Replayed: true`).
 * @example if (wasReplayed(receipt)) headers["Idempotent-Replayed"] = "true"
 */
export const wasReplayed = (answer: unknown): boolean => typeof answer === "object" && answer !== null && replays.has(answer)

const reused = (key: string) => {
  const en = `the Idempotency-Key "${key}" was used for another request; use a new key for a new request`
  const zh = `幂等键“${key}”已用于另一请求；新请求请使用新的键`
  return new InputError({ code: "idempotency_key_reused", message: en, zh, issues: [{ column: "Idempotency-Key", value: key, en, zh }] })
}

/**
 * The remembered answer for this actor's key, if the key was used: the same request gets the answer back; another
 * request is refused with InputError "idempotency_key_reused".
 * @example const prior = yield* remembered("token:tok_1", { key: "k1" }, "submitPeriod", hash)
 */
export const remembered = <A>(actor: string, idem: IdempotencyKey, operation: string, hash: string) =>
  Effect.gen(function* () {
    const prior = yield* IdempotencyKeys.find(actor, idem.key)
    if (!prior) return undefined
    if (prior.operation !== operation || prior.requestHash !== hash) return yield* Effect.fail(reused(idem.key))
    const answer = prior.response as A & object
    replays.add(answer)
    return answer
  })

/**
 * Take the key for this request inside the caller's transaction (waiting for a concurrent request with the same key
 * to finish): undefined when it is ours to answer, or the remembered answer.
 * @example const prior = yield* claimKey(actor, idem, "importObservations", hash)
 */
export const claimKey = <A>(actor: string, idem: IdempotencyKey, operation: string, hash: string) =>
  Effect.gen(function* () {
    if (yield* IdempotencyKeys.claim(actor, idem.key, operation, hash)) return undefined
    const prior = yield* remembered<A>(actor, idem, operation, hash)
    if (prior === undefined) return yield* Effect.fail(reused(idem.key))
    return prior
  })
