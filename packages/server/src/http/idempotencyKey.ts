import type { IdempotencyKey } from "@jiju/app"
import { InputError } from "@jiju/domain/model"
import type { Context } from "hono"

const KEY = /^[\x21-\x7e]{1,200}$/

/**
 * The request's Idempotency-Key header (IETF draft httpapi-idempotency-key-header), if any: 1–200 visible ASCII
 * characters, else InputError "bad_idempotency_key".
 * @example const idem = idempotencyKeyOf(c) // { key: "5f0c…" } or undefined
 */
export const idempotencyKeyOf = (c: Context): IdempotencyKey | undefined => {
  const key = c.req.header("idempotency-key")
  if (key === undefined) return undefined
  if (!KEY.test(key)) {
    const en = "Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID is a good choice)"
    const zh = "Idempotency-Key 须为 1 至 200 个可见 ASCII 字符（建议使用 UUID）"
    throw new InputError({ code: "bad_idempotency_key", message: en, zh, issues: [{ column: "Idempotency-Key", value: key.slice(0, 200), en, zh }] })
  }
  return { key }
}
