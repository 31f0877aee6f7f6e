import { newId, newSecret, sha256 } from "./password.js"
import { type AuthSql, isoOrNull, jsonArray, type Principal, type Role } from "./Sql.js"

/** A bearer token's record (the secret itself is returned once, at creation). */
export interface TokenInfo {
  readonly id: string
  readonly name: string
  readonly role: Role
  readonly clusterIds: ReadonlyArray<string>
  readonly createdAt: string
  readonly revokedAt: string | null
  /** When the token stops working (null: never). */
  readonly expiresAt: string | null
}

/**
 * Bearer tokens for scripts and the CLI, stored as sha256 hashes.
 *
 * @example
 * const { token } = await makeTokens(sql).create({ role: "submitter", clusterIds: ["hb-qibin"] })
 */
export const makeTokens = (sql: AuthSql, now: () => Date = () => new Date()) => ({
  /** Mint a token; the secret ("jjt_…") is in the result and nowhere else. */
  async create(input: {
    role: Role
    clusterIds?: ReadonlyArray<string>
    name?: string
    userId?: string
    expiresAt?: Date | null
  }): Promise<TokenInfo & { readonly token: string }> {
    const token = newSecret("jjt")
    const id = newId("tok")
    const rows = await sql.query(
      `INSERT INTO app_tokens (id, token_hash, name, role, cluster_ids, user_id, expires_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING *`,
      [id, sha256(token), input.name ?? id, input.role, JSON.stringify(input.clusterIds ?? []), input.userId ?? null, input.expiresAt?.toISOString() ?? null],
    )
    const r = rows[0]!
    return { ...toInfo(r), token }
  },

  /** The principal behind a bearer token, or undefined when unknown, revoked or expired. */
  async resolve(token: string): Promise<Principal | undefined> {
    const rows = await sql.query("SELECT * FROM app_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)", [
      sha256(token),
      now().toISOString(),
    ])
    const r = rows[0]
    return r ? { kind: "token", id: String(r.id), name: String(r.name), role: r.role as Role, clusterIds: jsonArray(r.cluster_ids) } : undefined
  },

  async revoke(id: string): Promise<boolean> {
    const rows = await sql.query("UPDATE app_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id", [id])
    return rows.length > 0
  },

  async list(): Promise<ReadonlyArray<TokenInfo>> {
    return (await sql.query("SELECT * FROM app_tokens ORDER BY created_at")).map(toInfo)
  },
})

const toInfo = (r: Record<string, unknown>): TokenInfo => ({
  id: String(r.id),
  name: String(r.name),
  role: r.role as Role,
  clusterIds: jsonArray(r.cluster_ids),
  createdAt: isoOrNull(r.created_at)!,
  revokedAt: isoOrNull(r.revoked_at),
  expiresAt: isoOrNull(r.expires_at),
})

export type Tokens = ReturnType<typeof makeTokens>
