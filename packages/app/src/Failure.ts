import type { Issue } from "@jiju/domain/model"
import * as Data from "effect/Data"

/** What every failure of a use case says: a stable code and the reason in both languages, with located issues. */
export interface FailureFields {
  readonly code: string
  readonly en: string
  readonly zh: string
  readonly issues?: ReadonlyArray<Issue>
}

/** No credentials (HTTP 401). */
export class Unauthorized extends Data.TaggedError("Unauthorized")<FailureFields> {}
/** Credentials that do not allow this (HTTP 403). */
export class Forbidden extends Data.TaggedError("Forbidden")<FailureFields> {}
/** The thing asked for does not exist, or the caller may not know it does (HTTP 404). */
export class NotFound extends Data.TaggedError("NotFound")<FailureFields> {}
/** The request clashes with the state of the store: a duplicate, an archived entry (HTTP 409). */
export class Conflict extends Data.TaggedError("Conflict")<FailureFields> {}
/** The entry changed since the caller read it (HTTP 412); `current` is its ETag now. */
export class Stale extends Data.TaggedError("Stale")<FailureFields & { readonly current: string }> {}
/** A change that must name the version it read did not (HTTP 428). */
export class VersionRequired extends Data.TaggedError("VersionRequired")<FailureFields> {}
/** Sign-ins refused for a while (HTTP 423 for an account, 429 for an address); retry after `retryAfter` seconds. */
export class Throttled extends Data.TaggedError("Throttled")<FailureFields & { readonly retryAfter: number; readonly scope: "account" | "address" }> {}
/** The store or a needed service does not answer (HTTP 503). */
export class Unavailable extends Data.TaggedError("Unavailable")<FailureFields> {}

/** The failures a use case can end with besides the domain's InputError and ComputationError. */
export type AppFailure = Unauthorized | Forbidden | NotFound | Conflict | Stale | VersionRequired | Throttled | Unavailable

const zhNames: Record<string, string> = {
  region: "行政区划",
  cluster: "集聚区",
  indicator: "指标",
  job: "任务",
  assessment: "考核结果",
  run: "考核运行",
  scheme: "考核方案",
  token: "令牌",
  user: "用户",
  analysis: "分析方法",
  period: "期间",
}

/**
 * NotFound naming what was looked for.
 * @example notFound("cluster", "hb-x").zh // "未找到集聚区“hb-x”"
 */
export const notFound = (what: string, id: string): NotFound =>
  new NotFound({ code: "not_found", en: `no ${what} "${id}"`, zh: `未找到${zhNames[what] ?? what}“${id}”` })
