import { readdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { commandCatalog } from "../src/commands/catalog.js"
import { runCli } from "./helpers.js"

// `jiju --help` and the dispatch read the catalog without loading the commands: it must say what they say.
describe("the command catalog", () => {
  it("names every command module once, with the command's own name and summary", async () => {
    const files = readdirSync(fileURLToPath(new URL("../src/commands/", import.meta.url)))
      .filter((f) => f.endsWith(".ts") && f !== "catalog.ts")
      .map((f) => f.replace(/\.ts$/, ""))
      .sort()
    expect(commandCatalog.map((c) => c.name).sort()).toEqual(files)
    for (const entry of commandCatalog) {
      const command = await entry.load()
      expect(command.name).toBe(entry.name)
      expect(command.summary).toEqual(entry.summary)
    }
  })

  it("jiju --help lists every command with its summary in both languages", async () => {
    const r = await runCli(["--help"])
    expect(r.code).toBe(0)
    for (const c of commandCatalog) expect(r.stdout).toContain(`  ${c.name.padEnd(14)} ${c.summary.zh} · ${c.summary.en}`)
    expect(r.stdout).toContain("dashboard")
  })

  it("an unknown command is a usage error (exit 2) naming it", async () => {
    const r = await runCli(["nosuch", "--json"])
    expect(r.code).toBe(2)
    expect(r.json()).toEqual({ error: { code: "usage", message: 'unknown command "nosuch"; run jiju --help' } })
  })
})
