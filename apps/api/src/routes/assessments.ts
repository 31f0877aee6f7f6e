import { type AssessmentScheme, assessmentReport, assessPeriod, builtInSchemes } from "@jiju/domain/assessment"
import { Period, periodsBack, previousPeriod, RankingGroup } from "@jiju/domain/model"
import { assessmentRepo, findScheme, loadAssessmentData, recordAssessmentRun, runRepo, type StoredRun as StoreRun, schemeChecksum, storeOn } from "@jiju/store"
import { Schema } from "effect"
import { type Context, Hono } from "hono"
import type { AppEnv } from "../http/env.js"
import { problems } from "../http/problem.js"
import { jsonBody, queryParams } from "../http/validate.js"
import { actorOf, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"

/** A scheme id: a built-in scheme (henan-2017, henan-service-two-zones) or one stored from a file with `jiju assess --scheme FILE`. */
const SchemeId = Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, { expected: "a scheme id such as henan-2017" }))

/** Body of POST /v1/assessments/runs. */
export const RunRequest = Schema.Struct({
  scheme: SchemeId,
  period: Period,
  publish: Schema.optional(Schema.Boolean),
  /** Rank stability over this many random weight draws (as `jiju assess --stability N --seed S`). */
  stability: Schema.optional(Schema.Struct({ draws: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 10_000 })), seed: Schema.optional(Schema.Int) })),
})

/** Query of the result reads. */
export const ResultQuery = Schema.Struct({ scheme: SchemeId, period: Period, group: Schema.optional(RankingGroup) })

/** Query of GET /v1/assessments/report. */
export const ReportQuery = Schema.Struct({ scheme: SchemeId, period: Period })

/** Query of a cluster's history. */
export const HistoryQuery = Schema.Struct({ scheme: SchemeId })

type StoredRun = StoreRun

/** A stored run's report: the JSON `jiju assess --json` printed when it made the run. */
const reportOf = (run: StoredRun, scheme: Pick<AssessmentScheme, "id" | "name">, from: "built_in" | "file" | "stored", checksum: string | null) =>
  assessmentReport({
    scheme,
    schemeFrom: run.provenance?.schemeFrom ?? from,
    checksum,
    result: run.result,
    previousSource: run.provenance?.previousSource ?? (run.result.previousPeriod === null ? null : "stored"),
    source: run.provenance?.source ?? "store",
    demo: run.provenance?.demo ?? false,
    stability: run.stability,
    run: { id: run.id, published: run.published, createdAt: run.createdAt },
  })

// Rankings are read far more often than runs are made: keep the latest run per scheme and period, and look
// every few seconds whether another process has made or published a newer one (a one-row query; the full
// result, hundreds of kilobytes of JSON, is read again only when it changed).
const TTL_MS = 5_000

const utf8 = new TextEncoder()

/**
 * Assessments (综合考核): run a scheme for a period (admin), read results with explanations, rankings
 * by group, a zone's result and history. Published results are public when JIJU_PUBLIC_RESULTS=1.
 */
export const assessmentRoutes = (s: Services) => {
  const cache = new Map<string, { at: number; run: StoredRun | undefined }>()
  const rankingBodies = new Map<string, Uint8Array<ArrayBuffer>>()
  const latest = async (scheme: string, period: string): Promise<StoredRun | undefined> => {
    const key = `${scheme}|${period}`
    const hit = cache.get(key)
    if (hit && Date.now() - hit.at < TTL_MS) return hit.run
    const [head] = await s.db.query<{ id: string; published: boolean }>(
      "select id, published from assessment_runs where scheme = $1 and period = $2 order by created_at desc, id desc limit 1",
      [scheme, period],
    )
    const same = hit?.run !== undefined && head !== undefined && hit.run.id === head.id && hit.run.published === Boolean(head.published)
    const run = same ? hit!.run : head ? await runRepo(s.db).get(head.id) : undefined
    cache.set(key, { at: Date.now(), run })
    return run
  }
  /** The run a caller may read: signed-in callers any, anonymous ones only published runs when results are public. */
  const readable = async (c: Context<AppEnv>, scheme: string, period: string): Promise<StoredRun> => {
    const who = c.get("principal")
    if (!who && !s.config.publicResults) throw problems.unauthorized()
    const run = await latest(scheme, period)
    if (!run || (!who && !run.published)) throw problems.notFound("assessment", `${scheme} ${period}`)
    return run
  }
  return new Hono<AppEnv>()
    .get("/schemes", async (c) => {
      requireRole(c)
      const stored = await assessmentRepo(s.db).schemes.list()
      return c.json({
        items: [
          ...Object.values(builtInSchemes).map((x) => ({ id: x.id, name: x.name, from: "built_in" as const })),
          ...stored.map((x) => ({ id: x.id, name: x.name, from: "stored" as const })),
        ],
      })
    })
    .post("/runs", jsonBody(RunRequest, "assessment run"), async (c) => {
      const who = requireRole(c, "admin")
      const body = c.req.valid("json")
      const found = await findScheme(s.db, body.scheme)
      if (!found) throw problems.notFound("scheme", body.scheme)
      const { scheme, from } = found
      const checksum = schemeChecksum(scheme)
      // The same computation as `jiju assess`: the previous period's stored run of this scheme version, else computed.
      const store = storeOn(s.db)
      const [data, storedPrevious] = await Promise.all([
        loadAssessmentData(store, periodsBack(body.period, 2)),
        runRepo(s.db).latest(scheme.id, previousPeriod(body.period)),
      ])
      const assessed = assessPeriod(scheme, data, body.period, { checksum, storedPrevious, stability: body.stability })
      const saved = await recordAssessmentRun(
        store,
        {
          result: assessed.result,
          published: body.publish ?? false,
          schemeChecksum: checksum,
          stability: assessed.stability,
          provenance: { previousSource: assessed.previousSource, source: data.source, demo: data.hasDemo, schemeFrom: from },
        },
        { actor: actorOf(who) },
      )
      cache.delete(`${scheme.id}|${body.period}`)
      c.header("Location", `/v1/assessments/report?scheme=${encodeURIComponent(scheme.id)}&period=${body.period}`)
      return c.json(
        {
          id: saved.id,
          scheme: scheme.id,
          period: body.period,
          published: saved.published,
          result: saved.result,
          report: reportOf(saved, scheme, from, checksum),
        },
        201,
      )
    })
    .post("/runs/:id/publish", async (c) => {
      const who = requireRole(c, "admin")
      const run = await runRepo(s.db).publish(c.req.param("id"))
      await s.audit.record(s.db, {
        actor: actorOf(who),
        entity: "assessment",
        entityId: run.id,
        action: "publish",
        before: { published: false },
        after: { published: true },
      })
      cache.delete(`${run.scheme}|${run.period}`)
      return c.body(null, 204)
    })
    .get("/results", queryParams(ResultQuery), async (c) => {
      const q = c.req.valid("query")
      const run = await readable(c, q.scheme, q.period)
      return c.json({ id: run.id, published: run.published, createdAt: run.createdAt, result: run.result })
    })
    .get("/report", queryParams(ReportQuery), async (c) => {
      const q = c.req.valid("query")
      const run = await readable(c, q.scheme, q.period)
      const found = await findScheme(s.db, run.scheme)
      return c.json(
        reportOf(
          run,
          found?.scheme ?? { id: run.scheme, name: run.result.schemeName },
          run.provenance?.schemeFrom ?? found?.from ?? "stored",
          run.schemeChecksum,
        ),
      )
    })
    .get("/rankings", queryParams(ResultQuery), async (c) => {
      const q = c.req.valid("query")
      const run = await readable(c, q.scheme, q.period)
      c.header("Cache-Control", run.published ? "public, max-age=5" : "private, max-age=5")
      // A stored run changes only by being published, so its serialised ranking is kept by run, state and group.
      const key = `${run.id}|${run.published}|${q.group ?? ""}`
      // Kept as UTF-8 bytes: encoding 30 KB of Chinese text on every read costs more than the rest of the request.
      let body = rankingBodies.get(key)
      if (body === undefined) {
        body = utf8.encode(
          JSON.stringify({
            id: run.id,
            scheme: run.scheme,
            period: run.period,
            published: run.published,
            groups: run.result.groups.filter((g) => !q.group || g.group === q.group),
            vetoed: run.result.vetoed,
            excluded: run.result.excluded,
          }),
        ) as Uint8Array<ArrayBuffer>
        if (rankingBodies.size > 64) rankingBodies.clear()
        rankingBodies.set(key, body)
      }
      return c.body(body, 200, { "content-type": "application/json; charset=UTF-8" })
    })
    .get("/clusters/:id", queryParams(ResultQuery), async (c) => {
      const q = c.req.valid("query")
      const run = await readable(c, q.scheme, q.period)
      const one = run.result.clusters.find((x) => x.clusterId === c.req.param("id"))
      if (!one) throw problems.notFound("cluster", c.req.param("id"))
      return c.json(one)
    })
    .get("/clusters/:id/history", queryParams(HistoryQuery), async (c) => {
      const who = c.get("principal")
      if (!who && !s.config.publicResults) throw problems.unauthorized()
      const q = c.req.valid("query")
      // The latest run of each period (published only for anonymous callers).
      const items = await runRepo(s.db).history(q.scheme, c.req.param("id"), { publishedOnly: who === undefined })
      return c.json({ cluster: c.req.param("id"), scheme: q.scheme, items })
    })
}
