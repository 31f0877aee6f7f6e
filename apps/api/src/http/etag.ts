import { createHash } from "node:crypto"
import type { Context } from "hono"
import { problems } from "./problem.js"

/** The ETag of a versioned record ("3") or of any JSON value (a short content hash). */
export const etagOf = (value: { version: number } | unknown): string =>
  typeof value === "object" && value !== null && "version" in value && typeof (value as { version: unknown }).version === "number"
    ? `"v${(value as { version: number }).version}"`
    : `"h${createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 16)}"`

/**
 * The If-Match precondition: 428 when absent, 412 when it names another version. Returns the
 * version number for versioned records.
 */
export const checkIfMatch = (c: Context, current: string): void => {
  const sent = c.req.header("if-match")
  if (!sent) throw problems.preconditionRequired()
  const tags = sent.split(",").map((t) => t.trim().replace(/^W\//, ""))
  if (!tags.includes("*") && !tags.includes(current)) throw problems.preconditionFailed(current)
}

/** The version number an If-Match header names ("v3" → 3), for repositories that compare versions themselves. */
export const versionFromIfMatch = (c: Context): number => {
  const sent = c.req.header("if-match")
  if (!sent) throw problems.preconditionRequired()
  const m = sent
    .trim()
    .replace(/^W\//, "")
    .match(/^"v(\d+)"$/)
  if (!m) throw problems.preconditionFailed('(a version tag like "v3")')
  return Number(m[1])
}
