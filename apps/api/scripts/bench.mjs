#!/usr/bin/env node
// Load test of the HTTP API on 127.0.0.1: a cached ranking read, a zone read and an observation submit, each
// for a fixed time with keep-alive connections; req/s, p50, p99 and the server's CPU per request; then a row
// count proving that every accepted submission was written exactly once. Embedded store by default; PostgreSQL with
// BENCH_DATABASE_URL=postgres://… (a fresh database is created on that server and dropped after).
// The server is @jiju/server's, started as `jiju serve` starts it (BENCH_MAIN names another entry that
// prints "listening on http://127.0.0.1:PORT", e.g. apps/api/dist/main.js).
//
//   pnpm bench:api                       # embedded PGlite
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:api
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=16 pnpm bench:api
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { Agent, request } from "node:http"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16)
const pgUrl = process.env.BENCH_DATABASE_URL
const main = process.env.BENCH_MAIN ?? fileURLToPath(new URL("../../cli/dist/main.js", import.meta.url))
const mainArgs = process.env.BENCH_MAIN ? [] : ["serve"]

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
let base = ""
// `discard`: read and drop the body (the load loops need only the status; buffering and decoding 30 KB per
// response would make this client, not the server, the bottleneck).
const call = (method, path, { token, body, cookie, discard = false } = {}) =>
  new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const u = new URL(path, base)
    if (u.hostname !== "127.0.0.1") return reject(new Error("the bench only talks to 127.0.0.1"))
    const req = request(
      {
        agent,
        host: u.hostname,
        port: u.port,
        method,
        path: u.pathname + u.search,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(cookie ? { cookie } : {}),
          ...(data ? { "content-type": "application/json", "content-length": data.length } : {}),
        },
      },
      (res) => {
        if (discard) {
          res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text: "" }))
          res.resume()
          return
        }
        const chunks = []
        res.on("data", (c) => chunks.push(c))
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }))
      },
    )
    req.on("error", reject)
    req.end(data)
  })

// CPU time (user + system) in ms from a /proc stat file (Linux); undefined elsewhere.
const procMs = (file) => {
  try {
    const f = readFileSync(file, "utf8").split(") ")[1].split(" ")
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100
  } catch {
    return undefined
  }
}
let serverPid
// The server process's CPU time so far, all threads.
const cpuMs = () => procMs(`/proc/${serverPid}/stat`)
// The same for its main thread alone (the rest is garbage collection and compilation in other threads).
const mainMs = () => procMs(`/proc/${serverPid}/task/${serverPid}/stat`)

/** Run `next()` from CONNECTIONS loops for SECONDS; latency percentiles over all requests, and the server's CPU per request. */
const load = async (name, next, expected) => {
  const cpu0 = cpuMs()
  const main0 = mainMs()
  const times = []
  const statuses = new Map()
  const end = performance.now() + SECONDS * 1000
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now()
      const r = await next()
      times.push(performance.now() - t0)
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONNECTIONS }, loop))
  const elapsed = (performance.now() - started) / 1000
  times.sort((a, b) => a - b)
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1)
  const ok = statuses.get(expected) ?? 0
  const cpu1 = cpuMs()
  const cpu =
    cpu0 === undefined || cpu1 === undefined
      ? ""
      : `   server CPU ${((cpu1 - cpu0) / times.length).toFixed(2)} ms/req (main thread ${((mainMs() - main0) / times.length).toFixed(2)})`
  console.log(
    `${name.padEnd(22)} ${String(Math.round(times.length / elapsed)).padStart(6)} req/s   p50 ${pct(50).padStart(6)} ms   p99 ${pct(99).padStart(6)} ms${cpu}   ` +
      `(${times.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))})`,
  )
  return { ok, statuses }
}

const dir = mkdtempSync(join(tmpdir(), "jiju-bench-"))
let dropDb = async () => {}
const env = {
  ...process.env,
  PORT: "0",
  HOST: "127.0.0.1",
  JIJU_DATA_DIR: join(dir, "data"),
  JIJU_DEMO: "1",
  JIJU_RATE_BURST: "1000000",
  JIJU_RATE_PER_SECOND: "1000000",
  DATABASE_URL: "",
}
if (pgUrl) {
  // A fresh database on the given server, so that the demo data load into an empty store.
  const require = createRequire(fileURLToPath(new URL("../../../packages/store/package.json", import.meta.url)))
  const pg = require("pg")
  const name = `jiju_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const u = new URL(pgUrl)
  u.pathname = `/${name}`
  env.DATABASE_URL = u.toString()
  dropDb = async () => {
    const c = new pg.Client({ connectionString: pgUrl })
    await c.connect()
    await c.query(`drop database if exists ${name} with (force)`)
    await c.end()
  }
}

console.log(`jiju API bench: ${pgUrl ? "PostgreSQL" : "embedded PGlite"}, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per scenario`)
const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_ARGS ? process.env.BENCH_SERVER_ARGS.split(" ") : []), main, ...mainArgs], {
  env,
  stdio: ["ignore", "pipe", "inherit"],
})
serverPid = server.pid
let out = ""
try {
  await new Promise((resolve, reject) => {
    server.stdout.on("data", (c) => {
      out += c
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
      if (m) {
        base = m[1]
        resolve()
      }
    })
    server.on("exit", (code) => reject(new Error(`server exited (${code}):\n${out}`)))
  })
  const password = out.match(/admin\s+demo-admin\s+(\S+)/)?.[1]
  if (!password) throw new Error(`no demo admin in the server output:\n${out}`)
  const login = await call("POST", "/v1/auth/login", { body: { name: "demo-admin", password } })
  const cookie = String(login.headers["set-cookie"]).split(";")[0]
  const admin = JSON.parse((await call("POST", "/v1/tokens", { cookie, body: { role: "admin", name: "bench" } })).text).token
  const viewer = JSON.parse((await call("POST", "/v1/tokens", { cookie, body: { role: "viewer", name: "bench-viewer" } })).text).token
  const clusters = JSON.parse((await call("GET", "/v1/clusters?limit=500", { token: viewer })).text).items.map((c) => c.id)

  const run = await call("POST", "/v1/assessments/runs", { token: admin, body: { scheme: "henan-2017", period: "2024", publish: true } })
  if (run.status === 404 && JSON.parse(run.text).code === "no_route")
    console.log(`${"ranking read (cached)".padEnd(22)} not measured: this server has no assessment operations`)
  else {
    if (run.status !== 201) throw new Error(`assessment run failed: ${run.status} ${run.text}`)
    const ranking = await call("GET", "/v1/assessments/rankings?scheme=henan-2017&period=2024", { token: viewer })
    if (ranking.status !== 200 || JSON.parse(ranking.text).groups.length === 0) throw new Error(`no ranking to read: ${ranking.status}`)
    await load("ranking read (cached)", () => call("GET", "/v1/assessments/rankings?scheme=henan-2017&period=2024", { token: viewer, discard: true }), 200)
  }

  // A register read: one zone with its ETag, as an edit form loads it (a read that touches the store each time).
  let z = 0
  await load("zone read", () => call("GET", `/v1/clusters/${clusters[z++ % clusters.length]}`, { token: viewer, discard: true }), 200)

  // Each submission names a distinct (cluster, month): months of 2000–2008, before the demo's years.
  const months = []
  for (let y = 2000; y <= 2008; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, "0")}`)
  let k = 0
  const submit = await load(
    "observation submit",
    () => {
      const i = k++
      const cluster = clusters[i % clusters.length]
      const period = months[Math.floor(i / clusters.length) % months.length]
      return call("POST", `/v1/clusters/${cluster}/observations`, {
        token: admin,
        body: { period, values: { revenue: i + 0.5, employment: 1 } },
        discard: true,
      })
    },
    201,
  )
  // Every monthly value of 2000–2008, page by page.
  const rows = []
  for (let cursor = null, first = true; first || cursor; first = false) {
    const page = JSON.parse(
      (await call("GET", `/v1/observations?from=2000-01&to=2008-12&limit=10000${cursor ? `&cursor=${cursor}` : ""}`, { token: viewer })).text,
    )
    rows.push(...page.items)
    cursor = page.next_cursor
  }
  const keys = new Set(rows.map((o) => `${o.target.id}|${o.period}|${o.indicator}`))
  const accepted = submit.ok
  const attempted = Math.min(k, clusters.length * months.length)
  const duplicates = submit.statuses.get(409) ?? 0
  console.log(
    `rows after the run: ${rows.length} monthly values = ${accepted} accepted submissions × 2 indicators → ${rows.length === accepted * 2 && keys.size === rows.length ? "no lost or duplicated writes" : "MISMATCH"}` +
      ` (${attempted} distinct submissions sent${duplicates ? `, ${duplicates} refused as duplicates after the key space wrapped` : ""})`,
  )
  if (rows.length !== accepted * 2 || keys.size !== rows.length) process.exitCode = 1
} finally {
  server.kill("SIGTERM")
  await new Promise((r) => server.once("exit", r))
  agent.destroy()
  await dropDb()
  rmSync(dir, { recursive: true, force: true })
}
