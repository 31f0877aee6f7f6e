import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addDays, beijingDate, isIsoDate, yearsAfter } from "../../src/projects/Dates.js"
import { addWeeks, isIsoWeek, reportDeadline, weekMonday, weekOf, weekSunday, weeksBetween, weeksInYear } from "../../src/projects/Week.js"

// An independent route to the ISO week: the week belongs to the year of its Thursday, and is numbered by the
// Thursday's day of the year (ISO 8601; the same rule as GNU date's %G-W%V).
const referenceWeek = (date: string): string => {
  const t = Date.parse(`${date}T00:00:00Z`)
  const dow = new Date(t).getUTCDay() || 7
  const thursday = new Date(t + (4 - dow) * 86_400_000)
  const y = thursday.getUTCFullYear()
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(y, 0, 1)) / 86_400_000) + 1
  return `${y}-W${String(Math.floor((dayOfYear - 1) / 7) + 1).padStart(2, "0")}`
}

describe("ISO weeks", () => {
  it("agrees with the Thursday rule on every day from 1990 to 2060 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 25_500 }), (n) => {
        const d = addDays("1990-01-01", n)
        const w = weekOf(d)
        return w === referenceWeek(d) && weekMonday(w) <= d && d <= weekSunday(w) && isIsoWeek(w)
      }),
      { numRuns: 2000 },
    )
  })

  it("knows the years of 53 weeks and the weeks that straddle a new year (GNU date %G-W%V)", () => {
    expect(weekOf("2021-01-03")).toBe("2020-W53")
    expect(weekOf("2026-12-31")).toBe("2026-W53")
    expect(weeksInYear(2020)).toBe(53)
    expect(weeksInYear(2025)).toBe(52)
    expect(isIsoWeek("2021-W53")).toBe(false)
    expect(isIsoWeek("2025-W00")).toBe(false)
    expect(weekMonday("2025-W01")).toBe("2024-12-30")
    expect(addWeeks("2020-W53", 1)).toBe("2021-W01")
    expect(weeksBetween("2024-W52", "2025-W02")).toEqual(["2024-W52", "2025-W01", "2025-W02"])
    expect(weeksBetween("2025-W02", "2025-W01")).toEqual([])
  })

  it("makes a week's report due on the Monday after it, 12:00 Beijing time", () => {
    expect(reportDeadline("2025-W10")).toBe("2025-03-10T04:00:00.000Z")
    expect(reportDeadline("2020-W53")).toBe("2021-01-04T04:00:00.000Z")
  })
})

describe("dates", () => {
  it("reads real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true)
    expect(isIsoDate("2025-02-29")).toBe(false)
    expect(isIsoDate("2025-2-1")).toBe(false)
  })

  it("counts years as the Civil Code counts periods (第二百零二条)", () => {
    expect(yearsAfter("2023-03-10", 2)).toBe("2025-03-10")
    expect(yearsAfter("2024-02-29", 2)).toBe("2026-02-28")
    expect(yearsAfter("2024-02-29", 4)).toBe("2028-02-29")
    expect(yearsAfter("2023-12-31", 1)).toBe("2024-12-31")
  })

  it("takes today in Beijing time", () => {
    expect(beijingDate(new Date("2025-03-09T15:59:59Z"))).toBe("2025-03-09")
    expect(beijingDate(new Date("2025-03-09T16:00:00Z"))).toBe("2025-03-10")
  })
})
