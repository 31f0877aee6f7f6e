import type { Server } from "node:http"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { serve } from "@hono/node-server"
import { type AppOptions, type AppRuntime, makeAppRuntime, openDatabase, openDemo, operator, storeInfo } from "@jiju/app"
import { buildHttpApp, httpConfigFromEnv } from "./HttpApp.js"
import { staticSite } from "./http/staticFiles.js"
import { startJobWorker } from "./JobWorker.js"

/** Options of {@link startServer}; everything else comes from the environment. */
export interface ServerOptions {
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly port?: number
  /** 127.0.0.1 by default; "0.0.0.0" to listen on every interface. */
  readonly host?: string
  /** Where messages for the operator go (stdout by default). */
  readonly log?: (line: string) => void
  /** The built web app (default apps/web/dist, or JIJU_WEB_DIST). */
  readonly webDist?: string
  /** A database already opened and migrated by the caller (tests); it stays open when the server closes. */
  readonly db?: AppOptions["db"]
  /** Called with errors that became a 500, for the server log (default: stderr). */
  readonly onInternalError?: (e: unknown) => void
}

/** A running server; `close` shuts it down gracefully. */
export interface RunningServer {
  readonly url: string
  /** The application core the server runs (its store stays open until `close`). */
  readonly runtime: AppRuntime
  close(): Promise<void>
}

/**
 * Start Jiju's server, as `pnpm start` and `jiju serve` do: open the store (PGlite under JIJU_DATA_DIR, or PostgreSQL
 * at DATABASE_URL), load the demo data into an empty store (unless JIJU_DEMO=0) with one account per role, serve
 * the API under /v1 and the web app on PORT (default 8080), and answer queued analysis jobs (polling every
 * JIJU_JOB_POLL_MS, default 250; 0 leaves them to other processes). A demo store makes published results public
 * unless JIJU_PUBLIC_RESULTS says otherwise; cookies go without Secure only on this machine's loopback address.
 * @example const server = await startServer({ port: 0 }); console.log(server.url); await server.close()
 */
export const startServer = async (opts: ServerOptions = {}): Promise<RunningServer> => {
  const env = opts.env ?? process.env
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`))
  // The store is opened once: the runtime may start twice over it (below), and the database engine warms up with
  // the demo load for the requests that follow.
  const db = opts.db ?? (await openDatabase({ env }))
  const ownDb = opts.db === undefined
  const store: AppOptions = { env, db }
  const publicResults = (demo: boolean) => (env.JIJU_PUBLIC_RESULTS === undefined ? demo : env.JIJU_PUBLIC_RESULTS === "1")
  // The server acts as the operator of its store for what it does on its own behalf (the demo).
  const self = operator("server")

  let runtime: AppRuntime
  try {
    runtime = await makeAppRuntime({ ...store, config: { publicResults: publicResults(false) } })
  } catch (e) {
    if (ownDb) await db.close()
    throw e
  }
  let demo = false
  try {
    const where = await runtime.run(storeInfo())
    log(`数据库 store: ${where.location} (${where.engine})`)
    const state = await runtime.run(openDemo(self, { load: env.JIJU_DEMO !== "0" }))
    demo = state.demo
    if (state.loaded) {
      const r = state.loaded
      log(`已载入演示数据 demo data loaded: ${r.regions} regions, ${r.clusters} clusters, ${r.observations} observations (${r.milliseconds} ms)`)
      log("演示账户 demo accounts (shown once; passwords are random):")
      for (const a of state.accounts)
        log(`  ${a.role.padEnd(9)} ${a.name.padEnd(15)} ${a.password}${a.clusterIds.length > 0 ? `  (cluster ${a.clusterIds.join(", ")})` : ""}`)
    }
    if (publicResults(demo) !== runtime.config.publicResults) {
      // The settings are fixed when a runtime starts: start another over the same store now that it is known to be a
      // demo.
      await runtime.dispose()
      runtime = await makeAppRuntime({ ...store, config: { publicResults: publicResults(demo) } })
    }
  } catch (e) {
    await runtime.dispose()
    if (ownDb) await db.close()
    throw e
  }

  const host = opts.host ?? env.HOST ?? "127.0.0.1"
  const loopback = host === "127.0.0.1" || host === "localhost" || host === "::1"
  // Cookies go without Secure only when serving plain http on this machine (development).
  const http = httpConfigFromEnv(env, loopback || env.JIJU_INSECURE_COOKIES === "1" ? { secureCookies: false } : {})
  const app = buildHttpApp(runtime, http, opts.onInternalError ? { onInternalError: opts.onInternalError } : {})
  const webDist = opts.webDist ?? env.JIJU_WEB_DIST ?? fileURLToPath(new URL("../../../apps/web/dist/", import.meta.url))
  const web = staticSite(webDist)
  if (!web) log(`注意 note: no built web app at ${webDist} (run pnpm build); serving the API only`)

  const isApi = (path: string) => path === "/health" || path === "/ready" || path === "/v1" || path.startsWith("/v1/")
  let server: Server
  try {
    server = serve({
      fetch: (req, e) => (!web || isApi(new URL(req.url).pathname) ? app.fetch(req, e) : web(req)),
      port: opts.port ?? Number(env.PORT ?? 8080),
      hostname: host,
    }) as Server
    await new Promise<void>((resolve, reject) => {
      if (server.listening) return resolve()
      server.once("listening", resolve)
      server.once("error", reject)
    })
  } catch (e) {
    await runtime.dispose()
    if (ownDb) await db.close()
    throw e
  }
  const pollMs = Number(env.JIJU_JOB_POLL_MS ?? 250)
  const worker = pollMs > 0 ? startJobWorker(runtime, { workerId: `server-${process.pid}-${Math.random().toString(36).slice(2, 8)}`, pollMs }) : undefined
  const addr = server.address() as AddressInfo
  const url = `http://${addr.address.includes(":") ? `[${addr.address}]` : addr.address}:${addr.port}`
  log(`Jiju 已启动 listening on ${url}  (API ${url}/v1, docs ${url}/v1/docs)`)

  const running = runtime
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
      await worker?.stop(5_000)
      await running.dispose()
      if (ownDb) await db.close()
    })())
  return { url, runtime: running, close }
}
