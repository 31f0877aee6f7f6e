/** Readers for the weights / Moran fixtures written by scripts/golden/moran.R (test-only, kept minimal). */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { parseCsv } from "../../src/io/csv.js"
import type { DataTable, Geometry } from "../../src/io/DataTable.js"

const root = fileURLToPath(new URL("../fixtures/", import.meta.url))

export const readText = (rel: string): string => readFileSync(root + rel, "utf8")
export const readJson = <T>(rel: string): T => JSON.parse(readText(rel)) as T
export const readCsv = (rel: string): DataTable => parseCsv(readText(rel))

/** A GAL file as ids and neighbour ids (header "n" or "0 n name id"); independent of the io reader on purpose. */
export const readGal = (rel: string): { ids: string[]; neighbours: string[][] } => {
  const lines = readText(rel).split(/\r?\n/)
  const ids: string[] = []
  const neighbours: string[][] = []
  for (let k = 1; k + 1 < lines.length; k += 2) {
    const head = lines[k]!.trim().split(/\s+/)
    if (head[0] === "") break
    ids.push(head[0]!)
    const nb = lines[k + 1]!.trim()
    neighbours.push(nb === "" ? [] : nb.split(/\s+/))
  }
  return { ids, neighbours }
}

/** The features of a GeoJSON file: id property (as text) and geometry. */
export const readGeoJson = (rel: string, idProperty: string): { ids: string[]; geometries: Geometry[] } => {
  const fc = readJson<{ features: Array<{ properties: Record<string, unknown>; geometry: Geometry }> }>(rel)
  return { ids: fc.features.map((f) => String(f.properties[idProperty])), geometries: fc.features.map((f) => f.geometry) }
}

/** Neighbour sets by id from R: { id: [neighbour ids] }. */
export type LinkSets = Record<string, string[]>

export interface GlobalFixture {
  I: number
  expected: number
  variance_randomization: number
  z_randomization: number
  p_randomization: number
  p_randomization_greater: number
  variance_normality: number
  z_normality: number
  p_normality: number
  p_normality_greater: number
  n_effective: number
}
export interface LocalFixture {
  id: string
  Ii: number
  expected: number
  variance: number
  z: number | null
  p: number | null
  quadrant: string
}
export interface MoranFixture {
  dataset: string
  ids: string[]
  islands?: string[]
  results: Record<string, { variable: string; style: "W" | "B"; global: GlobalFixture; local: LocalFixture[] }>
}
