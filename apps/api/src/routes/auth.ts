import { makeTokens, roles } from "@jiju/store"
import { Schema } from "effect"
import { Hono } from "hono"
import { deleteCookie, getCookie, setCookie } from "hono/cookie"
import { clientIp } from "../http/clientIp.js"
import type { AppEnv } from "../http/env.js"
import { ApiProblem, problems } from "../http/problem.js"
import { jsonBody } from "../http/validate.js"
import { actorOf, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"

/** The session cookie's name. */
export const SESSION_COOKIE = "jiju_session"

/** Body of POST /v1/auth/login. */
export const Login = Schema.Struct({
  name: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
  password: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
})

const Role = Schema.Literals(roles as ["admin", "submitter", "viewer"])

/** Body of POST /v1/tokens. */
export const NewToken = Schema.Struct({
  role: Role,
  clusterIds: Schema.optional(Schema.Array(Schema.String)),
  name: Schema.optional(Schema.String.check(Schema.isMaxLength(100))),
})

/** Body of POST /v1/users. */
export const NewUser = Schema.Struct({
  name: Schema.String.check(Schema.isPattern(/^[\p{L}\p{N}_.@-]{2,64}$/u, { expected: "2–64 letters, digits, _ . @ -" })),
  role: Role,
  password: Schema.String.check(Schema.isMinLength(10), Schema.isMaxLength(200)),
  clusterIds: Schema.optional(Schema.Array(Schema.String)),
})

const bindingProblem = () =>
  new ApiProblem(
    422,
    "cluster_binding",
    {
      en: "a submitter must be bound to at least one cluster; other roles to none",
      zh: "填报员须绑定至少一个集聚区；其他角色不绑定集聚区",
    },
    [{ field: "clusterIds", en: "required for submitters only", zh: "仅填报员需要" }],
  )

/** Login and logout (cookie sessions), who-am-I, tokens and accounts (admin), the audit log (admin). */
export const authRoutes = (s: Services) =>
  new Hono<AppEnv>()
    .post("/auth/login", jsonBody(Login, "login", { anonymous: true }), async (c) => {
      const { name, password } = c.req.valid("json")
      const out = await s.users.login(name, password)
      // Sign-ins are audited like writes, failures included (who tried which account, from where).
      await s.audit.record(s.db, {
        actor: `ip:${clientIp(c.env)}`,
        entity: "session",
        entityId: name,
        action: out.ok ? "login" : out.reason === "locked" ? "login_locked" : "login_failed",
        before: null,
        after: out.ok ? { user: out.user.id } : null,
      })
      if (!out.ok && out.reason === "locked") {
        const seconds = Math.max(1, Math.ceil((out.until.getTime() - Date.now()) / 1000))
        throw new ApiProblem(
          423,
          "account_locked",
          {
            en: `too many failed logins; try again after ${out.until.toISOString()}`,
            zh: `登录失败次数过多，请于 ${out.until.toISOString()} 后再试`,
          },
          [],
          { "Retry-After": String(seconds) },
        )
      }
      if (!out.ok) throw new ApiProblem(401, "bad_credentials", { en: "wrong name or password", zh: "用户名或密码错误" })
      setCookie(c, SESSION_COOKIE, out.session, {
        httpOnly: true,
        secure: s.config.secureCookies,
        sameSite: "Lax",
        path: "/",
        expires: out.expiresAt,
      })
      return c.json({ user: out.user })
    })
    .post("/auth/logout", async (c) => {
      const secret = getCookie(c, SESSION_COOKIE)
      if (secret) await s.users.logout(secret)
      const who = c.get("principal")
      if (who) await s.audit.record(s.db, { actor: actorOf(who), entity: "session", entityId: who.name, action: "logout", before: null, after: null })
      deleteCookie(c, SESSION_COOKIE, { path: "/" })
      return c.body(null, 204)
    })
    .get("/auth/me", (c) => {
      const who = requireRole(c)
      return c.json({ kind: who.kind, name: who.name, role: who.role, clusterIds: who.clusterIds })
    })
    .post("/tokens", jsonBody(NewToken, "token"), async (c) => {
      const who = requireRole(c, "admin")
      const body = c.req.valid("json")
      if ((body.role === "submitter") !== (body.clusterIds?.length ?? 0) > 0) throw bindingProblem()
      const t = await s.db.transaction(async (tx) => {
        const made = await makeTokens(tx).create({ role: body.role, clusterIds: body.clusterIds ?? [], ...(body.name ? { name: body.name } : {}) })
        const { token: _secret, ...info } = made
        await s.audit.record(tx, { actor: actorOf(who), entity: "token", entityId: made.id, action: "create", before: null, after: info })
        return made
      })
      return c.json(t, 201)
    })
    .delete("/tokens/:id", async (c) => {
      const who = requireRole(c, "admin")
      if (!(await s.tokens.revoke(c.req.param("id")))) throw problems.notFound("token", c.req.param("id"))
      await s.audit.record(s.db, { actor: actorOf(who), entity: "token", entityId: c.req.param("id"), action: "revoke", before: null, after: null })
      return c.body(null, 204)
    })
    .get("/users", async (c) => {
      requireRole(c, "admin")
      return c.json({ items: await s.users.list() })
    })
    .post("/users", jsonBody(NewUser, "user"), async (c) => {
      const who = requireRole(c, "admin")
      const body = c.req.valid("json")
      if ((body.role === "submitter") !== (body.clusterIds?.length ?? 0) > 0) throw bindingProblem()
      if (await s.users.byName(body.name)) throw problems.conflict("duplicate_id", `user ${body.name} exists`, `用户 ${body.name} 已存在`)
      const user = await s.users.create({ name: body.name, role: body.role, password: body.password, clusterIds: body.clusterIds ?? [] })
      await s.audit.record(s.db, { actor: actorOf(who), entity: "user", entityId: user.id, action: "create", before: null, after: user })
      return c.json(user, 201)
    })
