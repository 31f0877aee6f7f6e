import type { Db, Principal } from "@jiju/store"
import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { getCookie } from "hono/cookie"
import { cors } from "hono/cors"
import { type ApiConfig, defaultConfig } from "./config.js"
import { clientIp } from "./http/clientIp.js"
import type { AppEnv } from "./http/env.js"
import { languageOf } from "./http/language.js"
import { ApiProblem, problemDocument, problems, toApiProblem } from "./http/problem.js"
import { startWorker } from "./jobs/worker.js"
import { docsPage } from "./openapi/docsPage.js"
import { openApiDocument } from "./openapi/document.js"
import { analysisRoutes } from "./routes/analyses.js"
import { authRoutes, SESSION_COOKIE } from "./routes/auth.js"
import { clusterRoutes } from "./routes/clusters.js"
import { indicatorRoutes } from "./routes/indicators.js"
import { observationRoutes, submissionRoutes } from "./routes/observations.js"
import { regionRoutes } from "./routes/regions.js"
import { makeRateLimiter } from "./security/rateLimit.js"
import { makeServices } from "./services.js"

/** What the app needs: an open, migrated database and the configuration. */
export interface AppDeps {
  readonly db: Db
  readonly config?: Partial<ApiConfig>
  /** Called with errors that became a 500, for the server log. */
  readonly onInternalError?: (e: unknown) => void
}

/**
 * The whole HTTP API (routes under /v1, plus /health and /ready), its services and, when
 * `config.jobPollMs` > 0, a job worker polling the database (stop it at shutdown).
 *
 * @example
 * const { app, worker } = buildApi({ db: store.db, config: { jobPollMs: 250 } })
 */
export const buildApi = (deps: AppDeps) => {
  const config = defaultConfig(deps.config)
  const s = makeServices(deps.db, config)
  const worker = config.jobPollMs > 0 ? startWorker(s, { workerId: config.workerId, pollMs: config.jobPollMs }) : undefined
  const limiter = makeRateLimiter(config.rateLimit)
  const large = bodyLimit({ maxSize: config.bodyLimit.imports })
  const small = bodyLimit({ maxSize: config.bodyLimit.other })

  // Token look-ups are cached for a few seconds (a revocation reaches other processes within TOKEN_TTL_MS;
  // this process forgets revoked tokens at once).
  const tokenCache = new Map<string, { at: number; p: Principal | undefined }>()
  const resolveToken = async (token: string) => {
    const hit = tokenCache.get(token)
    if (hit && Date.now() - hit.at < TOKEN_TTL_MS) return hit.p
    const p = await s.tokens.resolve(token)
    if (tokenCache.size > 10_000) tokenCache.clear()
    if (p) tokenCache.set(token, { at: Date.now(), p })
    return p
  }
  const revoke = s.tokens.revoke
  s.tokens.revoke = async (id) => {
    tokenCache.clear()
    return revoke(id)
  }

  const app = new Hono<AppEnv>()
  app.onError((e, c) => {
    const p = toApiProblem(e)
    if (p.status >= 500) (deps.onInternalError ?? ((x) => console.error(x)))(e)
    const lang = c.get("lang") ?? languageOf(c.req.header("accept-language"))
    for (const [k, v] of Object.entries(p.headers)) c.header(k, v)
    c.header("Content-Language", lang === "zh" ? "zh-CN" : "en")
    return c.body(JSON.stringify(problemDocument(p, lang)), p.status as 400, { "Content-Type": "application/problem+json" })
  })
  app.notFound(() => {
    throw new ApiProblem(404, "no_route", { en: "no such endpoint", zh: "接口不存在" })
  })

  app.use("*", async (c, next) => {
    c.set("lang", languageOf(c.req.header("accept-language")))
    c.set("principal", undefined)
    await next()
  })
  if (config.webOrigin) app.use("/v1/*", cors({ origin: config.webOrigin, credentials: true, exposeHeaders: ["ETag", "Location", "Retry-After"] }))
  // GET and HEAD carry no body: skip the limit, whose check would build a full Request object for every read.
  app.use("/v1/*", (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" ? next() : /\/(import|analyses)(\/|$)/.test(c.req.path) ? large(c, next) : small(c, next),
  )

  // Who is calling: a bearer token (wrong → 401) or a session cookie (stale → anonymous).
  app.use("/v1/*", async (c, next) => {
    const auth = c.req.header("authorization")
    if (auth) {
      const m = auth.match(/^Bearer\s+(\S+)$/i)
      const p = m ? await resolveToken(m[1]!) : undefined
      if (!p) throw new ApiProblem(401, "bad_token", { en: "the bearer token is unknown or revoked", zh: "访问令牌无效或已撤销" })
      c.set("principal", p)
    } else {
      const session = getCookie(c, SESSION_COOKIE)
      if (session) c.set("principal", await s.users.session(session))
    }
    const key = c.get("principal") ? `p:${c.get("principal")!.kind}:${c.get("principal")!.id}` : `ip:${clientIp(c.env)}`
    const taken = limiter.take(key)
    if (!taken.ok)
      throw new ApiProblem(
        429,
        "rate_limited",
        { en: `too many requests; retry in ${taken.retryAfter} s`, zh: `请求过于频繁，请 ${taken.retryAfter} 秒后重试` },
        [],
        { "Retry-After": String(taken.retryAfter) },
      )
    await next()
  })

  const routes = app
    .get("/health", (c) => c.json({ status: "ok" as const }))
    .get("/ready", async (c) => {
      try {
        await deps.db.query("select 1")
        return c.json({ status: "ready" as const, engine: deps.db.engine })
      } catch {
        throw new ApiProblem(503, "not_ready", { en: "the database does not answer", zh: "数据库无响应" })
      }
    })
    .route("/v1", authRoutes(s))
    .route("/v1/regions", regionRoutes(s))
    .route("/v1/indicators", indicatorRoutes(s))
    .route("/v1/clusters", clusterRoutes(s))
    .route("/v1/clusters", submissionRoutes(s))
    .route("/v1/observations", observationRoutes(s))
    .route(
      "/v1",
      analysisRoutes(s, () => worker?.kick()),
    )
    .get("/v1/openapi.json", (c) => c.json(openApi()))
    .get("/v1/docs", (c) => c.html(docsPage()))
    .get("/v1/audit", async (c) => {
      if (!c.get("principal")) throw problems.unauthorized()
      if (c.get("principal")!.role !== "admin") throw problems.forbidden("admins only", "仅限管理员")
      const entity = c.req.query("entity")
      const id = c.req.query("id")
      if (!entity || !id) throw problems.badRequest("missing_query", "give entity and id", "请提供 entity 和 id 参数")
      return c.json({ items: await s.audit.history(entity, id) })
    })
  return { app: routes, services: s, worker, config }
}

/**
 * The whole HTTP API as one Hono app, without a job worker in this process (jobs wait for a worker
 * of another process or of {@link buildApi}). Serve it with @hono/node-server or call
 * `app.request()` in tests.
 *
 * @example
 * const app = makeApp({ db: store.db })
 * const res = await app.request("/health")
 */
export const makeApp = (deps: AppDeps) => buildApi({ ...deps, config: { ...deps.config, jobPollMs: 0 } }).app

/** The type of the app, for the typed client (`hc<AppType>`). */
export type AppType = ReturnType<typeof buildApi>["app"]

const TOKEN_TTL_MS = 5_000

let cachedDoc: Record<string, unknown> | undefined
const openApi = () => (cachedDoc ??= openApiDocument())
