/** Accounts: sign-in with lock-out, sign-out, who am I, accounts and bearer tokens (admins). */
import * as Schema from "effect/Schema"
import { Login, Me, NewToken, NewTokenSecret, NewUser, UserAccount } from "../Accounts.js"
import { endpoint } from "../Endpoint.js"

/** POST /v1/auth/login */
export const login = endpoint({
  id: "login",
  method: "post",
  path: "/v1/auth/login",
  tag: "auth",
  summary: { zh: "登录，设置会话 Cookie（连续失败 5 次锁定 15 分钟）", en: "Sign in; sets the session cookie (5 failures lock for 15 minutes)" },
  access: "public",
  body: Login,
  success: { status: 200, schema: Schema.Struct({ user: UserAccount }) },
  errors: [400, 401, 415, 422, 423, 429],
})

/** POST /v1/auth/logout */
export const logout = endpoint({
  id: "logout",
  method: "post",
  path: "/v1/auth/logout",
  tag: "auth",
  summary: { zh: "退出登录", en: "Sign out" },
  access: "public",
  success: { status: 204 },
  errors: [],
})

/** GET /v1/auth/me */
export const me = endpoint({
  id: "me",
  method: "get",
  path: "/v1/auth/me",
  tag: "auth",
  summary: { zh: "当前身份", en: "Who am I" },
  access: "signed_in",
  success: { status: 200, schema: Me },
  errors: [401],
})

/** POST /v1/tokens */
export const createToken = endpoint({
  id: "createToken",
  method: "post",
  path: "/v1/tokens",
  tag: "auth",
  summary: { zh: "创建访问令牌（仅显示一次）", en: "Mint a bearer token (shown once)" },
  access: "admin",
  body: NewToken,
  success: { status: 201, schema: NewTokenSecret },
  errors: [401, 403, 422],
})

/** DELETE /v1/tokens/{id} */
export const revokeToken = endpoint({
  id: "revokeToken",
  method: "delete",
  path: "/v1/tokens/{id}",
  tag: "auth",
  summary: { zh: "撤销令牌", en: "Revoke a token" },
  access: "admin",
  params: Schema.Struct({ id: Schema.String }),
  success: { status: 204 },
  errors: [401, 403, 404],
})

/** GET /v1/users */
export const listUsers = endpoint({
  id: "listUsers",
  method: "get",
  path: "/v1/users",
  tag: "auth",
  summary: { zh: "账户列表", en: "Accounts" },
  access: "admin",
  success: { status: 200, schema: Schema.Struct({ items: Schema.Array(UserAccount) }) },
  errors: [401, 403],
})

/** POST /v1/users */
export const createUser = endpoint({
  id: "createUser",
  method: "post",
  path: "/v1/users",
  tag: "auth",
  summary: { zh: "创建账户", en: "Create an account" },
  access: "admin",
  body: NewUser,
  success: { status: 201, schema: UserAccount },
  errors: [401, 403, 409, 422],
})
