import { type ProblemDocument, statusTitles } from "@jiju/domain/contract"
import { ComputationError, InputError, type Issue, issuesOf, type Language } from "@jiju/domain/model"
import { HTTPException } from "hono/http-exception"

/** A failure as the API answers it: status, stable code, detail in both languages, issues and extra headers. */
export interface Problem {
  readonly status: number
  readonly code: string
  readonly en: string
  readonly zh: string
  readonly issues: ReadonlyArray<Issue>
  readonly headers: Readonly<Record<string, string>>
}

/**
 * A problem raised by the HTTP layer itself (a malformed body, a wrong media type, a limit).
 * @example throw new HttpProblem(415, "unsupported_media_type", "send JSON", "请求体应为 JSON")
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly en: string,
    readonly zh: string,
    readonly issues: ReadonlyArray<Issue> = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(en)
    this.name = "HttpProblem"
  }
}

// Input errors whose code means more than "invalid": things that do not exist, conflicts, stale versions.
const statusOfCode: Readonly<Record<string, number>> = {
  not_found: 404,
  unknown_cluster: 404,
  duplicate_id: 409,
  duplicate_submission: 409,
  cluster_archived: 409,
  version_conflict: 412,
  store_in_use: 503,
}

const statusOfTag: Readonly<Record<string, number>> = {
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  Stale: 412,
  VersionRequired: 428,
  Unavailable: 503,
}

interface Tagged {
  readonly _tag: string
  readonly code: string
  readonly en: string
  readonly zh: string
  readonly issues?: ReadonlyArray<Issue>
}

const isTagged = (e: unknown): e is Tagged =>
  typeof e === "object" && e !== null && typeof (e as Tagged)._tag === "string" && typeof (e as Tagged).en === "string"

/**
 * Any failure as a problem: use-case failures by their tag, domain input errors by their code, Hono's own
 * exceptions by status; anything else is a 500 that shows no internals.
 * @example toProblem(new InputError({ code: "not_numeric", message: "x", zh: "x" })).status // 422
 */
export const toProblem = (e: unknown): Problem => {
  if (e instanceof HttpProblem) return { status: e.status, code: e.code, en: e.en, zh: e.zh, issues: e.issues, headers: e.headers }
  if (e instanceof InputError) return { status: statusOfCode[e.code] ?? 422, code: e.code, en: e.message, zh: e.zh, issues: issuesOf(e), headers: {} }
  if (e instanceof ComputationError) return { status: 422, code: e.code, en: e.message, zh: e.zh, issues: issuesOf(e), headers: {} }
  if (isTagged(e)) {
    if (e._tag === "Throttled") {
      const t = e as Tagged & { retryAfter: number; scope: "account" | "address" }
      return { status: t.scope === "account" ? 423 : 429, code: t.code, en: t.en, zh: t.zh, issues: [], headers: { "Retry-After": String(t.retryAfter) } }
    }
    const status = statusOfTag[e._tag]
    if (status !== undefined) {
      const current = (e as { current?: string }).current
      return { status, code: e.code, en: e.en, zh: e.zh, issues: e.issues ?? [], headers: status === 412 && current ? { ETag: current } : {} }
    }
  }
  if (e instanceof HTTPException) {
    if (e.status === 413)
      return { status: 413, code: "payload_too_large", en: "the request body is too large", zh: "请求体超过大小限制", issues: [], headers: {} }
    return { status: e.status, code: "http_error", en: e.message || "request failed", zh: e.message || "请求失败", issues: [], headers: {} }
  }
  return { status: 500, code: "internal", en: "an unexpected error occurred", zh: "发生意外错误", issues: [], headers: {} }
}

/** The problem type URI of a code: relative, resolvable against the API's reference page. */
export const problemType = (code: string): string => `/v1/docs#problem-${code}`

/**
 * The RFC 9457 document of a problem, its title and detail in the caller's language.
 * @example problemDocument(toProblem(e), "en").detail
 */
export const problemDocument = (p: Problem, lang: Language): ProblemDocument => ({
  type: problemType(p.code),
  title: (statusTitles[p.status] ?? statusTitles[500]!)[lang],
  status: p.status,
  detail: lang === "zh" ? p.zh : p.en,
  code: p.code,
  errors: p.issues,
})
