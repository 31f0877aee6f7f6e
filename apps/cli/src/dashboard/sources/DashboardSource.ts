import type { AssessmentResult } from "@jiju/domain/assessment"
import type { Bilingual, IndicatorDefinition, Observation, Region, StoredCluster } from "@jiju/domain/model"

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

/**
 * Where the dashboard reads its data: the embedded store, the HTTP API, or an in-memory set (tests).
 * Screens depend on this interface only, so they can be tested with a fake.
 * @example const src = memorySource({ clusters, regions, indicators, observations }); await src.register()
 */
export interface DashboardSource {
  /** Shown in the status line, e.g. "本地数据库 /data" / "embedded store /data". */
  readonly description: Bilingual
  register(): Promise<DashboardRegister>
  observations(q: DashboardQuery): Promise<ReadonlyArray<Observation>>
  /** The latest stored assessment result of a scheme and period, when one was run and stored. */
  storedAssessment(scheme: string, period: string): Promise<AssessmentResult | undefined>
  close(): Promise<void>
}
