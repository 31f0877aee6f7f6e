import { describe, expect, it } from "vitest"
import { loadScreens } from "../../src/dashboard/loadScreens.js"

describe("loadScreens", () => {
  it("hides Node's fetch while the screens load for the store, and gives the same property back", async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, "fetch")
    expect(before).toBeDefined()
    const loading = loadScreens(true, {})
    expect(globalThis.fetch).toBeUndefined()
    const ui = await loading
    expect(typeof ui.mount).toBe("function")
    expect(Object.getOwnPropertyDescriptor(globalThis, "fetch")).toEqual(before)
    expect(typeof globalThis.fetch).toBe("function")
  })

  it("leaves fetch alone for the API source, which needs it", async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, "fetch")
    const loading = loadScreens(false, {})
    expect(typeof globalThis.fetch).toBe("function")
    await loading
    expect(Object.getOwnPropertyDescriptor(globalThis, "fetch")).toEqual(before)
  })
})
