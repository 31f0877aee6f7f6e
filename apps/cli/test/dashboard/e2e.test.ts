import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { openStore, storeOn } from "@jiju/store"
import { demoData } from "@jiju/store/demo"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// The built binary in a real terminal (tmux): `jiju` with no arguments opens the dashboard on demo data.
const main = join(dirname(fileURLToPath(import.meta.url)), "../../dist/main.js")
const hasTmux = spawnSync("tmux", ["-V"]).status === 0
const reason = !existsSync(main) ? `${main} is missing: run the build first` : !hasTmux ? "tmux is not installed" : null
if (reason) console.warn(`[dashboard e2e] skipped: ${reason}`)

const socket = `jiju-e2e-${process.pid}`
const tmux = (...args: string[]) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
const screen = () => tmux("capture-pane", "-p", "-t", "dash")
const until = async (text: string | RegExp, timeout = 30_000) => {
  const t0 = Date.now()
  while (typeof text === "string" ? !screen().includes(text) : !text.test(screen())) {
    // The binary ended early (a crash): fail now with what it printed.
    if (Date.now() - t0 > timeout || (text !== "EXITED 0" && screen().includes("EXITED")))
      throw new Error(`timed out waiting for "${text}" (or the dashboard exited); screen:\n${screen()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return screen()
}
// One key per write: a terminal sends keys one by one, and the dashboard reads each as it comes.
const press = async (...names: string[]) => {
  for (const k of names) {
    tmux("send-keys", "-t", "dash", k)
    await new Promise((r) => setTimeout(r, 150))
  }
}

describe.skipIf(reason !== null)("dashboard end to end (built binary in tmux)", () => {
  let dir = ""
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jiju-dash-e2e-"))
    // The demo data set (regions, all zones) with its last four years of observations, written as `jiju demo`
    // writes it; fewer years keep the test fast and change nothing the test reads (the latest ranking).
    const store = await openStore({ env: { JIJU_DATA_DIR: join(dir, "data"), DATABASE_URL: "" } })
    try {
      const demo = demoData()
      await store.db.transaction(async (tx) => {
        const s = storeOn(tx)
        await s.regions.upsert(demo.regions)
        await s.clusters.insertMany(demo.clusters, tx)
        await s.observations.insertMany(
          demo.observations.filter((o) => o.period >= "2022"),
          tx,
        )
      })
    } finally {
      await store.close()
    }
  }, 120_000)
  afterAll(() => {
    try {
      tmux("kill-server")
    } catch {
      // already gone
    }
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it("opens on the ranking, moves, opens a zone, switches screens and language, and quits with q", async () => {
    // A clean environment: under CI=true Ink draws only the final frame, so CI's variables must not reach the binary.
    const cmd = `env -i PATH='${process.env.PATH ?? "/usr/bin:/bin"}' HOME='${dir}' TERM=xterm-256color JIJU_DATA_DIR='${join(dir, "data")}' NO_COLOR=1 '${process.execPath}' '${main}'; echo "EXITED $?"; sleep 30`
    tmux("new-session", "-d", "-s", "dash", "-x", "80", "-y", "24", cmd)
    const first = await until("排名：据观测值计算")
    expect(first).toContain("[总览]")
    expect(first).toContain("演示数据 demo data")
    expect(first).toContain("省辖市区")
    expect(first).toMatch(/›\s+1\s/)
    expect(first.split("\n").length).toBeLessThanOrEqual(25)
    await press("j")
    await until(/›\s+2\s/)
    await press("Enter")
    const zone = await until("主导产业")
    expect(zone).toContain("[集聚区]")
    expect(zone).toContain("指标走势")
    await press("Escape")
    await until("[总览]")
    await press("Tab", "Tab", "Tab")
    await until("[目标]")
    await press("l")
    await until("[Targets]")
    await press("q")
    await until("EXITED 0")
  }, 60_000)

  it("keeps the engine's code cache of its script after the first launch, and opens and runs analyses with it", async () => {
    // The bundle runs the dashboard's parts as one script (src/dashboard/parts.ts); the launch above kept its code.
    const cacheDir = join(dir, ".cache", "jiju", "code-cache")
    const cached = readdirSync(cacheDir).filter((f) => f.startsWith("dashboard.script-"))
    expect(cached).toHaveLength(1)
    const written = statSync(join(cacheDir, cached[0]!)).mtimeMs
    tmux("kill-session", "-t", "dash")
    const cmd = `env -i PATH='${process.env.PATH ?? "/usr/bin:/bin"}' HOME='${dir}' TERM=xterm-256color JIJU_DATA_DIR='${join(dir, "data")}' NO_COLOR=1 '${process.execPath}' '${main}'; echo "EXITED $?"; sleep 30`
    tmux("new-session", "-d", "-s", "dash", "-x", "80", "-y", "24", cmd)
    await until("排名：据观测值计算")
    // Analyses: the statistics come from the domain's analyses, loaded on demand inside the script.
    await press("Tab", "Tab")
    await until("[分析]")
    await press("Enter")
    const coupling = await until("— 耦合协调度 —")
    expect(coupling).toMatch(/mean D 0\.\d{3}/)
    // Moran's I follows below: scroll to it.
    await press(...Array.from({ length: 16 }, () => "j"))
    const moran = await until("全局 Moran's I")
    expect(moran).toMatch(/I = -?\d\.\d{4}/)
    await press("Escape", "q")
    await until("EXITED 0")
    // V8 took the cache: it was not written again.
    expect(readdirSync(cacheDir).filter((f) => f.startsWith("dashboard.script-"))).toEqual(cached)
    expect(statSync(join(cacheDir, cached[0]!)).mtimeMs).toBe(written)
  }, 60_000)
})
