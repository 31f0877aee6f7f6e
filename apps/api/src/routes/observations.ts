import { frequencyOf, IndicatorCode, Period, yearOf } from "@jiju/domain/model"
import { importObservationFile, type Principal, storeOn } from "@jiju/store"
import { Schema } from "effect"
import { Hono } from "hono"
import type { AppEnv } from "../http/env.js"
import { ApiProblem, problems } from "../http/problem.js"
import { jsonBody, queryParams } from "../http/validate.js"
import { actorOf, mayWriteCluster, requireClusterWrite, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"

/** One period's values for one cluster, as a zone's management committee submits them. */
export const Submission = Schema.Struct({
  period: Period,
  /** indicator code → value */
  values: Schema.Record(Schema.String, Schema.Finite),
  source: Schema.optional(Schema.String.check(Schema.isMaxLength(200))),
  note: Schema.optional(Schema.NullOr(Schema.String.check(Schema.isMaxLength(2000)))),
})
export type Submission = typeof Submission.Type

/** Query of GET /v1/observations (comma-separated lists). */
export const ObservationQuery = Schema.Struct({
  clusters: Schema.optional(Schema.String),
  indicators: Schema.optional(Schema.String),
  period: Schema.optional(Period),
  from: Schema.optional(Period),
  to: Schema.optional(Period),
})

/** The first month of a period, to tell periods that have not begun. */
const periodStart = (p: string): { year: number; month: number } => {
  const y = yearOf(p)
  switch (frequencyOf(p)) {
    case "year":
      return { year: y, month: 1 }
    case "quarter":
      return { year: y, month: (Number(p.slice(5)) - 1) * 3 + 1 }
    case "month":
      return { year: y, month: Number(p.slice(5)) }
  }
}

const list = (s: string | undefined) =>
  s
    ? s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined

/**
 * Check a submission against the catalogue and the calendar; collects every problem (unknown
 * indicators, negative values where not allowed, a period not yet begun) into one 422.
 */
const checkSubmission = async (s: Services, sub: Submission, now: Date) => {
  const defs = await s.catalogue.byCode(Object.keys(sub.values))
  const errors: Array<{ field: string; en: string; zh: string }> = []
  const codes = Object.keys(sub.values)
  if (codes.length === 0) errors.push({ field: "values", en: "give at least one indicator value", zh: "至少填写一个指标值" })
  for (const code of codes) {
    const def = defs.get(code)
    const v = sub.values[code]!
    if (!Schema.is(IndicatorCode)(code) || !def) errors.push({ field: `values.${code}`, en: `unknown indicator "${code}"`, zh: `未知指标“${code}”` })
    else if (def.archivedAt !== null)
      errors.push({ field: `values.${code}`, en: `indicator "${code}" is archived and takes no new values`, zh: `指标“${def.zh}”已归档，不再接收新数据` })
    else if (!def.allowNegative && v < 0)
      errors.push({ field: `values.${code}`, en: `${code} cannot be negative (got ${v})`, zh: `${def.zh}不能为负数（收到 ${v}）` })
  }
  const start = periodStart(sub.period)
  if (start.year > now.getUTCFullYear() || (start.year === now.getUTCFullYear() && start.month > now.getUTCMonth() + 1))
    errors.push({ field: "period", en: `the period ${sub.period} has not begun`, zh: `期间 ${sub.period} 尚未开始` })
  if (errors.length > 0)
    throw new ApiProblem(422, "invalid_submission", { en: errors.map((e) => e.en).join("; "), zh: errors.map((e) => e.zh).join("；") }, errors)
}

const duplicate = (clusterId: string, period: string, existing: Readonly<Record<string, number>>) => {
  const codes = Object.keys(existing).sort()
  return new ApiProblem(
    409,
    "duplicate_submission",
    {
      en: `${clusterId} already has ${period} values for ${codes.join(", ")}; use PUT to correct them`,
      zh: `${clusterId} 已提交 ${period} 的 ${codes.join("、")}；如需更正请使用 PUT`,
    },
    codes.map((code) => ({ field: `values.${code}`, en: "already submitted", zh: "已提交" })),
  )
}

/**
 * Write one period's values for a cluster with its audit entry, atomically (one database call). A
 * first submission (POST, `replace` false) refuses indicators that already have a value for the period
 * (409, nothing written); a correction (PUT) overwrites them and the audit keeps the old values.
 * Concurrent submissions share database calls (see submissionQueue).
 */
const writeSubmission = async (s: Services, who: Principal, clusterId: string, sub: Submission, replace: boolean) => {
  await checkSubmission(s, sub, new Date())
  const submittedAt = new Date().toISOString()
  const r = await s.submissions.submit({
    clusterId,
    period: sub.period,
    values: sub.values,
    source: sub.source ?? "submission",
    submitter: actorOf(who),
    submittedAt,
    note: sub.note ?? null,
    replace,
  })
  switch (r.kind) {
    case "unknown_cluster":
      throw problems.notFound("cluster", clusterId)
    case "archived":
      throw problems.conflict("cluster_archived", `cluster ${clusterId} is archived`, `集聚区 ${clusterId} 已归档`)
    case "duplicate":
      throw duplicate(clusterId, sub.period, r.existing)
    case "written":
      return { cluster: clusterId, period: sub.period, written: r.written, submittedAt }
  }
}

/** Submissions for one cluster (mounted under /v1/clusters/:id/observations). */
export const submissionRoutes = (s: Services) =>
  new Hono<AppEnv>()
    .post("/:id/observations", jsonBody(Submission, "submission"), async (c) => {
      const id = c.req.param("id")
      const who = requireClusterWrite(c, id)
      return c.json(await writeSubmission(s, who, id, c.req.valid("json"), false), 201)
    })
    .put("/:id/observations/:period", jsonBody(Submission, "submission"), async (c) => {
      const id = c.req.param("id")
      const who = requireClusterWrite(c, id)
      const sub = c.req.valid("json")
      if (sub.period !== c.req.param("period"))
        throw problems.invalid("period_mismatch", `the body's period ${sub.period} is not ${c.req.param("period")}`, "请求体中的期间与路径不一致", "period")
      return c.json(await writeSubmission(s, who, id, sub, true))
    })
    .get("/:id/observations", queryParams(ObservationQuery), async (c) => {
      const who = requireRole(c)
      const id = c.req.param("id")
      if (who.role === "submitter" && !mayWriteCluster(who, id)) throw problems.forbidden(`you may read only your own zones' data`, "您只能查看本集聚区的数据")
      const q = c.req.valid("query")
      const items = await s.observations.query({
        target: { kind: "cluster", id: id as never },
        ...(list(q.indicators) ? { indicators: list(q.indicators)! } : {}),
        ...(q.period ? { period: q.period } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      })
      return c.json({ items })
    })

/** Query of POST /v1/observations/import. */
export const ImportQuery = Schema.Struct({
  /** The file's name; its extension (.csv, .xlsx) picks the reader. */
  fileName: Schema.String.check(Schema.isPattern(/^[^/\\]{1,200}\.(csv|txt|tsv|xlsx)$/i, { expected: "a file name ending .csv, .tsv, .txt or .xlsx" })),
  format: Schema.optional(Schema.Literals(["long", "wide"])),
})

/** Time-series queries across clusters (GET /v1/observations) and bulk imports (POST /v1/observations/import). */
export const observationRoutes = (s: Services) =>
  new Hono<AppEnv>()
    .post("/import", queryParams(ImportQuery), async (c) => {
      const who = requireRole(c, "admin")
      const q = c.req.valid("query")
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.length === 0) throw problems.badRequest("empty_file", "the request body is empty; send the file's bytes", "请求体为空，请发送文件内容", "body")
      const result = await importObservationFile(storeOn(s.db), bytes, q.fileName, {
        importedBy: actorOf(who),
        ...(q.format ? { format: q.format } : {}),
      })
      await s.audit.record(s.db, { actor: actorOf(who), entity: "import", entityId: String(result.importId), action: "import", before: null, after: result })
      return c.json(result, 201)
    })
    .get("/", queryParams(ObservationQuery), async (c) => {
      const who = requireRole(c)
      const q = c.req.valid("query")
      let clusters = list(q.clusters)
      if (who.role === "submitter") {
        if (clusters?.some((x) => !mayWriteCluster(who, x))) throw problems.forbidden(`you may read only your own zones' data`, "您只能查看本集聚区的数据")
        clusters ??= [...who.clusterIds]
      }
      const items = await s.observations.query({
        ...(clusters ? { clusters } : {}),
        ...(list(q.indicators) ? { indicators: list(q.indicators)! } : {}),
        ...(q.period ? { period: q.period } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      })
      return c.json({ items })
    })
