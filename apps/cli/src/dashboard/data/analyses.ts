import {
  type CouplingCoordination,
  couplingCoordination,
  type LocalMoranRow,
  localMoran,
  type MoranResult,
  matrix,
  moranTest,
  type OlsFit,
  ols,
  type ResidualDiagnostics,
  spatialDiagnostics,
} from "@jiju/domain/econometrics"
import { type Bilingual, findIndicator, InputError, subsystemNames } from "@jiju/domain/model"
import type { DashboardSource } from "../sources/DashboardSource.js"
import { prefectureWeights } from "./prefectureWeights.js"
import type { Snapshot } from "./snapshot.js"

/** The indicators offered on the Analyses screen, with the default selection. */
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

/** Everything an analysis run produced. A part is an error text when that analysis could not be run. */
export interface AnalysisResult {
  readonly period: string
  readonly units: number
  readonly variable: string
  readonly coupling: { readonly model: CouplingCoordination; readonly subsystems: ReadonlyArray<string> } | { readonly error: Bilingual }
  readonly moran: MoranResult | { readonly error: Bilingual }
  readonly lisa: ReadonlyArray<LocalMoranRow> | { readonly error: Bilingual }
  readonly regression: { readonly fit: OlsFit; readonly diagnostics: ResidualDiagnostics } | { readonly error: Bilingual }
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

const asError = (e: unknown): { error: Bilingual } => {
  if (e instanceof InputError) return { error: { zh: e.zh, en: e.message } }
  const msg = e instanceof Error ? e.message : String(e)
  return { error: { zh: msg, en: msg } }
}

const attempt = <T>(f: () => T): T | { error: Bilingual } => {
  try {
    return f()
  } catch (e) {
    return asError(e)
  }
}

// Let the terminal redraw and keys arrive between steps.
const breathe = () => new Promise<void>((r) => setTimeout(r, 0))

/**
 * Run coupling coordination (subsystems from the indicators' catalogue subsystems), global Moran's I and LISA of
 * the first indicator, and OLS of the first indicator on the others with spatial diagnostics, on the zones that
 * report every chosen indicator in the period. Weights: {@link prefectureWeights}. Calls `onProgress` before each
 * step and stops with {@link AnalysisCancelled} when `signal.cancelled` turns true.
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
  const obs = await source.observations({ period: req.period, indicators: codes })
  const live = new Map(snap.register.clusters.filter((c) => c.archivedAt === null).map((c) => [c.id as string, c]))
  const byCluster = new Map<string, Map<string, number>>()
  for (const o of obs) {
    if (o.target.kind !== "cluster" || !live.has(o.target.id)) continue
    const m = byCluster.get(o.target.id) ?? new Map<string, number>()
    m.set(o.indicator, o.value)
    byCluster.set(o.target.id, m)
  }
  // Complete cases only: a missing value is never taken as zero.
  const ids = [...byCluster.entries()]
    .filter(([, m]) => codes.every((c) => m.has(c)))
    .map(([id]) => id)
    .sort()
  const column = (code: string) => Float64Array.from(ids, (id) => byCluster.get(id)!.get(code)!)
  const regionOf = Object.fromEntries(ids.map((id) => [id, live.get(id)!.region as string]))
  const w = prefectureWeights(ids, regionOf)
  const y = column(codes[0]!)
  const permutations = req.permutations ?? 999

  await step(1, "耦合协调度", "coupling coordination")
  const groups = new Map<string, string[]>()
  for (const c of codes) {
    const s = findIndicator(c)?.subsystem ?? "scale"
    groups.set(s, [...(groups.get(s) ?? []), c])
  }
  const coupling = attempt(() => {
    if (groups.size < 2)
      throw new InputError({
        code: "too_few_subsystems",
        message: "coupling needs indicators from at least 2 subsystems",
        zh: "耦合协调度需要至少 2 个子系统的指标",
        issues: [],
      })
    const subsystems = [...groups.entries()].map(([name, list]) => ({
      name,
      indicators: list.map((c) => ({ name: c, values: column(c), direction: findIndicator(c)?.direction ?? "positive" })),
    }))
    return { model: couplingCoordination(subsystems), subsystems: [...groups.keys()] }
  })

  await step(2, `Moran's I（${permutations} 次置换）`, `Moran's I (${permutations} permutations)`)
  const moran = attempt(() => moranTest(y, w, { permutations, seed: 1 }))

  await step(3, `局部 Moran（LISA，${permutations} 次置换）`, `local Moran (LISA, ${permutations} permutations)`)
  const lisa = attempt(() => localMoran(y, w, { permutations, seed: 1 }))

  await step(4, "回归与空间诊断", "regression and spatial diagnostics")
  const regression = attempt(() => {
    const xs = codes.slice(1)
    const x = matrix(ids.length, xs.length + 1)
    for (let i = 0; i < ids.length; i++) {
      x.data[i * (xs.length + 1)] = 1
      xs.forEach((c, j) => {
        x.data[i * (xs.length + 1) + j + 1] = byCluster.get(ids[i]!)!.get(c)!
      })
    }
    const fit = ols(x, y, ["(Intercept)", ...xs])
    return { fit, diagnostics: spatialDiagnostics(fit, w) }
  })
  onProgress({ done: total, total, step: { zh: "完成", en: "done" } })
  return { period: req.period, units: ids.length, variable: codes[0]!, coupling, moran, lisa, regression }
}

/** The subsystem's display name. */
export const subsystemName = (s: string): Bilingual => (subsystemNames as Record<string, Bilingual>)[s] ?? { zh: s, en: s }
