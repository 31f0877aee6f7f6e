import { type IndicatorDefinition, indicatorCatalogue } from "@jiju/domain/model"
import { describe, expect, it } from "vitest"
import { CATALOGUE_TTL_MS, cachedCatalogue } from "../src/register/IndicatorCatalogue.js"

/** A catalogue repository that counts its reads, over a list the test may change. */
const countingRepo = (defs: IndicatorDefinition[]) => {
  const repo = {
    reads: 0,
    defs,
    list: async () => {
      repo.reads++
      return repo.defs
    },
  }
  return repo
}

describe("cachedCatalogue", () => {
  const [revenue, employment] = [indicatorCatalogue.find((d) => d.code === "revenue")!, indicatorCatalogue.find((d) => d.code === "employment")!]

  it("reads the catalogue once within the TTL, again after it or after invalidate", async () => {
    let now = 0
    const repo = countingRepo([revenue, employment])
    const cat = cachedCatalogue(repo, () => now)
    expect((await cat.byCode(["revenue"])).get("revenue")).toEqual(revenue)
    await cat.byCode(["employment"])
    expect(repo.reads).toBe(1)
    now = CATALOGUE_TTL_MS - 1
    expect(cat.peek(["revenue", "employment"])?.get("employment")).toEqual(employment)
    await cat.byCode(["revenue"])
    expect(repo.reads).toBe(1)
    now = CATALOGUE_TTL_MS
    expect(cat.peek(["revenue"])).toBeUndefined()
    await cat.byCode(["revenue"])
    expect(repo.reads).toBe(2)
    cat.invalidate()
    await cat.byCode(["revenue"])
    expect(repo.reads).toBe(3)
  })

  it("looks again before calling a code unknown, so an indicator added elsewhere is found at once", async () => {
    const repo = countingRepo([revenue])
    const cat = cachedCatalogue(repo, () => 0)
    expect(cat.peek(["revenue"])).toBeUndefined()
    expect((await cat.byCode(["employment"])).has("employment")).toBe(false)
    expect(cat.peek(["employment"])).toBeUndefined()
    expect(repo.reads).toBe(1)
    repo.defs = [revenue, employment]
    expect((await cat.byCode(["employment"])).get("employment")).toEqual(employment)
    expect(repo.reads).toBe(2)
    await cat.byCode(["revenue", "employment"])
    expect(repo.reads).toBe(2)
  })
})
