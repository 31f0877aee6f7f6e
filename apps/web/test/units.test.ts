import { describe, expect, it } from "vitest"
import { currentCode, STALE_CODES } from "../src/charts/henanMap.js"
import { meanByUnit, unitOf } from "../src/data/units.js"
import { readNumber, unusualRatio } from "../src/form/validate.js"

describe("reading typed numbers", () => {
  it("accepts separators, full-width digits and exponents, and refuses text", () => {
    expect(readNumber(" 1,234.5 ")).toBe(1234.5)
    expect(readNumber("１２３")).toBe(123)
    expect(readNumber("1e3")).toBe(1000)
    expect(readNumber("-0.5")).toBe(-0.5)
    expect(readNumber("")).toBeNull()
    expect(readNumber("12元")).toBeUndefined()
    expect(readNumber("1.2.3")).toBeUndefined()
  })

  it("flags values at least 10 times or at most a tenth of last period's", () => {
    expect(unusualRatio(100, 10)).toBe(10)
    expect(unusualRatio(99.9, 10)).toBeNull()
    expect(unusualRatio(1, 10)).toBe(0.1)
    expect(unusualRatio(1.01, 10)).toBeNull()
    expect(unusualRatio(5, undefined)).toBeNull()
    expect(unusualRatio(5, 0)).toBeNull()
  })
})

describe("map units", () => {
  it("remaps the boundary package's two stale Luoyang codes to the current ones", () => {
    expect(STALE_CODES).toEqual({ "410306": "410308", "410381": "410307" })
    expect(currentCode(410306)).toBe("410308")
    expect(currentCode("410381")).toBe("410307")
    expect(currentCode(410311)).toBe("410311")
  })

  it("puts a county in its prefecture city (济源 in 419001) or keeps it on a city map", () => {
    expect(unitOf("410611", "410000")).toBe("410600")
    expect(unitOf("419001", "410000")).toBe("419001")
    expect(unitOf("110101", "410000")).toBeUndefined()
    expect(unitOf("410308", "410300")).toBe("410308")
    expect(unitOf("410611", "410300")).toBeUndefined()
    expect(
      meanByUnit([
        { unit: "a", value: 1 },
        { unit: "a", value: 3 },
        { unit: undefined, value: 9 },
        { unit: "b", value: 2 },
      ]),
    ).toEqual(
      new Map([
        ["a", 2],
        ["b", 2],
      ]),
    )
  })
})
