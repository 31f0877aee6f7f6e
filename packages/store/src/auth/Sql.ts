import type { Db } from "../db/Db.js"

/** The database handle the account, token, audit and job repositories use (the store's {@link Db}). */
export type AuthSql = Db

/** The roles of the HTTP API: admin (everything), submitter (its own clusters' data), viewer (read). */
export type Role = "admin" | "submitter" | "viewer"

/** The three roles, for validation. */
export const roles: ReadonlyArray<Role> = ["admin", "submitter", "viewer"]

/** Who is acting: a user or a token, with the role and (for submitters) the clusters it may write. */
export interface Principal {
  readonly kind: "user" | "token"
  readonly id: string
  readonly name: string
  readonly role: Role
  readonly clusterIds: ReadonlyArray<string>
}

/** A jsonb array of strings as either driver returns it. */
export const jsonArray = (v: unknown): ReadonlyArray<string> => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? (JSON.parse(v) as string[]) : [])

/** A timestamp column as ISO 8601 text (null stays null). */
export const isoOrNull = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString())
