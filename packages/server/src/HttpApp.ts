import { type AppRuntime, actorOfSession, actorOfToken, type Caller } from "@jiju/app"
import { jijuApi } from "@jiju/domain/contract"
import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { getCookie } from "hono/cookie"
import { cors } from "hono/cors"
import { accountsHandlers } from "./handlers/accounts.js"
import { analysesHandlers } from "./handlers/analyses.js"
import { assessmentsHandlers } from "./handlers/assessments.js"
import { auditHandlers } from "./handlers/audit.js"
import { factsHandlers } from "./handlers/facts.js"
import { judgementsHandlers } from "./handlers/judgements.js"
import { observationsHandlers } from "./handlers/observations.js"
import { projectsHandlers } from "./handlers/projects.js"
import { registerHandlers } from "./handlers/register.js"
import { serviceHandlers } from "./handlers/service.js"
import { supervisionHandlers } from "./handlers/supervision.js"
import { bindContract, type Handlers, type HttpEnv } from "./http/bind.js"
import { clientIp } from "./http/clientIp.js"
import { languageOf } from "./http/language.js"
import { HttpProblem, problemDocument, toProblem } from "./http/Problem.js"
import { makeRateLimiter } from "./http/rateLimit.js"
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionCookieName } from "./http/SessionCookie.js"

/** How the HTTP adapter behaves (the use cases' own settings are the runtime's). */
export interface HttpConfig {
  /** The one web origin allowed by CORS (JIJU_WEB_ORIGIN); none when undefined. */
  readonly webOrigin: string | undefined
  /** Send the session cookie with `Secure` and the `__Host-` prefix (off only with JIJU_INSECURE_COOKIES=1 and in tests). */
  readonly secureCookies: boolean
  /** Token bucket per caller or address: burst size and refill per second. */
  readonly rateLimit: { readonly capacity: number; readonly perSecond: number }
  /** Token bucket per address for sign-ins alone (a Jiju default: a burst of 10, then one every 6 seconds). */
  readonly signInRate: { readonly capacity: number; readonly perSecond: number }
  /** Request body limits in bytes. */
  readonly bodyLimit: { readonly imports: number; readonly other: number }
}

/**
 * Settings suited to tests: no CORS, insecure cookies for http://localhost, a generous rate limit.
 * @example buildHttpApp(runtime, defaultHttpConfig({ secureCookies: true }))
 */
export const defaultHttpConfig = (over: Partial<HttpConfig> = {}): HttpConfig => ({
  webOrigin: undefined,
  secureCookies: false,
  rateLimit: { capacity: 600, perSecond: 300 },
  signInRate: { capacity: 10, perSecond: 1 / 6 },
  bodyLimit: { imports: 10 * 1024 * 1024, other: 1024 * 1024 },
  ...over,
})

/**
 * The settings from the environment (JIJU_WEB_ORIGIN, JIJU_RATE_BURST, JIJU_RATE_PER_SECOND, JIJU_INSECURE_COOKIES).
 * @example httpConfigFromEnv(process.env)
 */
export const httpConfigFromEnv = (env: Readonly<Record<string, string | undefined>>, over: Partial<HttpConfig> = {}): HttpConfig =>
  defaultHttpConfig({
    webOrigin: env.JIJU_WEB_ORIGIN || undefined,
    secureCookies: env.JIJU_INSECURE_COOKIES !== "1",
    rateLimit: { capacity: Number(env.JIJU_RATE_BURST ?? 600), perSecond: Number(env.JIJU_RATE_PER_SECOND ?? 300) },
    ...over,
  })

export { SECURE_SESSION_COOKIE, SESSION_COOKIE }

const SAFE = new Set(["GET", "HEAD", "OPTIONS"])

// The reference page: its own script and inline styles, nothing from elsewhere, never framed.
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/** Every operation's handler: the compiler checks that the contract has no operation without one. */
export const handlers: Handlers<typeof jijuApi> = {
  ...serviceHandlers,
  ...registerHandlers,
  ...observationsHandlers,
  ...accountsHandlers,
  ...auditHandlers,
  ...analysesHandlers,
  ...assessmentsHandlers,
  ...judgementsHandlers,
  ...factsHandlers,
  ...projectsHandlers,
  ...supervisionHandlers,
}

/**
 * The whole HTTP API as one Hono app over a running application core: the contract's operations bound to their
 * handlers, problems in the caller's language, credentials, rate and body limits. Serve it with @hono/node-server
 * or call `app.request()` in tests.
 * @example const app = buildHttpApp(await makeAppRuntime({ memory: true }), defaultHttpConfig()); await app.request("/health")
 */
export const buildHttpApp = (runtime: AppRuntime, config: HttpConfig = defaultHttpConfig(), opts: { onInternalError?: (e: unknown) => void } = {}) => {
  const limiter = makeRateLimiter(config.rateLimit)
  const signIns = makeRateLimiter(config.signInRate)
  const cookieName = sessionCookieName(config.secureCookies)
  const refuse = (retryAfter: number): never => {
    throw new HttpProblem(429, "rate_limited", `too many requests; retry in ${retryAfter} s`, `请求过于频繁，请 ${retryAfter} 秒后重试`, [], {
      "Retry-After": String(retryAfter),
    })
  }
  const large = bodyLimit({ maxSize: config.bodyLimit.imports })
  const small = bodyLimit({ maxSize: config.bodyLimit.other })
  // Tokens are remembered for a few seconds by the application core (a revocation clears them at once); a token
  // seen lately costs neither a database read nor a run of the runtime.
  const byToken = async (token: string): Promise<Caller> => runtime.tokenCache.get(token) ?? (await runtime.run(actorOfToken(token)))

  const app = new Hono<HttpEnv>()
  app.onError((e, c) => {
    const p = toProblem(e)
    if (p.status >= 500) (opts.onInternalError ?? ((x) => console.error(x)))(e)
    const lang = c.get("lang") ?? languageOf(c.req.header("accept-language"))
    for (const [k, v] of Object.entries(p.headers)) c.header(k, v)
    c.header("Content-Language", lang === "zh" ? "zh-CN" : "en")
    return c.body(JSON.stringify(problemDocument(p, lang)), p.status as 400, { "Content-Type": "application/problem+json" })
  })
  app.notFound(() => {
    throw new HttpProblem(404, "no_route", "no such endpoint", "接口不存在")
  })
  app.use("*", async (c, next) => {
    c.set("lang", languageOf(c.req.header("accept-language")))
    c.set("caller", undefined)
    c.set("ip", clientIp(c.env))
    c.set("secureCookies", config.secureCookies)
    await next()
  })
  // Every answer: no content sniffing; authenticated data is never stored by caches (a handler may say otherwise,
  // as the public rankings do). Set before the answer is made: headers changed afterwards make the Node adapter
  // build the response a second time, on every request.
  app.use("*", async (c, next) => {
    c.header("X-Content-Type-Options", "nosniff")
    c.header("Referrer-Policy", "no-referrer")
    await next()
  })
  app.use("/v1/docs", async (c, next) => {
    await next()
    c.header("Content-Security-Policy", DOCS_CSP)
  })
  // Cross-site writes: a browser names the page that sends a request (Sec-Fetch-Site, Origin). A write that does not
  // carry a bearer token (so rides on the session cookie, or sets one: sign-in) is refused when it comes from
  // another site. Scripts with tokens are not browsers and are not concerned.
  app.use("/v1/*", async (c, next) => {
    if (SAFE.has(c.req.method) || c.req.header("authorization")) return next()
    const site = c.req.header("sec-fetch-site")
    const origin = c.req.header("origin")
    const own = new URL(c.req.url).origin
    const allowed = (o: string) => o === own || (config.webOrigin !== undefined && o === config.webOrigin)
    if (
      (site !== undefined && site !== "same-origin" && site !== "none" && !(origin !== undefined && allowed(origin))) ||
      (origin !== undefined && origin !== "null" && !allowed(origin)) ||
      origin === "null"
    )
      throw new HttpProblem(403, "cross_site", "a write from another site is refused", "拒绝来自其他站点的写请求")
    return next()
  })
  if (config.webOrigin)
    app.use("/v1/*", cors({ origin: config.webOrigin, credentials: true, exposeHeaders: ["ETag", "Location", "Retry-After", "Idempotent-Replayed"] }))
  // GET and HEAD carry no body: skip the limit, whose check would build a full Request object for every read.
  app.use("/v1/*", (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" ? next() : /\/(import|analyses)(\/|$)/.test(c.req.path) ? large(c, next) : small(c, next),
  )
  // Sign-ins have their own, much smaller bucket per address: guessing passwords is what it slows down. A refused
  // attempt reaches neither the password check nor the audit log.
  app.use("/v1/auth/login", async (c, next) => {
    const taken = signIns.take(`ip:${c.get("ip")}`)
    if (!taken.ok) refuse(taken.retryAfter)
    await next()
  })
  // Who is calling: a bearer token (wrong → 401) or a session cookie (stale → anonymous). A credential not seen
  // lately is paid for by the address first, so that guessing tokens or sessions cannot bypass the limit.
  app.use("/v1/*", async (c, next) => {
    const auth = c.req.header("authorization")
    const session = auth ? undefined : getCookie(c, cookieName)
    const cached = auth ? runtime.tokenCache.get(auth.replace(/^Bearer\s+/i, "")) : undefined
    const take = (key: string) => {
      const taken = limiter.take(key)
      if (!taken.ok) refuse(taken.retryAfter)
    }
    // A token not seen lately or a session cookie costs a database read: the address pays before it is made.
    const unproven = (auth !== undefined && cached === undefined) || session !== undefined
    if (unproven) take(`ip:${c.get("ip")}`)
    if (auth) {
      const m = auth.match(/^Bearer\s+(\S+)$/i)
      const actor = cached ?? (m ? await byToken(m[1]!) : undefined)
      if (!actor) throw new HttpProblem(401, "bad_token", "the bearer token is unknown, revoked or expired", "访问令牌无效、已撤销或已过期")
      c.set("caller", actor)
    } else if (session) c.set("caller", await runtime.run(actorOfSession(session)))
    const who = c.get("caller")
    if (who) {
      c.header("Cache-Control", "no-store")
      take(`p:${who.kind}:${who.id}`)
    } else if (!unproven) take(`ip:${c.get("ip")}`)
    await next()
  })
  bindContract(app, jijuApi, handlers, runtime)
  return app
}

/** The type of the HTTP app. */
export type HttpApp = ReturnType<typeof buildHttpApp>
