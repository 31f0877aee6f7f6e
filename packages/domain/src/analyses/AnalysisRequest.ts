/**
 * The analyses as requests: the Schema of each analysis's input (what the CLI's flags and files say, as one JSON
 * body), how much work it asks for, and the function that answers it with the `jiju <name> --json` document.
 * The HTTP API runs these in worker threads; the same request always gives the same document.
 */
import * as Schema from "effect/Schema"
import { parseCsv } from "../io/csv.js"
import type { DataTable } from "../io/DataTable.js"
import { parseGeoJson } from "../io/geojson.js"
import { parseJsonRecords } from "../io/json.js"
import { decodeOrThrow } from "../model/decode.js"
import { type Bilingual, inputError } from "../model/errors.js"
import { bivariateLisaReport, bivariateMoranReport } from "./BivariateMoranReport.js"
import { concentrationReport } from "./ConcentrationReport.js"
import { couplingReport, signedIndicator } from "./CouplingReport.js"
import { densityReport } from "./DensityReport.js"
import { disparityReport } from "./DisparityReport.js"
import { gearyReport } from "./GearyReport.js"
import { gwrReport } from "./GwrReport.js"
import { hotspotsReport } from "./HotspotsReport.js"
import { lisaReport } from "./LisaReport.js"
import { markovReport } from "./MarkovReport.js"
import { moranReport } from "./MoranReport.js"
import { panelReport } from "./PanelReport.js"
import { regressReport } from "./RegressReport.js"
import { thresholdReport } from "./ThresholdReport.js"
import { weightsReport } from "./WeightsReport.js"
import type { WeightsSpec } from "./WeightsSpec.js"

/** The data of an analysis: JSON records (`data`), CSV text (`csv`) or GeoJSON (`geojson`), exactly one. */
export const dataInputFields = {
  /** One object per row, flat values (as a `.json` file given to the CLI). */
  data: Schema.optional(Schema.Array(Schema.Record(Schema.String, Schema.Unknown))),
  /** CSV text with a header row (as a `.csv` file given to the CLI). */
  csv: Schema.optional(Schema.String),
  /** A GeoJSON FeatureCollection (object or text): its properties are the columns, its geometries are kept. */
  geojson: Schema.optional(Schema.Unknown),
}

type DataInput = { readonly data?: ReadonlyArray<Record<string, unknown>> | undefined; readonly csv?: string | undefined; readonly geojson?: unknown }

/**
 * The table of a request, read by the same parsers the CLI uses for `.json`, `.csv` and `.geojson` files.
 * InputError "data_required" unless exactly one of data, csv and geojson is given.
 * @example tableOfRequest({ csv: "id,x\n1,2" }).rows.length // 1
 */
export const tableOfRequest = (input: DataInput): DataTable => {
  const given = [input.data, input.csv, input.geojson].filter((x) => x !== undefined).length
  if (given !== 1)
    throw inputError(
      "data_required",
      "give the rows as exactly one of data (JSON records), csv (text) or geojson",
      "请以 data（JSON 记录）、csv（文本）或 geojson 之一提供数据",
      { column: "data" },
    )
  if (input.geojson !== undefined) return parseGeoJson(typeof input.geojson === "string" ? input.geojson : JSON.stringify(input.geojson))
  return input.csv !== undefined ? parseCsv(input.csv) : parseJsonRecords(JSON.stringify(input.data))
}

/**
 * The spatial weights of a request, one source (as the CLI's --weights / --contiguity / --knn / --distance-band
 * flags): GAL or GWT text, polygon contiguity of GeoJSON data, k nearest neighbours or a distance band.
 */
export const WeightsRequest = Schema.Struct({
  gal: Schema.optional(Schema.String),
  gwt: Schema.optional(Schema.String),
  contiguity: Schema.optional(Schema.Literals(["queen", "rook"])),
  snap: Schema.optional(Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))),
  knn: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  distanceBand: Schema.optional(Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))),
  /** Coordinate columns [x, y] (GeoJSON points are used when omitted). */
  coords: Schema.optional(Schema.Tuple([Schema.String, Schema.String])),
  /** r: row-standardised (default), b: binary. */
  transform: Schema.optional(Schema.Literals(["r", "b"])),
})
export type WeightsRequest = typeof WeightsRequest.Type

const weightsProblem = (code: string, en: string, zh: string) => inputError(code, en, zh, { column: "weights" })

/**
 * The domain's WeightsSpec of a request's weights: exactly one source. InputError "missing_weights",
 * "conflicting_weights" or "usage" (snap without contiguity).
 * @example weightsOfRequest({ knn: 4, coords: ["x", "y"] }) // { kind: "knn", k: 4, … }
 */
export const weightsOfRequest = (w: WeightsRequest): WeightsSpec => {
  const given = (["gal", "gwt", "contiguity", "knn", "distanceBand"] as const).filter((k) => w[k] !== undefined)
  if (given.length !== 1)
    throw weightsProblem(
      given.length === 0 ? "missing_weights" : "conflicting_weights",
      `give exactly one weights source (gal, gwt, contiguity, knn, distance_band), got ${given.length}`,
      `请只给出一种空间权重来源（gal、gwt、contiguity、knn、distance_band），当前为 ${given.length} 种`,
    )
  if (w.snap !== undefined && w.contiguity === undefined) throw weightsProblem("usage", "snap applies only to contiguity", "snap 仅用于 contiguity")
  const transform = w.transform
  switch (given[0]!) {
    case "gal":
      return { kind: "file", format: "gal", text: w.gal!, transform }
    case "gwt":
      return { kind: "file", format: "gwt", text: w.gwt!, transform }
    case "contiguity":
      return { kind: "contiguity", rule: w.contiguity!, snap: w.snap, transform }
    case "knn":
      return { kind: "knn", k: w.knn!, coords: w.coords, transform }
    case "distanceBand":
      return { kind: "distance_band", d: w.distanceBand!, coords: w.coords, transform }
  }
}

const spatialFields = {
  ...dataInputFields,
  /** Unit id column (default: 1-based row numbers). */
  id: Schema.optional(Schema.String),
  weights: WeightsRequest,
}

/** Body of the weights analysis (the flags of `jiju weights`). */
export const WeightsAnalysisRequest = Schema.Struct(spatialFields)

/** Body of Moran's I and LISA (the flags of `jiju moran` and `jiju lisa`). */
export const MoranRequest = Schema.Struct({
  ...spatialFields,
  /** Column name or expression, e.g. "gdp" or "log(gdp)". */
  var: Schema.String,
  permutations: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(1_000_000))),
  seed: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
  /** A second variable: GeoDa's bivariate Moran's I (or LISA) of `var` and the spatial lag of `with` (999 permutations by default). */
  with: Schema.optional(Schema.String),
})
export type MoranRequest = typeof MoranRequest.Type

/** Body of Geary's C (the flags of `jiju geary`): as Moran's I, without a second variable. */
export const GearyRequest = Schema.Struct({
  ...spatialFields,
  var: Schema.String,
  permutations: MoranRequest.fields.permutations,
  seed: MoranRequest.fields.seed,
})
export type GearyRequest = typeof GearyRequest.Type

/** Body of the local Getis–Ord statistics (the flags of `jiju hotspots`). */
export const HotspotsRequest = Schema.Struct({
  ...spatialFields,
  /** Column name or expression. */
  var: Schema.String,
  /** G*_i (each unit among its own neighbours) instead of G_i. */
  star: Schema.optional(Schema.Boolean),
  /** Classify by Benjamini–Hochberg adjusted p-values. */
  fdr: Schema.optional(Schema.Boolean),
})
export type HotspotsRequest = typeof HotspotsRequest.Type

/** Body of a geographically weighted regression (the flags of `jiju gwr`): exactly one of bandwidth, neighbours, select. */
export const GwrRequest = Schema.Struct({
  ...dataInputFields,
  id: Schema.optional(Schema.String),
  /** R-style formula, e.g. "log(y) ~ x1 + x2". */
  formula: Schema.String,
  /** Coordinate columns [x, y] (GeoJSON points are used when omitted). */
  coords: Schema.optional(Schema.Tuple([Schema.String, Schema.String])),
  kernel: Schema.Literals(["gaussian", "bisquare"]),
  /** Fixed bandwidth (a distance). */
  bandwidth: Schema.optional(Schema.Finite.check(Schema.isGreaterThan(0))),
  /** Adaptive bandwidth: K nearest points, the point itself counted. */
  neighbours: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  /** Choose the bandwidth by AICc or cross-validation. */
  select: Schema.optional(Schema.Literals(["aicc", "cv"])),
  /** With select: search fixed distances or adaptive K (default adaptive for bisquare, fixed for gaussian). */
  search: Schema.optional(Schema.Literals(["fixed", "adaptive"])),
})
export type GwrRequest = typeof GwrRequest.Type

/** Body of a panel threshold regression (the flags of `jiju threshold`). */
export const ThresholdRequest = Schema.Struct({
  ...dataInputFields,
  unit: Schema.String,
  period: Schema.String,
  /** "y ~ z1 + z2": the response and the regressors whose coefficients do not change. */
  formula: Schema.String,
  /** The threshold variable (column or expression). */
  thresholdVar: Schema.String,
  /** The regressor(s) whose coefficient changes with the regime: one name, a comma-separated list, or a list. */
  regimeVar: Schema.Union([Schema.String, Schema.Array(Schema.String)]),
  thresholds: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1), Schema.isLessThanOrEqualTo(3))),
  trim: Schema.optional(Schema.Finite.check(Schema.isGreaterThan(0), Schema.isLessThan(0.5))),
  bootstrap: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(100_000))),
  seed: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
})
export type ThresholdRequest = typeof ThresholdRequest.Type

/** Body of the disparity decomposition (the flags of `jiju disparity`). */
export const DisparityRequest = Schema.Struct({
  ...dataInputFields,
  /** Column naming each row's group (e.g. east / central / west). */
  group: Schema.String,
  /** Column of the values (or an expression). */
  value: Schema.String,
  /** Column of the periods: one decomposition per period. */
  periodCol: Schema.optional(Schema.String),
  /** Only this period (with periodCol). */
  period: Schema.optional(Schema.String),
})
export type DisparityRequest = typeof DisparityRequest.Type

/** Body of the kernel density (the flags of `jiju density`). */
export const DensityRequest = Schema.Struct({
  ...dataInputFields,
  /** Column of the values. */
  value: Schema.String,
  /** Column of the periods: one density per period. */
  periodCol: Schema.optional(Schema.String),
})
export type DensityRequest = typeof DensityRequest.Type

/** Body of the Markov chains (the flags of `jiju markov`); weights, matched to `id`, add the spatial chains. */
export const MarkovRequest = Schema.Struct({
  ...dataInputFields,
  id: Schema.String,
  period: Schema.String,
  /** Column name or expression. */
  var: Schema.String,
  classes: Schema.Int.check(Schema.isGreaterThanOrEqualTo(2)),
  classify: Schema.optional(Schema.Literals(["pooled", "period"])),
  weights: Schema.optional(WeightsRequest),
})
export type MarkovRequest = typeof MarkovRequest.Type

/** Body of a regression (the flags of `jiju regress`). */
export const RegressRequest = Schema.Struct({
  ...dataInputFields,
  id: Schema.optional(Schema.String),
  /** R-style formula, e.g. "log(y) ~ a + log(b)". */
  formula: Schema.String,
  model: Schema.optional(Schema.Literals(["ols", "lag", "error", "slx", "durbin", "sdem", "sac"])),
  alpha: Schema.optional(Schema.Finite.check(Schema.isGreaterThan(0), Schema.isLessThan(1))),
  weights: Schema.optional(WeightsRequest),
  /** slx, durbin, sdem: regressors whose spatial lags enter (default all but the intercept). */
  durbin: Schema.optional(Schema.Array(Schema.String)),
  variance: Schema.optional(Schema.Literals(["auto", "information", "hessian"])),
  /** lag, durbin, sac: simulated impact standard errors from this many draws (`--impacts-se N`). */
  impactsSe: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(2), Schema.isLessThanOrEqualTo(1_000_000))),
  seed: Schema.optional(Schema.Int),
})
export type RegressRequest = typeof RegressRequest.Type

/** Body of a panel model (the flags of `jiju panel`); the weights are matched to the unit column. */
export const PanelRequest = Schema.Struct({
  ...dataInputFields,
  unit: Schema.String,
  period: Schema.String,
  /** R-style formula, e.g. "inv ~ value + capital"; the fixed effects absorb the intercept. */
  formula: Schema.String,
  effects: Schema.optional(Schema.Literals(["individual", "time", "twoways"])),
  model: Schema.optional(Schema.Literals(["fe", "re", "lag", "error", "durbin"])),
  /** Required by lag, error and durbin; with fe it adds the LM diagnostics and the LR tests of the effects. */
  weights: Schema.optional(WeightsRequest),
  durbin: Schema.optional(Schema.Array(Schema.String)),
  biasCorrection: Schema.optional(Schema.Literals(["none", "lee-yu"])),
  variance: Schema.optional(Schema.Literals(["auto", "information", "hessian"])),
  impactsSe: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(2), Schema.isLessThanOrEqualTo(1_000_000))),
  seed: Schema.optional(Schema.Int),
  /** Run the model per group of this column and compare the groups. */
  by: Schema.optional(Schema.String),
})
export type PanelRequest = typeof PanelRequest.Type

/** Body of the coupling coordination degree (the flags of `jiju coupling`). */
export const CouplingRequest = Schema.Struct({
  ...dataInputFields,
  id: Schema.String,
  period: Schema.optional(Schema.String),
  /** Subsystems and their columns; "-" before a column marks a negative indicator, as in `--subsystem`. */
  subsystems: Schema.Array(Schema.Struct({ name: Schema.NonEmptyString, indicators: Schema.Array(Schema.NonEmptyString).check(Schema.isMinLength(1)) })).check(
    Schema.isMinLength(2),
  ),
  weighting: Schema.optional(Schema.Literals(["entropy", "equal"])),
  normalise: Schema.optional(Schema.Literals(["minmax", "shifted"])),
  alpha: Schema.optional(Schema.Array(Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0)))),
})
export type CouplingRequest = typeof CouplingRequest.Type

/** Body of the concentration indices (the flags of `jiju concentration`). */
export const ConcentrationRequest = Schema.Struct({
  ...dataInputFields,
  region: Schema.String,
  industry: Schema.String,
  value: Schema.String,
  /** Plant-level Herfindahl H per industry (0 ≤ H < 1), as `--plant-h`. */
  plantH: Schema.optional(Schema.Record(Schema.String, Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThan(1)))),
  /**
   * Column naming the firm of each row, as `--firm`: the rows are firm records, summed per region and industry,
   * and each industry's plant Herfindahl comes from its firms (InputError "conflicting_plant_h" with plantH).
   */
  firm: Schema.optional(Schema.String),
  /**
   * Reference totals for the location quotients, as `--reference` and `--reference-total`: each industry's total
   * in the reference area (e.g. the nation) and the area's grand total over all industries. Default: sums over the
   * data. InputError "bad_reference" for an industry of the data without a reference total.
   */
  reference: Schema.optional(
    Schema.Struct({
      industry: Schema.Record(Schema.String, Schema.Finite.check(Schema.isGreaterThan(0))),
      total: Schema.Finite.check(Schema.isGreaterThan(0)),
    }),
  ),
})
export type ConcentrationRequest = typeof ConcentrationRequest.Type

const rowsOf = (input: DataInput): number => {
  if (input.data !== undefined) return input.data.length
  if (input.csv !== undefined) return input.csv.split("\n").length
  const g = input.geojson as { features?: ReadonlyArray<unknown> } | string | undefined
  return typeof g === "string" ? g.length / 200 : (g?.features?.length ?? 0)
}

const needWeights = (model: string, weights: WeightsRequest | undefined, what: Bilingual): WeightsSpec | undefined => {
  if (model !== "ols" && model !== "fe" && model !== "re" && weights === undefined)
    throw inputError("missing_weights", `model ${model} needs spatial weights (${what.en})`, `${model} 模型需要空间权重（${what.zh}）`, { column: "weights" })
  return weights === undefined || model === "re" ? undefined : weightsOfRequest(weights)
}

const impactDraws = (r: { readonly impactsSe?: number | undefined; readonly seed?: number | undefined }) =>
  r.impactsSe === undefined ? undefined : { draws: r.impactsSe, seed: r.seed ?? 1 }

/** One analysis: its request Schema, a summary, an estimate of the work it asks for, and its answer. */
export interface AnalysisKind<S extends Schema.Top = Schema.Top> {
  readonly request: S
  readonly summary: Bilingual
  /**
   * Units of work (about one per elementary operation of its inner loop, e.g. n × (permutations + 1) for Moran):
   * the API refuses, or sends to the job queue, requests above its budgets.
   */
  readonly cost: (req: S["Type"]) => number
  /** The `jiju <name> --json` document; `onProgress(fraction)` for long runs. */
  readonly run: (req: S["Type"], onProgress?: (fraction: number) => void) => unknown
}

const kind = <S extends Schema.Top>(k: AnalysisKind<S>): AnalysisKind => k as unknown as AnalysisKind

// Dense fits cost about n² per likelihood evaluation (eigenvalues once: n³ for small n); sparse ones much less.
const spatialFitCost = (n: number) => (n <= 1500 ? n ** 3 / 10 : n * 2000)

/**
 * The analyses by name, as POST /v1/analyses/{name} offers them; each answers exactly what `jiju {name} --json`
 * prints for the same data and options.
 * @example analysisKinds.moran.run({ csv, var: "x", weights: { knn: 4, coords: ["x", "y"] } })
 */
export const analysisKinds: Readonly<Record<string, AnalysisKind>> = {
  coupling: kind({
    request: CouplingRequest,
    summary: { en: "Coupling coordination degree of 2+ subsystems", zh: "耦合协调度" },
    cost: (r) => rowsOf(r) * 50,
    run: (r) =>
      couplingReport(tableOfRequest(r), {
        id: r.id,
        period: r.period,
        subsystems: r.subsystems.map((s) => ({ name: s.name, indicators: s.indicators.map(signedIndicator) })),
        weighting: r.weighting,
        normalise: r.normalise,
        alpha: r.alpha,
      }),
  }),
  weights: kind({
    request: WeightsAnalysisRequest,
    summary: { en: "Build and summarise spatial weights", zh: "构建并概括空间权重" },
    cost: (r) => rowsOf(r) * 100,
    run: (r) => weightsReport(tableOfRequest(r), { id: r.id, weights: weightsOfRequest(r.weights) }),
  }),
  moran: kind({
    request: MoranRequest,
    summary: { en: "Global Moran's I (and GeoDa's bivariate I with `with`)", zh: "全局莫兰指数（含双变量莫兰指数）" },
    cost: (r) => rowsOf(r) * ((r.permutations ?? (r.with !== undefined ? 999 : 0)) + 1) * 8,
    run: (r, onProgress) =>
      r.with !== undefined
        ? bivariateMoranReport(tableOfRequest(r), {
            id: r.id,
            var: r.var,
            with: r.with,
            weights: weightsOfRequest(r.weights),
            permutations: r.permutations,
            seed: r.seed,
          })
        : moranReport(tableOfRequest(r), {
            id: r.id,
            var: r.var,
            weights: weightsOfRequest(r.weights),
            permutations: r.permutations,
            seed: r.seed,
            ...(onProgress ? { onProgress: (done: number, total: number) => onProgress(done / total) } : {}),
          }),
  }),
  lisa: kind({
    request: MoranRequest,
    summary: { en: "Local Moran's I (LISA) and quadrants (bivariate with `with`)", zh: "局部莫兰指数与集聚象限（含双变量）" },
    cost: (r) => rowsOf(r) * ((r.permutations ?? (r.with !== undefined ? 999 : 0)) + 1) * 8,
    run: (r, onProgress) =>
      r.with !== undefined
        ? bivariateLisaReport(tableOfRequest(r), {
            id: r.id,
            var: r.var,
            with: r.with,
            weights: weightsOfRequest(r.weights),
            permutations: r.permutations,
            seed: r.seed,
          })
        : lisaReport(tableOfRequest(r), {
            id: r.id,
            var: r.var,
            weights: weightsOfRequest(r.weights),
            permutations: r.permutations,
            seed: r.seed,
            ...(onProgress ? { onProgress: (done: number, total: number) => onProgress(done / total) } : {}),
          }),
  }),
  regress: kind({
    request: RegressRequest,
    summary: {
      en: "Regression: OLS and the spatial models (lag, error, SLX, Durbin, SDEM, SAC)",
      zh: "回归：OLS 与空间模型（滞后、误差、SLX、杜宾、SDEM、SAC）",
    },
    cost: (r) =>
      r.model === undefined || r.model === "ols" || r.model === "slx"
        ? rowsOf(r) * 100
        : spatialFitCost(rowsOf(r)) * (r.model === "sac" ? 4 : 1) + (r.impactsSe ?? 0) * rowsOf(r) * 50,
    run: (r) => {
      const model = r.model ?? "ols"
      return regressReport(tableOfRequest(r), {
        formula: r.formula,
        model,
        alpha: r.alpha,
        id: r.id,
        weights: needWeights(model, r.weights, { en: "the spatial models", zh: "空间模型" }),
        durbin: r.durbin,
        variance: r.variance,
        impactsSe: impactDraws(r),
      })
    },
  }),
  panel: kind({
    request: PanelRequest,
    summary: { en: "Fixed-effects panel and spatial panel models", zh: "面板固定效应与空间面板模型" },
    cost: (r) =>
      r.model === undefined || r.model === "fe" || r.model === "re" ? rowsOf(r) * 100 : spatialFitCost(rowsOf(r)) + (r.impactsSe ?? 0) * rowsOf(r) * 50,
    run: (r) => {
      const model = r.model ?? "fe"
      const weights = needWeights(model, r.weights, { en: "lag, error and durbin panels", zh: "空间滞后、空间误差与空间杜宾面板" })
      return panelReport(tableOfRequest(r), {
        unit: r.unit,
        period: r.period,
        formula: r.formula,
        effects: r.effects,
        model,
        weights,
        durbin: r.durbin,
        biasCorrection: r.biasCorrection,
        variance: r.variance,
        impactsSe: impactDraws(r),
        by: r.by,
      })
    },
  }),
  concentration: kind({
    request: ConcentrationRequest,
    summary: { en: "Location quotients and concentration indices", zh: "区位熵与产业集聚指数" },
    cost: (r) => rowsOf(r) * 50,
    run: (r) =>
      concentrationReport(tableOfRequest(r), {
        region: r.region,
        industry: r.industry,
        value: r.value,
        plantH: r.plantH,
        firm: r.firm,
        reference: r.reference,
      }),
  }),
  geary: kind({
    request: GearyRequest,
    summary: { en: "Geary's C", zh: "吉尔里系数" },
    cost: (r) => rowsOf(r) * ((r.permutations ?? 0) + 1) * 8,
    run: (r) => gearyReport(tableOfRequest(r), { id: r.id, var: r.var, weights: weightsOfRequest(r.weights), permutations: r.permutations, seed: r.seed }),
  }),
  hotspots: kind({
    request: HotspotsRequest,
    summary: { en: "Hot and cold spots: local Getis–Ord G_i / G*_i", zh: "冷热点分析：局部 Getis–Ord G_i / G*_i" },
    cost: (r) => rowsOf(r) * 20,
    run: (r) => hotspotsReport(tableOfRequest(r), { id: r.id, var: r.var, weights: weightsOfRequest(r.weights), star: r.star, fdr: r.fdr }),
  }),
  gwr: kind({
    request: GwrRequest,
    summary: { en: "Geographically weighted regression", zh: "地理加权回归" },
    cost: (r) => rowsOf(r) ** 2 * 25 * (r.select !== undefined ? 30 : 1),
    run: (r) =>
      gwrReport(tableOfRequest(r), {
        id: r.id,
        formula: r.formula,
        coords: r.coords,
        kernel: r.kernel,
        bandwidth: r.bandwidth,
        neighbours: r.neighbours,
        select: r.select,
        search: r.search,
      }),
  }),
  threshold: kind({
    request: ThresholdRequest,
    summary: { en: "Panel threshold regression (Hansen 1999)", zh: "面板门槛回归（Hansen 1999）" },
    cost: (r) => rowsOf(r) * rowsOf(r) * ((r.bootstrap ?? 300) + 1) * (r.thresholds ?? 1) ** 2,
    run: (r, onProgress) =>
      thresholdReport(tableOfRequest(r), {
        unit: r.unit,
        period: r.period,
        formula: r.formula,
        thresholdVar: r.thresholdVar,
        regimeVar: typeof r.regimeVar === "string" ? r.regimeVar : [...r.regimeVar],
        thresholds: r.thresholds,
        trim: r.trim,
        bootstrap: r.bootstrap,
        seed: r.seed,
        ...(onProgress ? { onProgress: (done: number, total: number) => onProgress(total === 0 ? 1 : done / total) } : {}),
      }),
  }),
  disparity: kind({
    request: DisparityRequest,
    summary: { en: "Regional disparity: Dagum's Gini and Theil's T by groups", zh: "区域差异：Dagum 基尼系数与泰尔指数分解" },
    cost: (r) => rowsOf(r) * 600,
    run: (r) => disparityReport(tableOfRequest(r), { group: r.group, value: r.value, periodCol: r.periodCol, period: r.period }),
  }),
  density: kind({
    request: DensityRequest,
    summary: { en: "Gaussian kernel density of a distribution over periods", zh: "核密度估计（分期分布演进）" },
    cost: (r) => rowsOf(r) * 600,
    run: (r) => densityReport(tableOfRequest(r), { value: r.value, periodCol: r.periodCol }),
  }),
  markov: kind({
    request: MarkovRequest,
    summary: { en: "Classic and spatial Markov chains", zh: "传统与空间马尔可夫链" },
    cost: (r) => rowsOf(r) * 600,
    run: (r) =>
      markovReport(tableOfRequest(r), {
        id: r.id,
        period: r.period,
        var: r.var,
        classes: r.classes,
        classify: r.classify,
        weights: r.weights ? weightsOfRequest(r.weights) : undefined,
      }),
  }),
}

/**
 * Decode a request of an analysis (its body's JSON, in TypeScript casing) and answer it: what the API's worker
 * threads run. InputError "unknown_analysis" for a name not offered, or the decoding and analysis errors.
 * @example runAnalysisRequest("weights", { csv: "id,x,y\n1,0,0\n2,1,0", id: "id", weights: { knn: 1, coords: ["x", "y"] } }).n // 2
 */
export const runAnalysisRequest = (name: string, body: unknown, onProgress?: (fraction: number) => void): unknown => {
  const k = analysisKinds[name]
  if (!k) throw inputError("unknown_analysis", `no analysis "${name}"`, `没有名为“${name}”的分析方法`, { column: "analysis", value: name })
  return k.run(decodeOrThrow(k.request, body, name), onProgress)
}
