import type { couplingDocument, hotspotsDocument, lisaReport, moranDocument } from "@jiju/domain/analyses"
import { type Bilingual, findIndicator, InputError, subsystemNames } from "@jiju/domain/model"
import { type AnalysisDocument, AnalysisRefused, type DashboardAnalyses, type DashboardSource } from "../sources/DashboardSource.js"
import { prefectureGal } from "./prefectureGal.js"
import type { Snapshot } from "./snapshot.js"

/** The indicators offered on the Analyses and Hot spots screens, with the default selection. */
export const analysisIndicators = [
  "revenue",
  "fixed_investment",
  "employment",
  "tax_total",
  "investment_intensity",
  "high_tech_firms",
  "patents_granted",
  "leading_industry_share",
  "local_supply_ratio",
  "energy_per_value_added",
  "sewage_treatment_rate",
] as const
export const defaultAnalysisSelection: ReadonlyArray<string> = ["revenue", "fixed_investment", "patents_granted", "sewage_treatment_rate"]

/** What an analysis run is asked for: the indicators (the first is the variable of interest) and the period. */
export interface AnalysisRequest {
  readonly indicators: ReadonlyArray<string>
  readonly period: string
  /** Permutations for Moran's I and LISA (default 999). */
  readonly permutations?: number
}

/** The documents of `jiju coupling`, `moran`, `lisa` and `hotspots --json`, as the core answers them. */
export type CouplingDocument = ReturnType<typeof couplingDocument>
export type MoranDocument = ReturnType<typeof moranDocument>
export type LisaDocument = ReturnType<typeof lisaReport>
export type HotspotsDocument = ReturnType<typeof hotspotsDocument>

/** The parts of `jiju regress --json` (OLS with spatial diagnostics of its residuals) the screen shows. */
export interface OlsDocument {
  readonly n: number
  readonly coefficients: Readonly<Record<string, { readonly estimate: number; readonly se: number; readonly z: number; readonly p: number }>>
  readonly r2: number
  readonly adj_r2: number
  readonly aic: number
  readonly diagnostics: Readonly<Record<"lm_lag" | "lm_error" | "robust_lm_lag" | "robust_lm_error", { readonly statistic: number; readonly p: number }>>
  readonly recommendation: { readonly model: string; readonly reason: Bilingual }
}

/** An analysis's document, or why the core could not run it. */
export type Part<T> = T | { readonly error: Bilingual }

/** Everything an analysis run produced: the core's documents, each in its place or the reason it is missing. */
export interface AnalysisResult {
  readonly period: string
  readonly units: number
  readonly variable: string
  readonly coupling: Part<{ readonly document: CouplingDocument; readonly subsystems: ReadonlyArray<string> }>
  readonly moran: Part<MoranDocument>
  readonly lisa: Part<LisaDocument>
  readonly regression: Part<OlsDocument>
}

/** Progress of a run: steps done of total, and the step under way. */
export interface AnalysisProgress {
  readonly done: number
  readonly total: number
  readonly step: Bilingual
}

/** Thrown when a run is cancelled. */
export class AnalysisCancelled extends Error {
  constructor() {
    super("analysis cancelled")
  }
}

const refusal = (e: unknown): { error: Bilingual } => {
  if (e instanceof AnalysisRefused) return { error: e.reason }
  if (e instanceof InputError) return { error: { zh: e.zh, en: e.message } }
  throw e
}

/** Ask the source for one analysis; a refusal becomes the reason shown in its place. */
const part = async <K extends keyof DashboardAnalyses, T>(source: DashboardSource, name: K, request: DashboardAnalyses[K]): Promise<Part<T>> => {
  try {
    return (await source.analysis(name, request)) as AnalysisDocument as T
  } catch (e) {
    return refusal(e)
  }
}

/** The zones that report every chosen indicator in the period, as the rows of an analysis request. */
export interface AnalysisData {
  /** One record per zone: `zone` (its id) and a column per indicator code. */
  readonly records: ReadonlyArray<Record<string, string | number>>
  /** The zones' ids, sorted. */
  readonly ids: ReadonlyArray<string>
  /** The prefecture block weights of those zones (GAL text). */
  readonly gal: string
}

/**
 * Read the values of `codes` in `period` for the zones of the register and keep the complete cases (a missing value
 * is never taken as zero), with the prefecture weights of those zones.
 * @example const { records, gal } = await analysisData(source, snap, ["revenue"], "2025")
 */
export const analysisData = async (source: DashboardSource, snap: Snapshot, codes: ReadonlyArray<string>, period: string): Promise<AnalysisData> => {
  const obs = await source.observations({ period, indicators: [...codes] })
  const live = new Map(snap.register.clusters.filter((c) => c.archivedAt === null).map((c) => [c.id as string, c]))
  const byCluster = new Map<string, Map<string, number>>()
  for (const o of obs) {
    if (o.target.kind !== "cluster" || !live.has(o.target.id)) continue
    const m = byCluster.get(o.target.id) ?? new Map<string, number>()
    m.set(o.indicator, o.value)
    byCluster.set(o.target.id, m)
  }
  const ids = [...byCluster.entries()]
    .filter(([, m]) => codes.every((c) => m.has(c)))
    .map(([id]) => id)
    .sort()
  const records = ids.map((id) => ({ zone: id, ...Object.fromEntries(codes.map((c) => [c, byCluster.get(id)!.get(c)!])) }))
  const regionOf = Object.fromEntries(ids.map((id) => [id, live.get(id)!.region as string]))
  return { records, ids, gal: prefectureGal(ids, regionOf) }
}

// Let the terminal redraw and keys arrive between steps.
const breathe = () => new Promise<void>((r) => setTimeout(r, 0))

/**
 * Ask the application core (the store's use cases, or the API) for coupling coordination (subsystems from the
 * indicators' catalogue subsystems), global Moran's I and LISA of the first indicator, and OLS of the first
 * indicator on the others with spatial diagnostics, on the zones that report every chosen indicator in the period,
 * with prefecture block weights. The dashboard only gathers the rows and shows the documents. Calls `onProgress`
 * before each step and stops with {@link AnalysisCancelled} when `signal.cancelled` turns true.
 */
export const runAnalyses = async (
  source: DashboardSource,
  snap: Snapshot,
  req: AnalysisRequest,
  onProgress: (p: AnalysisProgress) => void = () => {},
  signal: { cancelled: boolean } = { cancelled: false },
): Promise<AnalysisResult> => {
  const total = 5
  const step = async (done: number, zh: string, en: string) => {
    if (signal.cancelled) throw new AnalysisCancelled()
    onProgress({ done, total, step: { zh, en } })
    await breathe()
    if (signal.cancelled) throw new AnalysisCancelled()
  }
  await step(0, "读取数据", "reading data")
  const codes = [...req.indicators]
  if (codes.length === 0) throw new InputError({ code: "no_indicators", message: "choose at least one indicator", zh: "请至少选择一个指标", issues: [] })
  const { records, ids, gal } = await analysisData(source, snap, codes, req.period)
  const rows = { data: records, id: "zone" }
  const weights = { gal }
  const variable = codes[0]!
  const permutations = req.permutations ?? 999

  await step(1, "耦合协调度", "coupling coordination")
  const groups = new Map<string, string[]>()
  for (const c of codes) {
    const s = findIndicator(c)?.subsystem ?? "scale"
    // A negative indicator (energy use …) is marked as `jiju coupling --subsystem` marks it.
    groups.set(s, [...(groups.get(s) ?? []), findIndicator(c)?.direction === "negative" ? `-${c}` : c])
  }
  const coupling: AnalysisResult["coupling"] =
    groups.size < 2
      ? { error: { zh: "耦合协调度需要至少 2 个子系统的指标", en: "coupling needs indicators from at least 2 subsystems" } }
      : await part<"coupling", CouplingDocument>(source, "coupling", {
          ...rows,
          subsystems: [...groups.entries()].map(([name, indicators]) => ({ name, indicators })),
        }).then((r) => ("error" in r ? r : { document: r, subsystems: [...groups.keys()] }))

  await step(2, `Moran's I（${permutations} 次置换）`, `Moran's I (${permutations} permutations)`)
  const moran = await part<"moran", MoranDocument>(source, "moran", { ...rows, var: variable, permutations, seed: 1, weights })

  await step(3, `局部 Moran（LISA，${permutations} 次置换）`, `local Moran (LISA, ${permutations} permutations)`)
  const lisa = await part<"lisa", LisaDocument>(source, "lisa", { ...rows, var: variable, permutations, seed: 1, weights })

  await step(4, "回归与空间诊断", "regression and spatial diagnostics")
  const xs = codes.slice(1)
  const regression = await part<"regress", OlsDocument>(source, "regress", {
    ...rows,
    formula: `${variable} ~ ${xs.length > 0 ? xs.join(" + ") : "1"}`,
    model: "ols",
    weights,
  })
  onProgress({ done: total, total, step: { zh: "完成", en: "done" } })
  return { period: req.period, units: ids.length, variable, coupling, moran, lisa, regression }
}

/** The subsystem's display name. */
export const subsystemName = (s: string): Bilingual => (subsystemNames as Record<string, Bilingual>)[s] ?? { zh: s, en: s }
