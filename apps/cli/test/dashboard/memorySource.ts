import { reportWorkbook } from "@jiju/app/writers"
import { runAnalysisRequest } from "@jiju/domain/analyses"
import {
  type AssessmentData,
  type AssessmentResult,
  assessmentInputFromRegister,
  assessPeriod,
  builtInSchemes,
  certificationDocument,
  diagnosisDocument,
  runReport,
  stageDocument,
  targetsDocument,
} from "@jiju/domain/assessment"
import { ComputationError, type IndicatorDefinition, InputError, type Observation, type Region, type StoredCluster } from "@jiju/domain/model"
import { meetingWeek, type ProjectFacts, projectFindings, type SupervisedReport, supervisionView } from "@jiju/domain/projects"
import {
  type AnalysisDocument,
  AnalysisRefused,
  type DashboardQuery,
  type DashboardRegister,
  type DashboardSource,
  type Judged,
} from "../../src/dashboard/sources/DashboardSource.js"

/** Everything an in-memory source holds. */
export interface MemoryData {
  readonly clusters: ReadonlyArray<StoredCluster>
  readonly regions: ReadonlyArray<Region>
  readonly indicators: ReadonlyArray<IndicatorDefinition>
  readonly observations: ReadonlyArray<Observation>
  /** Stored results by `${scheme}|${period}`. */
  readonly stored?: Readonly<Record<string, AssessmentResult>>
  /** Keys of `stored` that are unpublished runs (drafts). */
  readonly drafts?: ReadonlyArray<string>
  /** The project register and the moment it is read at (default: none, read now). */
  readonly projects?: {
    readonly projects: ReadonlyArray<ProjectFacts>
    readonly reports: ReadonlyArray<SupervisedReport>
    readonly now: Date
  }
}

/** Whether a period falls in an inclusive range (periods of one frequency compare as strings). */
export const inRange = (p: string, from?: string, to?: string): boolean =>
  (from === undefined || (p.length === from.length && p >= from)) && (to === undefined || (p.length === to.length && p <= to))

/** Apply a {@link DashboardQuery} to observations in memory. */
export const filterObservations = (all: ReadonlyArray<Observation>, q: DashboardQuery): ReadonlyArray<Observation> => {
  const clusters = q.clusters ? new Set(q.clusters) : undefined
  const indicators = q.indicators ? new Set(q.indicators) : undefined
  return all.filter(
    (o) =>
      (!clusters || (o.target.kind === "cluster" && clusters.has(o.target.id))) &&
      (!indicators || indicators.has(o.indicator)) &&
      (q.period === undefined || o.period === q.period) &&
      inRange(o.period, q.from, q.to),
  )
}

const judged = <T>(f: () => T): Judged<T> => {
  try {
    return f()
  } catch (e) {
    if (e instanceof InputError) return { error: { zh: e.zh, en: e.message } }
    throw e
  }
}

/**
 * A {@link DashboardSource} over data held in memory, for the screens' tests: it answers with the same domain
 * functions the application core's use cases call (assessPeriod, the judgement documents, and the analysis requests
 * its worker threads run), without a store.
 * @example const src = memorySource({ clusters, regions, indicators: indicatorCatalogue, observations })
 */
export const memorySource = (data: MemoryData, description = { zh: "内存数据", en: "in-memory data" }): DashboardSource => {
  const live = data.clusters.filter((c) => c.archivedAt === null)
  const input = assessmentInputFromRegister(live, data.observations)
  const all: AssessmentData = { input, source: "store", hasDemo: live.some((c) => c.isDemo), periods: input.periods }
  return {
    description,
    register: async () =>
      ({
        clusters: live,
        regions: data.regions,
        indicators: data.indicators,
        periods: [...new Set(data.observations.map((o) => o.period as string))].sort(),
      }) satisfies DashboardRegister,
    observations: async (q) => filterObservations(data.observations, q),
    ranking: async (scheme, period) => {
      const stored = data.stored?.[`${scheme}|${period}`]
      if (stored) return { result: stored, from: "stored" }
      try {
        return { result: assessPeriod(builtInSchemes[scheme]!, all, period, { checksum: "" }).result, from: "computed" }
      } catch (e) {
        if (e instanceof InputError && e.code === "unknown_period") return null
        throw e
      }
    },
    judgements: async (clusterId, period, { certify }) => {
      const q = { period, cluster: clusterId }
      return {
        stage: judged(() => stageDocument(all, q).results[0]!),
        certification: certify ? judged(() => certificationDocument(all, q).results[0]!) : null,
        diagnosis: judged(() => diagnosisDocument(all, q).results[0]!),
      }
    },
    targets: async (q) => targetsDocument(all, q),
    analysis: async (name, request) => {
      try {
        return runAnalysisRequest(name, request) as AnalysisDocument
      } catch (e) {
        if (e instanceof InputError || e instanceof ComputationError) throw new AnalysisRefused({ zh: e.zh, en: e.message })
        throw e
      }
    },
    // The workbook the application core writes of a stored run (its report, then exceljs), without a store.
    report: async (scheme, period, lang) => {
      const key = `${scheme}|${period}`
      const stored = data.stored?.[key]
      if (!stored) return null
      const published = !(data.drafts ?? []).includes(key)
      const report = runReport({
        run: { id: `run-${scheme}-${period}`, scheme, period, published, createdAt: "2026-01-15T00:00:00.000Z" },
        result: stored,
        issuer: null,
        date: "2026-01-15",
      })
      return { bytes: await reportWorkbook(report, lang), fileName: `${scheme}-${period}${published ? "" : "-draft"}.xlsx`, draft: !published }
    },
    // The use cases' own steps: the view of the week (default the last complete one) and the findings of the day, Beijing time.
    supervision: async (week) => {
      const p = data.projects ?? { projects: [], reports: [], now: new Date() }
      const asOf = new Date(p.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
      return {
        view: supervisionView(p.projects, p.reports, week ?? meetingWeek(p.now), p.now, asOf),
        findings: projectFindings({ zones: live, projects: p.projects, reports: p.reports, asOf }),
      }
    },
    close: async () => {},
  }
}
