import { hashPassword, newId, newSecret, sha256, verifyPassword } from "./password.js"
import { type AuthSql, isoOrNull, jsonArray, type Principal, type Role } from "./Sql.js"

/** An account as the API shows it (never the hash). */
export interface User {
  readonly id: string
  readonly name: string
  readonly role: Role
  readonly clusterIds: ReadonlyArray<string>
  readonly isDemo: boolean
  readonly createdAt: string
  readonly lockedUntil: string | null
}

/**
 * Sign-in backoff (a Jiju default, outside the documents; after OWASP ASVS 4 §2.2.1): counted per name and address.
 * After `attempts` failures from one address on one name, that pair waits 1, 2, 4, 8 then at most `maxMinutes`
 * minutes after each further failure. Another address is not affected, so an attacker cannot lock the admin out;
 * `jiju user unlock` clears a name at once.
 */
export const backoff = { attempts: 5, maxMinutes: 15, forgetAfterHours: 24 } as const

/** How long a (name, address) pair waits after its `failures`-th failure (0 below the threshold). */
export const backoffMinutes = (failures: number): number => (failures < backoff.attempts ? 0 : Math.min(backoff.maxMinutes, 2 ** (failures - backoff.attempts)))

/** Sessions last this long unless the user logs out. */
export const sessionHours = 12

/** An open session as an administrator sees it. */
export interface SessionInfo {
  readonly id: string
  readonly createdAt: string
  readonly expiresAt: string
}

// locked_until: the latest moment an address must still wait before signing in with this name ($1 is now).
const selectUsers = `SELECT u.*, (SELECT max(f.blocked_until) FROM sign_in_failures f WHERE f.name = u.name AND f.blocked_until > $1) AS locked_until
  FROM app_users u`

const toUser = (r: Record<string, unknown>): User => ({
  id: String(r.id),
  name: String(r.name),
  role: r.role as Role,
  clusterIds: jsonArray(r.cluster_ids),
  isDemo: Boolean(r.is_demo),
  createdAt: isoOrNull(r.created_at)!,
  lockedUntil: isoOrNull(r.locked_until),
})

/** What a login attempt came to. */
export type LoginOutcome =
  | { readonly ok: true; readonly user: User; readonly session: string; readonly expiresAt: Date }
  | { readonly ok: false; readonly reason: "bad_credentials" }
  | { readonly ok: false; readonly reason: "throttled"; readonly until: Date }

/**
 * Accounts, logins with lock-out, and cookie sessions.
 *
 * @example
 * const users = makeUsers(sql)
 * await users.create({ name: "zhang", role: "viewer", password: "long-enough" })
 */
export const makeUsers = (sql: AuthSql, now: () => Date = () => new Date()) => ({
  /** Create an account; the password is hashed with scrypt and a per-user salt. */
  async create(input: { name: string; role: Role; password: string; clusterIds?: ReadonlyArray<string>; isDemo?: boolean }): Promise<User> {
    const hash = await hashPassword(input.password)
    const rows = await sql.query(
      `INSERT INTO app_users (id, name, role, cluster_ids, password_hash, is_demo)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING *`,
      [newId("usr"), input.name, input.role, JSON.stringify(input.clusterIds ?? []), hash, input.isDemo ?? false],
    )
    return toUser(rows[0]!)
  },

  async byName(name: string): Promise<User | undefined> {
    const rows = await sql.query(`${selectUsers} WHERE u.name = $2 AND u.disabled_at IS NULL`, [now().toISOString(), name])
    return rows[0] ? toUser(rows[0]) : undefined
  },

  async list(): Promise<ReadonlyArray<User>> {
    return (await sql.query(`${selectUsers} WHERE u.disabled_at IS NULL ORDER BY u.name`, [now().toISOString()])).map(toUser)
  },

  async count(): Promise<number> {
    const rows = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM app_users")
    return Number(rows[0]?.n ?? 0)
  },

  /**
   * Check a name and password from an address. A (name, address) pair past its failures waits (see {@link backoff});
   * while it waits even the right password is refused from that address. Unknown names are counted and answered
   * exactly like known ones. A success clears the pair, opens a session and purges expired sessions.
   */
  async login(name: string, password: string, address = "unknown"): Promise<LoginOutcome> {
    const t = now()
    const blocked = await sql.query<{ blocked_until: unknown }>(
      "SELECT blocked_until FROM sign_in_failures WHERE name = $1 AND address = $2 AND blocked_until > $3",
      [name, address, t.toISOString()],
    )
    if (blocked[0]) return { ok: false, reason: "throttled", until: new Date(blocked[0].blocked_until as string) }
    const rows = await sql.query("SELECT * FROM app_users WHERE name = $1 AND disabled_at IS NULL", [name])
    const row = rows[0]
    // An unknown name spends the same time as a real check, so that names cannot be probed by timing either.
    const good = row ? await verifyPassword(password, String(row.password_hash)) : (await verifyPassword(password, await dummyHash())) && false
    if (!good) {
      // One statement, so that concurrent failures all count.
      const updated = await sql.query<{ failures: number }>(
        `INSERT INTO sign_in_failures (name, address, failures, last_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (name, address) DO UPDATE SET failures = sign_in_failures.failures + 1, last_at = $3
         RETURNING failures`,
        [name, address, t.toISOString()],
      )
      const failures = Number(updated[0]?.failures ?? 1)
      const wait = backoffMinutes(failures)
      if (wait > 0) {
        const until = new Date(t.getTime() + wait * 60_000)
        await sql.query("UPDATE sign_in_failures SET blocked_until = $3 WHERE name = $1 AND address = $2", [name, address, until.toISOString()])
        return { ok: false, reason: "throttled", until }
      }
      return { ok: false, reason: "bad_credentials" }
    }
    await sql.query("DELETE FROM sign_in_failures WHERE (name = $1 AND address = $2) OR last_at < $3", [
      name,
      address,
      new Date(t.getTime() - backoff.forgetAfterHours * 3_600_000).toISOString(),
    ])
    await sql.query("DELETE FROM app_sessions WHERE expires_at <= $1", [t.toISOString()])
    const session = newSecret("jss")
    const expiresAt = new Date(t.getTime() + sessionHours * 3_600_000)
    await sql.query("INSERT INTO app_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)", [sha256(session), row!.id, expiresAt.toISOString()])
    return { ok: true, user: toUser({ ...row, locked_until: null }), session, expiresAt }
  },

  /** Forget a name's sign-in failures (every address): the out-of-band unlock. Returns how many pairs waited. */
  async unlock(name: string): Promise<number> {
    const rows = await sql.query("DELETE FROM sign_in_failures WHERE name = $1 RETURNING address", [name])
    return rows.length
  },

  /** Disable an account: it can no longer sign in, its sessions end and its tokens are revoked. */
  async disable(id: string): Promise<void> {
    await sql.query("UPDATE app_users SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL", [id, now().toISOString()])
    await sql.query("DELETE FROM app_sessions WHERE user_id = $1", [id])
    await sql.query("UPDATE app_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL", [id, now().toISOString()])
  },

  /** Set a new password; every session of the account ends and its sign-in failures are forgotten. */
  async setPassword(id: string, name: string, password: string): Promise<void> {
    await sql.query("UPDATE app_users SET password_hash = $2 WHERE id = $1", [id, await hashPassword(password)])
    await sql.query("DELETE FROM app_sessions WHERE user_id = $1", [id])
    await sql.query("DELETE FROM sign_in_failures WHERE name = $1", [name])
  },

  /** The open sessions of an account (no secrets: an id made of the hash's first characters). */
  async sessions(id: string): Promise<ReadonlyArray<SessionInfo>> {
    const rows = await sql.query("SELECT token_hash, created_at, expires_at FROM app_sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at", [
      id,
      now().toISOString(),
    ])
    return rows.map((r) => ({ id: String(r.token_hash).slice(0, 12), createdAt: isoOrNull(r.created_at)!, expiresAt: isoOrNull(r.expires_at)! }))
  },

  /** End sessions of an account: one (by the id {@link sessions} shows) or all. Returns how many ended. */
  async endSessions(id: string, sessionId?: string): Promise<number> {
    const rows = sessionId
      ? await sql.query("DELETE FROM app_sessions WHERE user_id = $1 AND left(token_hash, 12) = $2 RETURNING user_id", [id, sessionId])
      : await sql.query("DELETE FROM app_sessions WHERE user_id = $1 RETURNING user_id", [id])
    return rows.length
  },

  /** The principal behind a session cookie, or undefined when unknown or expired. */
  async session(secret: string): Promise<Principal | undefined> {
    const rows = await sql.query(
      `SELECT u.* FROM app_sessions s JOIN app_users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
      [sha256(secret), now().toISOString()],
    )
    const u = rows[0]
    return u ? { kind: "user", id: String(u.id), name: String(u.name), role: u.role as Role, clusterIds: jsonArray(u.cluster_ids) } : undefined
  },

  async logout(secret: string): Promise<void> {
    await sql.query("DELETE FROM app_sessions WHERE token_hash = $1", [sha256(secret)])
  },
})

export type Users = ReturnType<typeof makeUsers>

let dummy: Promise<string> | undefined
const dummyHash = () => (dummy ??= hashPassword("not-a-real-password"))
