import type { CouplingRequest, HotspotsRequest, MoranRequest, RegressRequest } from "@jiju/domain/analyses"
import type { AssessmentResult, BuiltInTargetSet, CertifiedZone, DiagnosedZone, StagedZone, TargetsDocument } from "@jiju/domain/assessment"
import type { Bilingual, IndicatorDefinition, Observation, Region, StoredCluster } from "@jiju/domain/model"
import type { ProjectFindings, SupervisionView } from "@jiju/domain/projects"

/** The register as the dashboard reads it once at start. */
export interface DashboardRegister {
  readonly clusters: ReadonlyArray<StoredCluster>
  readonly regions: ReadonlyArray<Region>
  readonly indicators: ReadonlyArray<IndicatorDefinition>
  /** Periods with observations, sorted. */
  readonly periods: ReadonlyArray<string>
}

/** Which observations to fetch (all filters optional, ranges inclusive). */
export interface DashboardQuery {
  readonly clusters?: ReadonlyArray<string>
  readonly indicators?: ReadonlyArray<string>
  readonly period?: string
  readonly from?: string
  readonly to?: string
}

/** The ranking shown: the latest stored run of the scheme and period, else a preview computed by the application core. */
export interface DashboardRanking {
  readonly result: AssessmentResult
  readonly from: "stored" | "computed"
}

/** A judgement the core made, or why it could not make it (shown in its place). */
export type Judged<T> = T | { readonly error: Bilingual }

/** What the core judges about one zone in a period. */
export interface ZoneJudgements {
  readonly stage: Judged<StagedZone> | null
  /** Null when the zone is not a service agglomeration (certification does not apply). */
  readonly certification: Judged<CertifiedZone> | null
  readonly diagnosis: Judged<DiagnosedZone> | null
}

/** A built-in target set and the years to track it with. */
export interface TargetsRequest {
  readonly set: BuiltInTargetSet
  readonly period: string
  readonly targetYear: number
  readonly baseYear?: number
  /** Only zones in this region (the province, for the dashboard). */
  readonly region?: string
}

/** The analyses the dashboard asks for, by name, with their requests (the bodies of POST /v1/analyses/{name}). */
export interface DashboardAnalyses {
  readonly coupling: CouplingRequest
  readonly moran: MoranRequest
  readonly lisa: MoranRequest
  readonly regress: RegressRequest
  readonly hotspots: HotspotsRequest
}

/** A stored run's document, as the application core wrote it (the dashboard writes it to a file as it is). */
export interface DashboardReport {
  readonly bytes: Uint8Array
  /** The core's name for the file, e.g. "henan-2017-2025.xlsx" ("-draft" before the extension for an unpublished run). */
  readonly fileName: string
  /** Written from an unpublished run (marked 未发布 inside). */
  readonly draft: boolean
}

/** The project register's supervision as the core states it: a week's view (default the last complete week) and the findings of today. */
export interface DashboardSupervision {
  readonly view: SupervisionView
  readonly findings: ProjectFindings
}

/** An analysis document: what `jiju <name> --json` prints for the same data and options (snake_case keys). */
export type AnalysisDocument = Readonly<Record<string, unknown>>

/**
 * An analysis the application core refused (too few units, a singular design …), with its reason in both
 * languages: the screen shows it in the analysis's place.
 */
export class AnalysisRefused extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en)
    this.name = "AnalysisRefused"
  }
}

/**
 * Where the dashboard reads its data: the store through the application core, or the HTTP API (tests use one in
 * memory). Rankings, certification, stage, diagnosis, targets and the analyses are the core's answers, the same as
 * the API's and the commands'; the dashboard computes none of them. Screens depend on this interface only.
 * @example const src = await storeSource(process.env); await src.register()
 */
export interface DashboardSource {
  /** Shown in the status line, e.g. "本地数据库 /data" / "embedded store /data". */
  readonly description: Bilingual
  register(): Promise<DashboardRegister>
  observations(q: DashboardQuery): Promise<ReadonlyArray<Observation>>
  /** The ranking of a scheme and period; null when the period has no data to rank. */
  ranking(scheme: string, period: string): Promise<DashboardRanking | null>
  /** Stage, certification (when `certify`: a service zone) and diagnosis of a zone in a period. */
  judgements(clusterId: string, period: string, opts: { readonly certify: boolean }): Promise<ZoneJudgements>
  /** A built-in target set tracked over the zones (of a region). */
  targets(q: TargetsRequest): Promise<TargetsDocument>
  /**
   * Run an analysis of the application core on data the dashboard read (in a worker thread of the core, or on the
   * API server). Rejects with {@link AnalysisRefused} when the core refuses the data.
   */
  analysis<K extends keyof DashboardAnalyses>(name: K, request: DashboardAnalyses[K]): Promise<AnalysisDocument>
  /**
   * The workbook (.xlsx) of the latest stored run of a scheme and period, in a language — the document of
   * `jiju report` and GET /v1/assessments/runs/{id}/report.xlsx. Null when the period has no stored run.
   */
  report(scheme: string, period: string, lang: "zh" | "en"): Promise<DashboardReport | null>
  /** The supervision view of a week (default: the last complete week) and the findings of today, over every zone the caller reads. */
  supervision(week?: string): Promise<DashboardSupervision>
  close(): Promise<void>
}
