/**
 * The spatial-weights flags shared by every spatial command (weights, moran, lisa, regress, panel …),
 * parsed once here into SpatialWeights aligned to the data's rows:
 *
 *   --weights FILE.gal|FILE.gwt        neighbours from a GAL / GWT file, matched to the data by --id value
 *   --contiguity queen|rook [--snap T] polygon contiguity (--data must be GeoJSON with polygons)
 *   --knn K --coords X,Y               k nearest neighbours
 *   --distance-band D --coords X,Y     neighbours within distance D (inclusive)
 *   --transform r|b                    row-standardised (default) or binary
 *   --id COL                           unit ids (default: 1-based row numbers)
 *
 * Usage in a command:
 *   const { values: f } = parseFlags(argv, { ...weightsFlagOptions, data: { type: "string" }, json: { type: "boolean" } })
 *   const data = await readSpatialData(f.data, io)
 *   const { ids, weights } = await buildWeights(f, data, io)
 */
import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import {
  alignWeights,
  contiguityWeights,
  type DataTable,
  decodeText,
  distanceBandWeights,
  InputError,
  knnWeights,
  type NeighbourList,
  numericColumn,
  parseGal,
  parseGwt,
  type PointCoordinates,
  readTable,
  type SpatialWeights,
  stringColumn,
  weightsFromNeighbourList,
} from "@jiju/domain"
import { numberFlag } from "./args.js"
import { CliError } from "./CliError.js"
import type { CommandIO } from "./Command.js"

/** parseArgs options for the weights flags; spread them into a command's own options. */
export const weightsFlagOptions = {
  id: { type: "string" },
  weights: { type: "string" },
  contiguity: { type: "string" },
  snap: { type: "string" },
  knn: { type: "string" },
  "distance-band": { type: "string" },
  coords: { type: "string" },
  transform: { type: "string" },
} as const

/** The values of the weights flags as parseArgs returns them. */
export interface WeightsFlags {
  readonly id?: string | undefined
  readonly weights?: string | undefined
  readonly contiguity?: string | undefined
  readonly snap?: string | undefined
  readonly knn?: string | undefined
  readonly "distance-band"?: string | undefined
  readonly coords?: string | undefined
  readonly transform?: string | undefined
}

/** Help text for the weights flags, to append to a command's usage. */
export const weightsUsage = `weights (exactly one of):
  --weights FILE        GAL or GWT file; its ids are matched to the --id column by value
  --contiguity RULE     queen or rook contiguity of the polygons (--data must be GeoJSON);
                        --snap TOL: vertices closer than TOL coincide (default 1e-7 × data extent)
  --knn K               K nearest neighbours of the points given by --coords X,Y
  --distance-band D     neighbours within distance D (≤ D) of the points given by --coords X,Y
  --coords X,Y          coordinate columns (for GeoJSON points, the point geometry is used when omitted)
  --transform r|b       r: row-standardised (default), b: binary
  --id COL              unit id column (default: 1-based row numbers)`

/** Turn domain input errors into the CLI's one-line error, keeping the code (exit 1: bad input). */
export const cliInputError = (e: unknown): unknown =>
  e instanceof InputError ? new CliError(e.code, e.message.replace(/\s*\n\s*/g, "; "), 1) : e

const readBytes = async (path: string, io: CommandIO, flag: string): Promise<Uint8Array> => {
  try {
    return await readFile(resolve(io.cwd, path))
  } catch (e) {
    throw new CliError("file_not_found", `cannot read --${flag} file "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
  }
}

/**
 * Read a --data file into a DataTable by its extension (CSV, XLSX, JSON records, GeoJSON with geometries).
 * Throws CliError "file_not_found", or the reader's error code (e.g. "unsupported_format").
 */
export const readSpatialData = async (path: string, io: CommandIO): Promise<DataTable> => {
  const bytes = await readBytes(path, io, "data")
  try {
    return readTable(bytes, path)
  } catch (e) {
    throw cliInputError(e)
  }
}

/** The unit ids: the --id column as text, or 1-based row numbers. */
export const dataIds = (data: DataTable, idColumn: string | undefined): string[] => {
  if (idColumn === undefined) return data.rows.map((_, i) => String(i + 1))
  try {
    return stringColumn(data, idColumn)
  } catch (e) {
    throw cliInputError(e)
  }
}

const coordinates = (data: DataTable, flags: WeightsFlags, method: string): PointCoordinates => {
  if (flags.coords !== undefined) {
    const parts = flags.coords.split(",").map((s) => s.trim())
    if (parts.length !== 2 || parts.some((p) => p === ""))
      throw new CliError("bad_coords", `--coords expects two column names "X,Y", got "${flags.coords}"`, 2)
    return { x: numericColumn(data, parts[0]!), y: numericColumn(data, parts[1]!) }
  }
  const g = data.geometry
  if (g !== undefined && g.length > 0 && g.every((p) => p?.type === "Point")) {
    return {
      x: Float64Array.from(g, (p) => (p as { coordinates: readonly [number, number] }).coordinates[0]),
      y: Float64Array.from(g, (p) => (p as { coordinates: readonly [number, number] }).coordinates[1]),
    }
  }
  throw new CliError("missing_coords", `--${method} needs --coords X,Y (the columns holding the point coordinates)`, 2)
}

const styleOf = (transform: string | undefined): "W" | "B" => {
  if (transform === undefined || transform === "r" || transform === "R" || transform === "W") return "W"
  if (transform === "b" || transform === "B") return "B"
  throw new CliError("bad_transform", `--transform expects r (row-standardised) or b (binary), got "${transform}"`, 2)
}

/** Which weights source the flags name; exactly one is required. */
const source = (flags: WeightsFlags): "weights" | "contiguity" | "knn" | "distance-band" => {
  const given = (["weights", "contiguity", "knn", "distance-band"] as const).filter((k) => flags[k] !== undefined)
  if (given.length === 0)
    throw new CliError("missing_weights", "spatial weights needed: give one of --weights FILE, --contiguity queen|rook, --knn K, --distance-band D", 2)
  if (given.length > 1) throw new CliError("conflicting_weights", `give only one weights source, got ${given.map((g) => `--${g}`).join(" and ")}`, 2)
  return given[0]!
}

/**
 * Check the weights flags without reading any file (so usage errors come before input errors).
 * Throws CliError with exit code 2.
 */
export const checkWeightsFlags = (flags: WeightsFlags): void => {
  const s = source(flags)
  styleOf(flags.transform)
  if (s === "contiguity" && flags.contiguity !== "queen" && flags.contiguity !== "rook")
    throw new CliError("bad_contiguity", `--contiguity expects queen or rook, got "${flags.contiguity}"`, 2)
  if (s === "knn" && !/^[1-9]\d*$/.test(flags.knn!)) throw new CliError("bad_knn", `--knn expects a whole number ≥ 1, got "${flags.knn}"`, 2)
  if (s === "distance-band") {
    const d = numberFlag(flags["distance-band"], "distance-band")!
    if (d < 0) throw new CliError("bad_distance", `--distance-band expects a distance ≥ 0, got "${flags["distance-band"]}"`, 2)
  }
  if (flags.snap !== undefined) {
    if (s !== "contiguity") throw new CliError("usage", "--snap applies only to --contiguity", 2)
    if (numberFlag(flags.snap, "snap")! < 0) throw new CliError("bad_snap", `--snap expects a tolerance ≥ 0, got "${flags.snap}"`, 2)
  }
  if (s === "weights" && !/\.(gal|gwt)$/i.test(flags.weights!))
    throw new CliError("unknown_weights_format", `--weights expects a .gal or .gwt file, got "${flags.weights}"`, 2)
}

/**
 * Build the weights named by the flags for `data`, with rows in the data's order (ids matched by value).
 * Throws CliError: usage errors (exit 2) as in {@link checkWeightsFlags}; "file_not_found"; the domain's
 * input errors ("ids_mismatch", "no_polygons", "unknown_column", "not_numeric", …) with exit 1.
 * @example const { ids, weights } = await buildWeights(f, data, io)
 */
export const buildWeights = async (
  flags: WeightsFlags,
  data: DataTable,
  io: CommandIO,
): Promise<{ readonly ids: string[]; readonly weights: SpatialWeights }> => {
  checkWeightsFlags(flags)
  const style = styleOf(flags.transform)
  const ids = dataIds(data, flags.id)
  try {
    switch (source(flags)) {
      case "weights": {
        const path = flags.weights!
        const text = decodeText(await readBytes(path, io, "weights"))
        let list: NeighbourList
        if (/\.gal$/i.test(path)) list = parseGal(text)
        else {
          try {
            list = parseGwt(text)
          } catch (e) {
            // Islands are absent from a GWT body; with non-index ids only the data can name them.
            if (e instanceof InputError && e.code === "n_mismatch") list = parseGwt(text, { ids })
            else throw e
          }
        }
        return { ids, weights: alignWeights(weightsFromNeighbourList(list, { style }), ids) }
      }
      case "contiguity": {
        if (data.geometry === undefined || !data.geometry.some((g) => g?.type === "Polygon" || g?.type === "MultiPolygon"))
          throw new CliError(
            "no_polygons",
            "--contiguity needs polygons: --data must be a GeoJSON FeatureCollection of Polygon or MultiPolygon features, and it has none",
            1,
          )
        const snap = flags.snap === undefined ? undefined : numberFlag(flags.snap, "snap")
        const rule = flags.contiguity as "queen" | "rook"
        return { ids, weights: contiguityWeights(ids, data.geometry, snap === undefined ? { rule, style } : { rule, style, snap }) }
      }
      case "knn":
        return { ids, weights: knnWeights(ids, coordinates(data, flags, "knn"), Number(flags.knn), { style }) }
      case "distance-band":
        return {
          ids,
          weights: distanceBandWeights(ids, coordinates(data, flags, "distance-band"), Number(flags["distance-band"]), { style }),
        }
    }
  } catch (e) {
    throw cliInputError(e)
  }
}
