/**
 * The spatial-weights flags shared by every spatial command (weights, moran, lisa, regress, panel …),
 * parsed here into the domain's WeightsSpec (the weights file is read here; the domain builds the weights):
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
 *   const doc = domainCall(() => moranReport(data, { id: f.id, var: expr, weights: await weightsSpec(f, io) }))
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import type { WeightsSpec } from "@jiju/domain/analyses"
import { type DataTable, decodeText, readTextTable } from "@jiju/domain/io"
import { numberFlag, parseFlags, required } from "./args.js"
import { CliError, cliError, domainCall } from "./CliError.js"
import type { CommandIO } from "./Command.js"
import { progressBar } from "./progress.js"

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

export { cliError, domainCall } from "./CliError.js"

// Read at once: an analysis has nothing to do meanwhile, and the asynchronous read's round trips to the thread
// pool (open, stat, reads, close) each wait for a scheduler on a busy machine.
const readBytes = async (path: string, io: CommandIO, flag: string): Promise<Uint8Array> => {
  try {
    return readFileSync(resolve(io.cwd, path))
  } catch (e) {
    throw new CliError("file_not_found", `cannot read --${flag} file "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
  }
}

/**
 * Read a --data file into a DataTable by its extension (CSV, XLSX, JSON records, GeoJSON with geometries);
 * `sheet` picks an XLSX sheet. Throws CliError "file_not_found", or the reader's error code (e.g. "unsupported_format").
 */
export const readSpatialData = async (path: string, io: CommandIO, sheet?: string): Promise<DataTable> => {
  const bytes = await readBytes(path, io, "data")
  const opts = sheet === undefined ? {} : { sheet }
  try {
    // Text files without the workbook reader, which costs a CSV read ~10 ms of module start.
    return readTextTable(bytes, path, opts) ?? (await import("./anyTable.js")).readTable(bytes, path, opts)
  } catch (e) {
    throw cliError(e)
  }
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

const coordsOf = (flags: WeightsFlags): readonly [string, string] | undefined => {
  if (flags.coords === undefined) return undefined
  const parts = flags.coords.split(",").map((s) => s.trim())
  if (parts.length !== 2 || parts.some((p) => p === "")) throw new CliError("bad_coords", `--coords expects two column names "X,Y", got "${flags.coords}"`, 2)
  return [parts[0]!, parts[1]!]
}

/**
 * The domain's WeightsSpec named by the flags; a --weights file is read here and passed as text.
 * Throws CliError: usage errors (exit 2) as in {@link checkWeightsFlags}; "file_not_found" (exit 1).
 * @example const spec = await weightsSpec(f, io)
 */
export const weightsSpec = async (flags: WeightsFlags, io: CommandIO): Promise<WeightsSpec> => {
  checkWeightsFlags(flags)
  const transform = styleOf(flags.transform) === "B" ? "b" : "r"
  switch (source(flags)) {
    case "weights": {
      const path = flags.weights!
      const bytes = await readBytes(path, io, "weights")
      const text = domainCall(() => decodeText(bytes))
      return { kind: "file", format: /\.gal$/i.test(path) ? "gal" : "gwt", text, transform }
    }
    case "contiguity": {
      const snap = flags.snap === undefined ? undefined : numberFlag(flags.snap, "snap")
      return { kind: "contiguity", rule: flags.contiguity as "queen" | "rook", snap, transform }
    }
    case "knn":
      return { kind: "knn", k: Number(flags.knn), coords: coordsOf(flags), transform }
    case "distance-band":
      return { kind: "distance_band", d: Number(flags["distance-band"]), coords: coordsOf(flags), transform }
  }
}

/** Parse --permutations and --seed (both whole numbers ≥ 0). */
export const permutationFlags = (f: { permutations?: string | undefined; seed?: string | undefined }) => {
  const permutations = numberFlag(f.permutations, "permutations", 0)!
  const seed = numberFlag(f.seed, "seed", 1)!
  if (!Number.isInteger(permutations) || permutations < 0 || permutations > 1e6)
    throw new CliError("bad_permutations", `--permutations expects a whole number from 0 to 1000000, got "${f.permutations}"`, 2)
  if (!Number.isInteger(seed) || seed < 0) throw new CliError("bad_seed", `--seed expects a whole number ≥ 0, got "${f.seed}"`, 2)
  return { permutations, seed }
}

/**
 * The input `jiju moran`, `jiju lisa` and `jiju geary` share: the data file, the variable (and, for the bivariate
 * statistics, the second variable `--with` when `allowWith`), the weights and the permutation flags, read and
 * checked. With --with and no --permutations, 999 permutations are run.
 */
export const spatialVariableInput = async (argv: ReadonlyArray<string>, io: CommandIO, opts: { readonly allowWith?: boolean } = {}) => {
  const { values: f } = parseFlags(argv, {
    ...weightsFlagOptions,
    data: { type: "string" },
    var: { type: "string" },
    ...(opts.allowWith ? { with: { type: "string" } } : {}),
    permutations: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
  } as const)
  const dataPath = required(f.data, "data")
  const variable = required(f.var, "var")
  const withVar = (f as { with?: string | undefined }).with
  if (withVar === "") throw new CliError("usage", "--with expects a column name or expression", 2)
  checkWeightsFlags(f)
  // Bivariate statistics are tested by permutation only: 999 (GeoDa's default) unless asked otherwise.
  const { permutations, seed } = permutationFlags({ ...f, permutations: f.permutations ?? (withVar !== undefined ? "999" : undefined) })
  const data = await readSpatialData(dataPath, io)
  const weights = await weightsSpec(f, io)
  const onProgress = permutations > 0 ? progressBar(io, `permutations ${permutations}`) : undefined
  return { json: f.json === true, data, with: withVar, options: { id: f.id, var: variable, weights, permutations, seed, onProgress } }
}
