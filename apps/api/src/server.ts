import { randomBytes } from "node:crypto"
import type { Server } from "node:http"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { isEmpty, loadDemo, makeUsers, openStore, type Store } from "@jiju/store"
import { buildApi } from "./app.js"
import { configFromEnv } from "./config.js"
import { staticSite } from "./http/staticFiles.js"

/** Options of {@link startServer}; everything else comes from the environment. */
export interface ServerOptions {
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly port?: number
  /** 127.0.0.1 by default; "0.0.0.0" to listen on every interface. */
  readonly host?: string
  /** Where messages for the operator go (stdout by default). */
  readonly log?: (line: string) => void
  /** The built web app (default apps/web/dist beside this package, or JIJU_WEB_DIST). */
  readonly webDist?: string
  /** An already opened, migrated store (tests); by default opened from the environment. */
  readonly store?: Store
}

/** A running server; `close` shuts it down gracefully. */
export interface RunningServer {
  readonly url: string
  readonly store: Store
  close(): Promise<void>
}

const demoRoles = [
  { name: "demo-admin", role: "admin" as const },
  { name: "demo-submitter", role: "submitter" as const },
  { name: "demo-viewer", role: "viewer" as const },
]

/**
 * Open the store (PGlite under JIJU_DATA_DIR, or PostgreSQL at DATABASE_URL), run migrations, load
 * the demo data into an empty store (unless JIJU_DEMO=0) with one account per role, and serve the
 * API under /v1 and the web app on PORT (default 8080).
 *
 * @example
 * const server = await startServer({ port: 0 }); console.log(server.url); await server.close()
 */
export const startServer = async (opts: ServerOptions = {}): Promise<RunningServer> => {
  const env = opts.env ?? process.env
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`))
  const store = opts.store ?? (await openStore({ env }))
  log(`数据库 store: ${store.db.location} (${store.db.engine})`)

  let demo = false
  if (env.JIJU_DEMO !== "0" && (await isEmpty(store.db))) {
    const r = await loadDemo(store)
    demo = true
    log(`已载入演示数据 demo data loaded: ${r.regions} regions, ${r.clusters} clusters, ${r.observations} observations (${r.milliseconds} ms)`)
    const users = makeUsers(store.db)
    const firstCluster = (await store.clusters.list())[0]?.id
    log("演示账户 demo accounts (shown once; passwords are random):")
    for (const d of demoRoles) {
      const password = randomBytes(9).toString("base64url")
      await users.create({ name: d.name, role: d.role, password, isDemo: true, clusterIds: d.role === "submitter" && firstCluster ? [firstCluster] : [] })
      log(`  ${d.role.padEnd(9)} ${d.name.padEnd(15)} ${password}${d.role === "submitter" ? `  (cluster ${firstCluster})` : ""}`)
    }
  } else if ((await store.db.query("select 1 from app_users where is_demo limit 1")).length > 0) demo = true

  const host = opts.host ?? env.HOST ?? "127.0.0.1"
  const loopback = host === "127.0.0.1" || host === "localhost" || host === "::1"
  const config = configFromEnv(env, {
    ...(demo && env.JIJU_PUBLIC_RESULTS === undefined ? { publicResults: true } : {}),
    // Cookies go without Secure only when serving plain http on this machine (development).
    ...(loopback || env.JIJU_INSECURE_COOKIES === "1" ? { secureCookies: false } : {}),
  })
  const api = buildApi({ db: store.db, config })
  const webDist = opts.webDist ?? env.JIJU_WEB_DIST ?? fileURLToPath(new URL("../../web/dist/", import.meta.url))
  const web = staticSite(webDist)
  if (!web) log(`注意 note: no built web app at ${webDist} (run pnpm build); serving the API only`)

  const isApi = (path: string) => path === "/health" || path === "/ready" || path === "/v1" || path.startsWith("/v1/")
  const server = serve({
    fetch: (req, e) => (!web || isApi(new URL(req.url).pathname) ? api.app.fetch(req, e) : web(req)),
    port: opts.port ?? Number(env.PORT ?? 8080),
    hostname: host,
  }) as Server
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve()
    server.once("listening", resolve)
    server.once("error", reject)
  })
  const addr = server.address() as AddressInfo
  const url = `http://${addr.address.includes(":") ? `[${addr.address}]` : addr.address}:${addr.port}`
  log(`Jiju 已启动 listening on ${url}  (API ${url}/v1, docs ${url}/v1/docs)`)

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting; in-flight requests finish; idle keep-alive connections are dropped.
      const closed = new Promise<void>((r) => server.close(() => r()))
      server.closeIdleConnections?.()
      const force = setTimeout(() => server.closeAllConnections?.(), 10_000)
      force.unref()
      await closed
      clearTimeout(force)
      // A job in hand finishes or goes back to the queue for another process.
      await api.worker?.stop(5_000)
      await store.close()
    })())
  return { url, store, close }
}
