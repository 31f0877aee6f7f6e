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

/** Failed logins before an account locks, and for how long. */
export const lockout = { attempts: 5, minutes: 15 } as const

/** Sessions last this long unless the user logs out. */
export const sessionHours = 12

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
  | { readonly ok: false; readonly reason: "locked"; readonly until: Date }

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
    const rows = await sql.query("SELECT * FROM app_users WHERE name = $1 AND disabled_at IS NULL", [name])
    return rows[0] ? toUser(rows[0]) : undefined
  },

  async list(): Promise<ReadonlyArray<User>> {
    return (await sql.query("SELECT * FROM app_users WHERE disabled_at IS NULL ORDER BY name")).map(toUser)
  },

  async count(): Promise<number> {
    const rows = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM app_users")
    return Number(rows[0]?.n ?? 0)
  },

  /**
   * Check a name and password. Five failures in a row lock the account for 15 minutes; while
   * locked even the right password is refused. A success resets the count and opens a session.
   */
  async login(name: string, password: string): Promise<LoginOutcome> {
    const rows = await sql.query("SELECT * FROM app_users WHERE name = $1 AND disabled_at IS NULL", [name])
    const row = rows[0]
    const t = now()
    if (!row) {
      // Spend the same time as a real check so that names cannot be probed by timing.
      await verifyPassword(password, await dummyHash())
      return { ok: false, reason: "bad_credentials" }
    }
    const lockedUntil = row.locked_until ? new Date(row.locked_until as string) : null
    if (lockedUntil && lockedUntil > t) return { ok: false, reason: "locked", until: lockedUntil }
    if (!(await verifyPassword(password, String(row.password_hash)))) {
      const until = new Date(t.getTime() + lockout.minutes * 60_000)
      // One statement, so that concurrent failures all count.
      const updated = await sql.query<{ failed_attempts: number; locked_until: unknown }>(
        `UPDATE app_users
            SET failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_attempts + 1 END,
                locked_until = CASE
                  WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_attempts + 1 END) >= $3 THEN $4::timestamptz
                  WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN NULL
                  ELSE locked_until END
          WHERE id = $1
          RETURNING failed_attempts, locked_until`,
        [row.id, t.toISOString(), lockout.attempts, until.toISOString()],
      )
      const u = updated[0]
      if (u?.locked_until && new Date(u.locked_until as string) > t) return { ok: false, reason: "locked", until }
      return { ok: false, reason: "bad_credentials" }
    }
    await sql.query("UPDATE app_users SET failed_attempts = 0, locked_until = NULL WHERE id = $1", [row.id])
    const session = newSecret("jss")
    const expiresAt = new Date(t.getTime() + sessionHours * 3_600_000)
    await sql.query("INSERT INTO app_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)", [sha256(session), row.id, expiresAt.toISOString()])
    return { ok: true, user: toUser({ ...row, failed_attempts: 0, locked_until: null }), session, expiresAt }
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
