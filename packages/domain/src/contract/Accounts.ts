/** The documents of accounts and tokens: what the API answers and takes. */
import * as Schema from "effect/Schema"

/** The roles: admin (everything), submitter (its own zones' data), viewer (read). */
export const Role = Schema.Literals(["admin", "submitter", "viewer"])
export type Role = typeof Role.Type

/** An account as the API shows it (never its password hash). */
export const UserAccount = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  role: Role,
  /** The zones a submitter may write. */
  clusterIds: Schema.Array(Schema.String),
  isDemo: Schema.Boolean,
  createdAt: Schema.String,
  /** Until when sign-ins are refused after failed attempts; null when not locked. */
  lockedUntil: Schema.NullOr(Schema.String),
})
export type UserAccount = typeof UserAccount.Type

/** A bearer token's record; the secret itself is shown once, at creation. */
export const TokenInfo = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  role: Role,
  clusterIds: Schema.Array(Schema.String),
  createdAt: Schema.String,
  revokedAt: Schema.NullOr(Schema.String),
})
export type TokenInfo = typeof TokenInfo.Type

/** A new token with its secret ("jjt_…"), shown this once. */
export const NewTokenSecret = Schema.Struct({ ...TokenInfo.fields, token: Schema.String })
export type NewTokenSecret = typeof NewTokenSecret.Type

/** Who is calling. */
export const Me = Schema.Struct({
  kind: Schema.Literals(["user", "token", "operator"]),
  name: Schema.String,
  role: Role,
  clusterIds: Schema.Array(Schema.String),
})
export type Me = typeof Me.Type

/** Body of POST /v1/auth/login. */
export const Login = Schema.Struct({
  name: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
  password: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
})
export type Login = typeof Login.Type

/** An account name: 2–64 letters, digits, _ . @ - */
export const AccountName = Schema.String.check(Schema.isPattern(/^[\p{L}\p{N}_.@-]{2,64}$/u, { expected: "2–64 letters, digits, _ . @ -" }))

/** Body of POST /v1/users. */
export const NewUser = Schema.Struct({
  name: AccountName,
  role: Role,
  password: Schema.String.check(Schema.isMinLength(10), Schema.isMaxLength(200)),
  /** The zones a submitter may write (submitters need one at least; other roles none). */
  clusterIds: Schema.optional(Schema.Array(Schema.String)),
})
export type NewUser = typeof NewUser.Type

/** Body of POST /v1/tokens. */
export const NewToken = Schema.Struct({
  role: Role,
  clusterIds: Schema.optional(Schema.Array(Schema.String)),
  name: Schema.optional(Schema.String.check(Schema.isMaxLength(100))),
})
export type NewToken = typeof NewToken.Type
