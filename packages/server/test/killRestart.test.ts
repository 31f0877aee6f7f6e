import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"

// kill -9 under submission load on the embedded store, then restart at once on the same files: every submission the
// server acknowledged is there exactly once (its values and one audit entry), and the restart is not blocked by the
// lock the killed process left.
const start = (dir: string): Promise<{ child: ChildProcess; url: string; out: string[] }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, "fixtures", "serve.mjs")], {
      env: { ...process.env, JIJU_DATA_DIR: dir, JIJU_DEMO: "1", JIJU_INSECURE_COOKIES: "1", JIJU_JOB_POLL_MS: "0", DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    const out: string[] = []
    let buffer = ""
    child.stdout!.on("data", (d: Buffer) => {
      buffer += d.toString()
      const lines = buffer.split("\n")
      buffer = lines.pop()!
      for (const l of lines) {
        out.push(l)
        const m = l.match(/^LISTENING (\S+)/)
        if (m) resolve({ child, url: m[1]!, out })
      }
    })
    child.stderr!.on("data", (d: Buffer) => out.push(d.toString()))
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out.join("\n")}`)))
  })

describe("kill -9 under submission load, then an immediate restart (embedded store)", () => {
  const dir = mkdtempSync(join(tmpdir(), "jiju-kill-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("keeps every acknowledged submission exactly once", { timeout: 300_000 }, async () => {
    const first = await start(dir)
    const password = first.out.join("\n").match(/admin\s+demo-admin\s+(\S+)/)![1]!
    const login = await fetch(`${first.url}/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "demo-admin", password }),
    })
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!
    const token = (await (
      await fetch(`${first.url}/v1/tokens`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ role: "admin" }),
      })
    ).json()) as { token: string }
    const clusters = (
      (await (await fetch(`${first.url}/v1/clusters?limit=40`, { headers: { authorization: `Bearer ${token.token}` } })).json()) as {
        items: Array<{ id: string }>
      }
    ).items.map((c) => c.id)
    const months = Array.from({ length: 12 * 10 }, (_, i) => `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`)
    const acknowledged: Array<{ cluster: string; period: string; value: number }> = []
    let stop = false
    const worker = async (w: number) => {
      for (let i = w; !stop && i < months.length * clusters.length; i += 8) {
        const cluster = clusters[i % clusters.length]!
        const period = months[Math.floor(i / clusters.length)]!
        const value = i + 0.5
        try {
          const r = await fetch(`${first.url}/v1/clusters/${cluster}/observations`, {
            method: "POST",
            headers: { authorization: `Bearer ${token.token}`, "content-type": "application/json" },
            body: JSON.stringify({ period, values: { revenue: value } }),
          })
          if (r.status === 201) acknowledged.push({ cluster, period, value })
        } catch {
          return // the connection died with the server
        }
      }
    }
    const load = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)))
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 20))
    // Listen before killing: the process may be gone before the load's last request settles.
    const closed = new Promise((r) => first.child.once("close", r))
    first.child.kill("SIGKILL")
    stop = true
    await load
    await closed

    const second = await start(dir)
    try {
      const stored = new Map<string, number>()
      for (const cluster of new Set(acknowledged.map((a) => a.cluster))) {
        const page = (await (
          await fetch(`${second.url}/v1/clusters/${cluster}/observations?indicators=revenue`, { headers: { authorization: `Bearer ${token.token}` } })
        ).json()) as { items: Array<{ period: string; value: number }> }
        for (const o of page.items) stored.set(`${cluster}/${o.period}`, o.value)
      }
      for (const a of acknowledged) expect(stored.get(`${a.cluster}/${a.period}`)).toBe(a.value)
      for (const a of acknowledged) {
        const trail = (await (
          await fetch(`${second.url}/v1/audit?entity=observations&id=${a.cluster}/${a.period}`, { headers: { authorization: `Bearer ${token.token}` } })
        ).json()) as { items: Array<{ action: string }> }
        expect(trail.items.map((e) => e.action)).toEqual(["submit"])
      }
      expect(acknowledged.length).toBeGreaterThanOrEqual(150)
    } finally {
      const closed = new Promise((r) => second.child.once("close", r))
      second.child.kill("SIGTERM")
      await closed
    }
  })
})
