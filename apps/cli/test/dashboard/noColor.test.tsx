import { afterAll, describe, expect, it, vi } from "vitest"
import { themeFor } from "../../src/dashboard/ui/theme.js"
import { hotspotsSource } from "./hotspotsFixture.js"
import { keys, start } from "./ui.js"

// Colour on for this file (tests run without a terminal, where colour is off by default), so NO_COLOR has
// something to turn off.
vi.hoisted(() => {
  process.env.FORCE_COLOR = "1"
})

// An SGR colour sequence: ESC [ 3x m or ESC [ 9x m.
const sgr = new RegExp(`${String.fromCharCode(27)}\\[(3|9)\\dm`)

describe("NO_COLOR", () => {
  afterAll(() => {
    delete process.env.FORCE_COLOR
  })
  it("writes no colour codes under NO_COLOR, where the default theme writes some", async () => {
    const plain = await start({ env: { NO_COLOR: "1" } })
    expect(plain.frame()).not.toMatch(sgr)
    expect(plain.frame()).toContain("▲2")
    plain.r.unmount()
    const coloured = await start({ env: {} })
    expect(coloured.frame()).toMatch(sgr)
    coloured.r.unmount()
  })

  it("the hot spots say hot and cold in words; colour only where colour is allowed", async () => {
    const plain = await start({ source: hotspotsSource(), env: { NO_COLOR: "1" } })
    await plain.press(keys.tab, keys.tab, keys.tab, keys.tab)
    await plain.until("热点 99%")
    expect(plain.frame()).not.toMatch(sgr)
    plain.r.unmount()
    const coloured = await start({ source: hotspotsSource(), env: {} })
    await coloured.press(keys.tab, keys.tab, keys.tab, keys.tab)
    await coloured.until("热点 99%")
    expect(coloured.frame()).toMatch(sgr)
    coloured.r.unmount()
  })

  it("reads NO_COLOR and TERM=dumb", () => {
    expect(themeFor({ NO_COLOR: "1" }).accent).toBeUndefined()
    expect(themeFor({ TERM: "dumb" }).up).toBeUndefined()
    expect(themeFor({}).accent).toBe("cyan")
  })
})
