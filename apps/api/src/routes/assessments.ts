import {
  type AssessmentResult,
  type AssessmentScheme,
  henan2017Scheme,
  runAssessment,
  serviceTwoZonesScheme,
  valueLookupFromObservations,
} from "@jiju/domain/assessment"
import { Period, RankingGroup, previousPeriod } from "@jiju/domain/model"
import { runRepo } from "@jiju/store"
import { Schema } from "effect"
import { type Context, Hono } from "hono"
import type { AppEnv } from "../http/env.js"
import { ApiProblem, problems } from "../http/problem.js"
import { jsonBody, queryParams } from "../http/validate.js"
import { actorOf, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"

/** The built-in schemes by id. */
export const schemes: Readonly<Record<string, AssessmentScheme>> = {
  [henan2017Scheme.id]: henan2017Scheme,
  [serviceTwoZonesScheme.id]: serviceTwoZonesScheme,
}
const SchemeId = Schema.Literals(Object.keys(schemes) as [string, ...string[]])

/** Body of POST /v1/assessments/runs. */
export const RunRequest = Schema.Struct({ scheme: SchemeId, period: Period, publish: Schema.optional(Schema.Boolean) })

/** Query of the result reads. */
export const ResultQuery = Schema.Struct({ scheme: SchemeId, period: Period, group: Schema.optional(RankingGroup) })

/** Query of a cluster's history. */
export const HistoryQuery = Schema.Struct({ scheme: SchemeId })

interface StoredRun {
  readonly id: string
  readonly scheme: string
  readonly period: string
  readonly published: boolean
  readonly createdAt: string
  readonly result: AssessmentResult
}

const toRun = (r: Record<string, unknown>): StoredRun => ({
  id: String(r.id),
  scheme: String(r.scheme),
  period: String(r.period),
  published: Boolean(r.published),
  createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
  result: r.result as AssessmentResult,
})

// Rankings are read far more often than runs are made: keep the latest run per scheme and period for a
// few seconds (other processes' new runs show up within the TTL).
const TTL_MS = 5_000

/**
 * Assessments (综合考核): run a scheme for a period (admin), read results with explanations, rankings
 * by group, a zone's result and history. Published results are public when JIJU_PUBLIC_RESULTS=1.
 */
export const assessmentRoutes = (s: Services) => {
  const cache = new Map<string, { at: number; run: StoredRun | undefined }>()
  const rankingBodies = new Map<string, string>()
  const latest = async (scheme: string, period: string): Promise<StoredRun | undefined> => {
    const key = `${scheme}|${period}`
    const hit = cache.get(key)
    if (hit && Date.now() - hit.at < TTL_MS) return hit.run
    const rows = await s.db.query(
      "select * from assessment_runs where scheme = $1 and period = $2 order by created_at desc, id desc limit 1",
      [scheme, period],
    )
    const run = rows[0] ? toRun(rows[0]) : undefined
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
    .get("/schemes", (c) => {
      requireRole(c)
      return c.json({ items: Object.values(schemes).map((x) => ({ id: x.id, name: x.name })) })
    })
    .post("/runs", jsonBody(RunRequest, "assessment run"), async (c) => {
      const who = requireRole(c, "admin")
      const { scheme: id, period, publish } = c.req.valid("json")
      const scheme = schemes[id]!
      const prev = previousPeriod(period)
      const [clusters, now, before, previous] = await Promise.all([
        s.clusters.list(),
        s.observations.query({ period }),
        s.observations.query({ period: prev }),
        latest(id, prev),
      ])
      if (now.length === 0)
        throw new ApiProblem(422, "no_data", { en: `no observations for ${period}`, zh: `${period} 没有观测数据` }, [
          { field: "period", en: "no data for this period", zh: "该期间无数据" },
        ])
      const result = runAssessment(scheme, { clusters, value: valueLookupFromObservations([...now, ...before]) }, period, previous?.result)
      // The store's run repository also writes one row per zone (the CLI's history reads those).
      const runId = await s.db.transaction(async (tx) => {
        const saved = await runRepo(tx).save({ result, published: publish ?? false, createdBy: actorOf(who) }, tx)
        await s.audit.record(tx, { actor: actorOf(who), entity: "assessment", entityId: saved.id, action: "run", before: null, after: { scheme: id, period, published: publish ?? false } })
        return saved.id
      })
      cache.delete(`${id}|${period}`)
      c.header("Location", `/v1/assessments/results?scheme=${encodeURIComponent(id)}&period=${period}`)
      return c.json({ id: runId, scheme: id, period, published: publish ?? false, result }, 201)
    })
    .post("/runs/:id/publish", async (c) => {
      const who = requireRole(c, "admin")
      const run = await runRepo(s.db).publish(c.req.param("id"))
      await s.audit.record(s.db, { actor: actorOf(who), entity: "assessment", entityId: run.id, action: "publish", before: { published: false }, after: { published: true } })
      cache.delete(`${run.scheme}|${run.period}`)
      return c.body(null, 204)
    })
    .get("/results", queryParams(ResultQuery), async (c) => {
      const q = c.req.valid("query")
      const run = await readable(c, q.scheme, q.period)
      return c.json({ id: run.id, published: run.published, createdAt: run.createdAt, result: run.result })
    })
    .get("/rankings", queryParams(ResultQuery), async (c) => {
      const q = c.req.valid("query")
      const run = await readable(c, q.scheme, q.period)
      c.header("Cache-Control", run.published ? "public, max-age=5" : "private, max-age=5")
      // A stored run changes only by being published, so its serialised ranking is kept by run, state and group.
      const key = `${run.id}|${run.published}|${q.group ?? ""}`
      let body = rankingBodies.get(key)
      if (body === undefined) {
        body = JSON.stringify({
          id: run.id,
          scheme: run.scheme,
          period: run.period,
          published: run.published,
          groups: run.result.groups.filter((g) => !q.group || g.group === q.group),
          vetoed: run.result.vetoed,
          excluded: run.result.excluded,
        })
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
