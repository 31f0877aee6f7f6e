import {
  type AssessmentData,
  builtInTargetSets,
  certificationDocument,
  certificationPeriodRange,
  diagnosisDocument,
  diagnosisPeriodRange,
  incentiveDocument,
  incentivePeriodRange,
  type PeriodRange,
  resolveTargetSet,
  stageDocument,
  stagePeriodRange,
  type TargetSet,
  TargetSetJson,
  type TargetsOptions,
  targetsDocument,
  targetsPeriodRange,
} from "@jiju/domain/assessment"
import { Period } from "@jiju/domain/model"
import { loadAssessmentData, storeOn } from "@jiju/store"
import { Schema } from "effect"
import { type Context, Hono, type MiddlewareHandler } from "hono"
import type { AppEnv } from "../http/env.js"
import { problems } from "../http/problem.js"
import { jsonBody, queryParams } from "../http/validate.js"
import { mayWriteCluster, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"

const ClusterId = Schema.NonEmptyString
const Year = Schema.String.check(Schema.isPattern(/^(19|20)\d{2}$/, { expected: "a year like 2010" }))
const Share = Schema.String.check(Schema.isPattern(/^\d+(\.\d+)?$/, { expected: "a number from 0 to 1, like 0.25" }))
const RegionCode = Schema.String.check(Schema.isPattern(/^[1-9]\d{5}$/, { expected: "a 6-digit region code" }))

/** Query of GET /v1/assessments/certification. */
export const CertificationQuery = Schema.Struct({
  period: Period,
  cluster: Schema.optional(ClusterId),
  /** county (县级认定办法) or city (市级); default city for city-level zones, else county. */
  table: Schema.optional(Schema.Literals(["county", "city"])),
})

/** Query of GET /v1/assessments/stage and /diagnosis. */
export const ZonePeriodQuery = Schema.Struct({ period: Period, cluster: Schema.optional(ClusterId) })

/** Query of GET /v1/assessments/incentive (numbers as text, as in the query string). */
export const IncentiveQuery = Schema.Struct({
  baseYear: Schema.optional(Year),
  from: Schema.optional(Year),
  to: Schema.optional(Year),
  rule: Schema.optional(Schema.Literals(["full_refund", "yoy"])),
  share: Schema.optional(Share),
  cluster: Schema.optional(ClusterId),
})

/** Query of GET /v1/assessments/targets: a built-in target set. */
export const TargetsQuery = Schema.Struct({
  set: Schema.Literals(builtInTargetSets),
  period: Period,
  targetYear: Schema.optional(Year),
  baseYear: Schema.optional(Year),
  region: Schema.optional(RegionCode),
})

/** Body of POST /v1/assessments/targets: a target set of one's own, as the CLI reads it from a JSON file. */
export const TargetsRequest = Schema.Struct({ set: TargetSetJson, period: Period, region: Schema.optional(RegionCode) })

const number = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text))

// Credentials before the query is checked: an anonymous caller learns nothing about valid options.
const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireRole(c)
  await next()
}

/** Any signed-in role; a submitter only about one of its own zones, named by `cluster`. */
const requireZone = (c: Context<AppEnv>, cluster: string | undefined): void => {
  const who = requireRole(c)
  if (who.role === "submitter" && (cluster === undefined || !mayWriteCluster(who, cluster)))
    throw problems.forbidden(
      `a submitter may ask only about its own zones (${who.clusterIds.join(", ") || "none"}): give cluster=<one of them>`,
      `填报员只能查询本集聚区（${who.clusterIds.join("、") || "无"}）：请用 cluster 参数指定`,
    )
}

// Targets sum over every zone (of a region), never one's own zone alone: not for submitters.
const wholeRegister: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireRole(c, "admin", "viewer")
  await next()
}

/**
 * Judgements on zones from the register and the observations: certification (认定), development stage,
 * diagnosis, fiscal incentive and development targets. Each answers exactly what `jiju <command> --json`
 * prints for the same data and options; the domain builds the documents.
 */
export const judgementRoutes = (s: Services) => {
  const load = (range: PeriodRange): Promise<AssessmentData> => loadAssessmentData(storeOn(s.db), range)
  const track = async (c: Context<AppEnv>, options: TargetsOptions) => {
    const { set } = resolveTargetSet(options)
    return c.json(targetsDocument(await load(targetsPeriodRange(set, options.period)), options))
  }
  return new Hono<AppEnv>()
    .get("/certification", signedIn, queryParams(CertificationQuery), async (c) => {
      const q = c.req.valid("query")
      requireZone(c, q.cluster)
      return c.json(certificationDocument(await load(certificationPeriodRange(q)), q))
    })
    .get("/stage", signedIn, queryParams(ZonePeriodQuery), async (c) => {
      const q = c.req.valid("query")
      requireZone(c, q.cluster)
      return c.json(stageDocument(await load(stagePeriodRange(q)), q))
    })
    .get("/diagnosis", signedIn, queryParams(ZonePeriodQuery), async (c) => {
      const q = c.req.valid("query")
      requireZone(c, q.cluster)
      return c.json(diagnosisDocument(await load(diagnosisPeriodRange(q)), q))
    })
    .get("/incentive", signedIn, queryParams(IncentiveQuery), async (c) => {
      const q = c.req.valid("query")
      requireZone(c, q.cluster)
      const options = { baseYear: number(q.baseYear), from: number(q.from), to: number(q.to), rule: q.rule, share: number(q.share), cluster: q.cluster }
      return c.json(incentiveDocument(await load(incentivePeriodRange(options)), options))
    })
    .get("/targets", wholeRegister, queryParams(TargetsQuery), async (c) => {
      const q = c.req.valid("query")
      return track(c, { set: q.set, period: q.period, targetYear: number(q.targetYear), baseYear: number(q.baseYear), region: q.region })
    })
    .post("/targets", wholeRegister, jsonBody(TargetsRequest, "targets request"), async (c) => {
      const b = c.req.valid("json")
      return track(c, { set: b.set as TargetSet, period: b.period, region: b.region })
    })
}
