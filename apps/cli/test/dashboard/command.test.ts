import { describe, expect, it } from "vitest"
import { runCli } from "../helpers.js"

describe("jiju dashboard (command)", () => {
  it("prints its usage with --help", async () => {
    const r = await runCli(["dashboard", "--help"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("jiju [dashboard] [--api URL --token T]")
    expect(r.stdout).toContain("q quit")
  })

  it("refuses to open without an interactive terminal", async () => {
    // Whatever terminal the test runner has, the dashboard must see none here.
    const was = Object.getOwnPropertyDescriptor(process.stdin, "isTTY")
    Object.defineProperty(process.stdin, "isTTY", { value: undefined, configurable: true })
    const r = await runCli(["dashboard"]).finally(() => {
      if (was) Object.defineProperty(process.stdin, "isTTY", was)
      else delete (process.stdin as { isTTY?: boolean }).isTTY
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("needs an interactive terminal")
  })

  it("rejects a bad --lang before touching any data", async () => {
    expect((await runCli(["dashboard", "--lang", "fr"])).stderr).toContain("--lang must be zh or en")
  })

  it("rejects an unknown flag as a usage error", async () => {
    const r = await runCli(["dashboard", "--colour"])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("--colour")
  })

  it("lists the dashboard in the help, and `jiju` alone prints the help when not in a terminal", async () => {
    const r = await runCli([])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("dashboard")
    expect(r.stdout).toContain("终端看板")
  })
})
