import { ComputationError, InputError, type Language } from "@jiju/domain/model"
import { HTTPException } from "hono/http-exception"

/** One field-level problem as RFC 9457 "errors" extension members carry it. */
export interface FieldError {
  readonly field: string
  readonly message: string
  /** For row-level problems (imports, analysis data): the 1-based data row, as the store's import report gives it. */
  readonly row?: number
  readonly value?: unknown
}

/** An RFC 9457 problem details document as the API sends it. */
export interface ProblemDocument {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly code: string
  readonly errors: ReadonlyArray<FieldError>
}

interface Localised {
  readonly en: string
  readonly zh: string
}

/**
 * A failure with an HTTP status, a stable code and a bilingual detail; the error handler turns it
 * into problem+json in the client's language.
 *
 * @example
 * throw new ApiProblem(404, "not_found", { en: "no cluster hb-x", zh: "没有集聚区 hb-x" })
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: Localised,
    readonly errors: ReadonlyArray<{ readonly field: string; readonly row?: number; readonly value?: unknown } & Localised> = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail.en)
    this.name = "ApiProblem"
  }
}

const titles: Record<number, Localised> = {
  400: { en: "Bad request", zh: "请求格式错误" },
  401: { en: "Authentication required", zh: "需要登录" },
  403: { en: "Forbidden", zh: "无权访问" },
  404: { en: "Not found", zh: "未找到" },
  405: { en: "Method not allowed", zh: "不支持的请求方法" },
  409: { en: "Conflict", zh: "数据冲突" },
  412: { en: "Precondition failed", zh: "数据已被修改" },
  413: { en: "Payload too large", zh: "请求体过大" },
  415: { en: "Unsupported media type", zh: "不支持的内容类型" },
  422: { en: "Invalid input", zh: "输入数据无效" },
  423: { en: "Account locked", zh: "账户已锁定" },
  428: { en: "Precondition required", zh: "缺少 If-Match 请求头" },
  429: { en: "Too many requests", zh: "请求过于频繁" },
  500: { en: "Internal server error", zh: "服务器内部错误" },
  503: { en: "Service unavailable", zh: "服务暂不可用" },
}

/** The problem "type" URI for a code; relative, resolvable against the API's own docs page. */
export const problemType = (code: string): string => `/v1/docs#problem-${code}`

// Input errors whose code means more than "invalid": not-found (the store's, a zone the register lacks), conflicts and stale versions.
const statusOfCode: Record<string, number> = {
  not_found: 404,
  unknown_cluster: 404,
  duplicate_id: 409,
  duplicate_submission: 409,
  version_conflict: 412,
  store_in_use: 503,
}

/** Turn any thrown value into an ApiProblem (unknown errors become a 500 without internals). */
export const toApiProblem = (e: unknown): ApiProblem => {
  if (e instanceof ApiProblem) return e
  if (e instanceof InputError) {
    const errors = (e.issues ?? []).map((i) => ({
      field: i.column ?? "",
      ...(i.row !== undefined ? { row: i.row } : {}),
      ...(i.value !== undefined ? { value: i.value } : {}),
      en: i.en,
      zh: i.zh,
    }))
    return new ApiProblem(statusOfCode[e.code] ?? 422, e.code, { en: e.message, zh: e.zh }, errors)
  }
  if (e instanceof ComputationError) return new ApiProblem(422, e.code, { en: e.message, zh: e.zh })
  if (e instanceof HTTPException) {
    if (e.status === 413) return new ApiProblem(413, "payload_too_large", { en: "the request body is too large", zh: "请求体超过大小限制" })
    if (e.status === 400 && /json/i.test(e.message))
      return new ApiProblem(400, "malformed_json", { en: "the body is not valid JSON", zh: "请求体不是有效的 JSON" })
    return new ApiProblem(e.status, "http_error", { en: e.message || "request failed", zh: e.message || "请求失败" })
  }
  return new ApiProblem(500, "internal", { en: "an unexpected error occurred", zh: "发生意外错误" })
}

/** The problem document of an ApiProblem in one language. */
export const problemDocument = (p: ApiProblem, lang: Language): ProblemDocument => ({
  type: problemType(p.code),
  title: (titles[p.status] ?? titles[500]!)[lang],
  status: p.status,
  detail: p.detail[lang],
  code: p.code,
  errors: p.errors.map((e) => ({
    field: e.field,
    message: e[lang],
    ...(e.row !== undefined ? { row: e.row } : {}),
    ...(e.value !== undefined ? { value: e.value } : {}),
  })),
})

/** Shorthands for the problems routes raise most. */
export const problems = {
  notFound: (what: string, id: string) => new ApiProblem(404, "not_found", { en: `no ${what} "${id}"`, zh: `未找到${zhWhat(what)} "${id}"` }),
  unauthorized: () => new ApiProblem(401, "unauthorized", { en: "log in or send a bearer token", zh: "请先登录或提供访问令牌" }),
  forbidden: (en: string, zh: string) => new ApiProblem(403, "forbidden", { en, zh }),
  preconditionFailed: (current: string) =>
    new ApiProblem(
      412,
      "version_mismatch",
      { en: `the record changed since it was read (now ${current}); read it again`, zh: `记录已被他人修改（当前 ${current}），请重新读取后再提交` },
      [],
      { ETag: current },
    ),
  preconditionRequired: () =>
    new ApiProblem(428, "if_match_required", {
      en: "send If-Match with the ETag you read",
      zh: "请在 If-Match 请求头中提供读取时的 ETag",
    }),
  badRequest: (code: string, en: string, zh: string, field?: string) => new ApiProblem(400, code, { en, zh }, field ? [{ field, en, zh }] : []),
  invalid: (code: string, en: string, zh: string, field?: string) => new ApiProblem(422, code, { en, zh }, field ? [{ field, en, zh }] : []),
  conflict: (code: string, en: string, zh: string) => new ApiProblem(409, code, { en, zh }),
}

const zhNames: Record<string, string> = {
  region: "区域",
  cluster: "集聚区",
  indicator: "指标",
  job: "任务",
  assessment: "评估结果",
  token: "令牌",
  user: "用户",
  route: "接口",
  analysis: "分析方法",
}
const zhWhat = (what: string) => zhNames[what] ?? what
