/**
 * Running an assessment (综合考核) for a period: the same computation for `jiju assess`, the API and the
 * dashboard — compared with the previous period's stored run of the same scheme version (else one computed from
 * the observations), optionally with rank stability — stored with its audit entry, or only previewed.
 */

import {
  type AssessedPeriod,
  type AssessmentData,
  type AssessmentPreviewDocument,
  type AssessmentReport,
  type AssessmentResult,
  type AssessmentScheme,
  assessmentReport,
  assessPeriod,
  clusterKinds,
  confirmDefaults,
  type DefaultsConfirmation,
  defaultsUnconfirmed,
  type KindRunSummary,
  type ReportRun,
  type SchemeOrigin,
  type UnconfirmedItem,
  unconfirmedDefaults,
} from "@jiju/domain/assessment"
import { type Bilingual, type ClusterKind, type InputError, inputError, periodsBack, previousPeriod } from "@jiju/domain/model"
import { type DerivedValue, derivedNotes, deriveIndicators, withDerivedValues } from "@jiju/domain/projects"
import { AssessmentRuns, AssessmentSchemes, Audit, Projects, type StoredRun, schemeChecksum, transaction, WeeklyReports } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "./AssessmentSource.js"
import { LatestRuns } from "./LatestRuns.js"
import { resolveScheme, type SchemeRef } from "./Schemes.js"

/** What to assess. */
export interface AssessRequest {
  /** The scheme: a built-in or stored id, or a definition read from a file. */
  readonly scheme: SchemeRef
  readonly period: string
  /** Where the data come from; default the store. */
  readonly source?: AssessmentSource | undefined
  /** Only zones of this kind (a partial ranking: shown, never stored over the full one). */
  readonly kind?: ClusterKind | undefined
  /** Rank stability over this many random weight draws around the scheme's weights. */
  readonly stability?: { readonly draws: number; readonly seed?: number | undefined } | undefined
  /** Store the run as published. */
  readonly publish?: boolean | undefined
  /**
   * The commission confirms the scheme's Jiju defaults (weights, normalisation, reward bands): required to publish a
   * run on a scheme that holds any; recorded in the run with who and when.
   */
  readonly confirmDefaults?: boolean | undefined
  /**
   * Use the indicators derived from the project register (新开工项目数, 亿元以上项目数, fixed investment, investment
   * intensity) where a zone submitted none; a submitted value is never replaced. Store data only; such a run is shown,
   * not stored (Jiju default: a stored run rests on submitted values).
   */
  readonly derived?: boolean | undefined
}

/** What an assessment took from the project register (with `derived`): the values used, the conflicts, the notes. */
export interface DerivedFromProjects {
  readonly used: ReadonlyArray<DerivedValue>
  readonly conflicts: ReadonlyArray<{ readonly derived: DerivedValue; readonly submitted: number }>
  readonly notes: ReadonlyArray<Bilingual>
}

/** An assessment made: its result and report, and the stored run (null when it was not stored). */
export interface Assessed {
  /** The kind of zone the run covers, when it is one kind's run. */
  readonly kind?: ClusterKind | undefined
  readonly scheme: AssessmentScheme
  readonly run: StoredRun | null
  readonly result: AssessmentResult
  readonly report: AssessmentReport
  readonly assessed: AssessedPeriod
  /** With `derived`: what the project register gave; null otherwise. */
  readonly derived: DerivedFromProjects | null
}

const compute = (req: AssessRequest, preloaded?: AssessmentData) =>
  Effect.gen(function* () {
    const { scheme, from } = yield* resolveScheme(req.scheme)
    const checksum = schemeChecksum(scheme)
    const source = req.source ?? storeSource
    if (req.derived === true && source.kind !== "store")
      return yield* Effect.fail(
        inputError(
          "derived_needs_store",
          "derived indicators come from the store's project register: drop --data",
          "推算指标来自数据库中的项目库：请勿同时使用数据文件",
        ),
      )
    const loaded = preloaded ?? (yield* loadAssessmentData(source, periodsBack(req.period, 2)))
    let derived: DerivedFromProjects | null = null
    let data = loaded
    if (req.derived === true) {
      const [projects, reports] = yield* Effect.all([Projects.list(), WeeklyReports.list()])
      const periods = [req.period, previousPeriod(req.period), previousPeriod(previousPeriod(req.period))]
      const values = periods.flatMap((p) => deriveIndicators(projects, reports, p))
      const use = withDerivedValues(loaded.input.value, values)
      data = { ...loaded, input: { ...loaded.input, value: use.value } }
      derived = { used: use.used, conflicts: use.conflicts, notes: periods.flatMap((p) => derivedNotes(use, p)) }
    }
    // A stored run is the comparison only for data from the store: a file's zones are not the register's.
    const stored = data.source === "store" ? yield* AssessmentRuns.latest(scheme.id, previousPeriod(req.period), { kind: req.kind ?? null }) : undefined
    const storedPrevious = stored && { result: stored.result, schemeChecksum: stored.schemeChecksum, kind: stored.provenance?.kind ?? null }
    const assessed = yield* attempt(() => assessPeriod(scheme, data, req.period, { kind: req.kind, checksum, storedPrevious, stability: req.stability }))
    return { scheme, from, checksum, data, assessed, derived }
  })

/** One computed run, ready to store. */
interface Computed {
  readonly scheme: AssessmentScheme
  readonly from: SchemeOrigin
  readonly checksum: string
  readonly data: AssessmentData
  readonly assessed: AssessedPeriod
  readonly derived: DerivedFromProjects | null
  /** The kind the run covers when it is that kind's run (stored as such); undefined for a run over every kind. */
  readonly kind: ClusterKind | undefined
  readonly store: boolean
}

// A run on unconfirmed defaults is published only with the commission's confirmation: checked before anything is written.
const confirmationFor = (scheme: AssessmentScheme, req: AssessRequest, actor: string, at: string) =>
  Effect.gen(function* () {
    if (req.publish !== true) return null
    const open = unconfirmedDefaults(scheme)
    if (open.length === 0) return null
    if (req.confirmDefaults !== true) return yield* Effect.fail(defaultsUnconfirmed(scheme))
    return confirmDefaults(scheme, actor, at)
  })

const storeRun = (c: Computed, req: { readonly publish?: boolean | undefined }, actor: string, confirmation: DefaultsConfirmation | null) =>
  Effect.gen(function* () {
    if (c.from === "file") yield* AssessmentSchemes.save(c.scheme, actor)
    const saved = yield* AssessmentRuns.save({
      result: c.assessed.result,
      published: req.publish === true,
      createdBy: actor,
      schemeChecksum: c.checksum,
      stability: c.assessed.stability,
      provenance: {
        previousSource: c.assessed.previousSource,
        source: c.data.source,
        demo: c.data.hasDemo,
        schemeFrom: c.from,
        ...(c.kind !== undefined ? { kind: c.kind } : {}),
        ...(confirmation ? { confirmation } : {}),
      },
    })
    yield* Audit.record({
      actor,
      entity: "assessment",
      entityId: saved.id,
      action: "run",
      before: null,
      after: {
        scheme: saved.scheme,
        period: saved.period,
        published: saved.published,
        ...(c.kind !== undefined ? { kind: c.kind } : {}),
        ...(confirmation ? { confirmed_defaults: confirmation.items.map((i) => i.item) } : {}),
      },
    })
    return saved
  })

const assessedOf = (c: Computed, run: StoredRun | null, confirmation: DefaultsConfirmation | null): Assessed => {
  const reportRun: ReportRun | null = run ? { id: run.id, published: run.published, createdAt: run.createdAt } : null
  const unconfirmed: ReadonlyArray<UnconfirmedItem> = unconfirmedDefaults(c.scheme)
  const report = assessmentReport({
    scheme: c.scheme,
    schemeFrom: c.from,
    checksum: c.checksum,
    ...c.assessed,
    source: c.data.source,
    demo: c.data.hasDemo,
    run: reportRun,
    kind: c.kind,
    unconfirmed,
    confirmation,
  })
  return { kind: c.kind, scheme: c.scheme, run, result: c.assessed.result, report, assessed: c.assessed, derived: c.derived }
}

/**
 * Run an assessment (admins; the operator at the command line): compute it, and store it — in one transaction
 * with its audit entry, and with a scheme read from a file — when its data came from the store, it covers every
 * kind of zone (or one kind with the scheme configured for that kind) and used no value derived from projects.
 * Publishing on a scheme that holds Jiju defaults needs `confirmDefaults` (InputError "defaults_unconfirmed", nothing
 * written). NotFound "unknown_scheme"; InputError "unknown_period" and the data files' errors.
 * @example const { run, report } = yield* assess(caller, { scheme: { id: "henan-2017" }, period: "2025" })
 */
export const assess = (caller: Caller, req: AssessRequest) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const config = yield* AppConfig
    const c = yield* compute(req)
    const ownScheme =
      req.kind !== undefined && ("ofKind" in req.scheme ? req.scheme.ofKind === req.kind : "id" in req.scheme && config.kindSchemes[req.kind] === req.scheme.id)
    const store = c.data.source === "store" && (req.kind === undefined || ownScheme) && c.derived === null
    const computed: Computed = { ...c, kind: req.kind, store }
    const actor = auditName(who)
    const confirmation = store ? yield* confirmationFor(c.scheme, req, actor, config.now().toISOString()) : null
    let run: StoredRun | null = null
    if (store) {
      run = yield* transaction(storeRun(computed, req, actor, confirmation))
      yield* (yield* LatestRuns).forget(c.scheme.id, req.period)
    }
    return assessedOf(computed, run, confirmation)
  })

/** What to assess for every kind: the period, the source, whether to publish and confirm. */
export type AssessEachKindRequest = Omit<AssessRequest, "scheme" | "kind" | "derived">

/** A run of every kind: each kind's assessment, and the summary the `--json` document's `runs` lists. */
export interface AssessedKinds {
  readonly items: ReadonlyArray<Assessed>
  readonly runs: ReadonlyArray<KindRunSummary>
}

/**
 * Run every kind of zone present in the register with the scheme configured for its kind (JIJU_KIND_SCHEMES, else the
 * built-in mapping) — admins; the operator at the command line. The runs are stored, and published with `publish`,
 * together in one transaction: a kind whose scheme holds unconfirmed defaults refuses the whole publication without
 * `confirmDefaults` and nothing is written. A kind with no value of its scheme in the period is listed, not run.
 * @example const { items, runs } = yield* assessEachKind(caller, { period: "2025" })
 */
export const assessEachKind = (caller: Caller, req: AssessEachKindRequest) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const config = yield* AppConfig
    const source = req.source ?? storeSource
    const data = yield* loadAssessmentData(source, periodsBack(req.period, 2))
    const present = clusterKinds.filter((k) => data.input.clusters.some((c) => c.kind === k))
    const actor = auditName(who)
    const at = config.now().toISOString()
    const done: Array<{ readonly c: Computed; readonly confirmation: DefaultsConfirmation | null }> = []
    const skipped: KindRunSummary[] = []
    let noPeriod: unknown = null
    for (const kind of present) {
      const kindReq: AssessRequest = { ...req, source, scheme: { id: config.kindSchemes[kind] }, kind }
      const attempted = yield* Effect.result(compute(kindReq, data))
      const zones = data.input.clusters.filter((c) => c.kind === kind).length
      if (attempted._tag === "Failure") {
        const e = attempted.failure
        // A kind without data in the period is listed, not run; any other failure stops the whole run.
        if ("code" in e && e.code === "unknown_period") {
          noPeriod = e
          const { scheme } = yield* resolveScheme(kindReq.scheme)
          skipped.push(summary(kind, scheme, null, zones, 0, null))
          continue
        }
        return yield* Effect.fail(e)
      }
      const c: Computed = { ...attempted.success, kind, store: data.source === "store" }
      done.push({ c, confirmation: c.store ? yield* confirmationFor(c.scheme, kindReq, actor, at) : null })
    }
    // No kind has data in the period: the first kind's refusal, which names the periods there are.
    if (done.length === 0)
      return yield* Effect.fail(
        (noPeriod as InputError | null) ??
          inputError("unknown_period", `no zone in the register for ${req.period}`, `${req.period} 登记册中没有集聚区`, {
            column: "period",
            value: req.period,
          }),
      )
    const runs: Array<StoredRun | null> =
      data.source === "store" ? yield* transaction(Effect.forEach(done, ({ c, confirmation }) => storeRun(c, req, actor, confirmation))) : done.map(() => null)
    const latest = yield* LatestRuns
    for (const { c } of done) yield* latest.forget(c.scheme.id, req.period)
    const items = done.map(({ c, confirmation }, i) => assessedOf(c, runs[i]!, confirmation))
    const summaries = [
      ...items.map((a) =>
        summary(
          a.kind!,
          a.scheme,
          a.run,
          data.input.clusters.filter((c) => c.kind === a.kind).length,
          a.result.groups.reduce((n, g) => n + g.size, 0),
          a.report.confirmation ?? null,
        ),
      ),
      ...skipped,
    ].sort((x, y) => clusterKinds.indexOf(x.kind) - clusterKinds.indexOf(y.kind))
    return { items, runs: summaries } satisfies AssessedKinds
  })

const summary = (
  kind: ClusterKind,
  scheme: AssessmentScheme,
  run: StoredRun | null,
  zones: number,
  ranked: number,
  confirmation: DefaultsConfirmation | null,
): KindRunSummary => ({
  kind,
  scheme: scheme.id,
  scheme_name: scheme.name,
  run_id: run?.id ?? null,
  published: run?.published ?? false,
  zones,
  ranked,
  unconfirmed_defaults: unconfirmedDefaults(scheme),
  confirmation,
})

/**
 * The report of a run of every kind: the industrial kind's report (else the first kind's) with every kind's run in
 * `runs` — the `--json` document of `jiju assess` without --scheme, and of the API's run without a scheme.
 * @example eachKindReport(yield* assessEachKind(caller, { period: "2025" })).runs?.length
 */
export const eachKindReport = (a: AssessedKinds): { readonly head: Assessed; readonly report: AssessmentReport } => {
  const head = a.items.find((x) => x.kind === "industrial") ?? a.items[0]!
  return { head, report: { ...head.report, runs: a.runs } }
}

/**
 * Preview an assessment (admins and viewers): the same computation as a run, on the current data, not stored —
 * what a front end shows for a period that has no run yet, instead of computing it itself.
 * @example const { result, report } = yield* previewAssessment(caller, { scheme: { id: "henan-2017" }, period: "2025", kind: "industrial" })
 */
export const previewAssessment = (caller: Caller, req: Omit<AssessRequest, "publish">) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin", "viewer")
    const { scheme, from, checksum, data, assessed } = yield* compute(req)
    const report = assessmentReport({ scheme, schemeFrom: from, checksum, ...assessed, source: data.source, demo: data.hasDemo, run: null })
    return { result: assessed.result, report } satisfies AssessmentPreviewDocument
  })
