import * as Schema from "effect/Schema"

/** One located problem, the one shape every surface reports (see model/errors.ts `Issue`). */
export const IssueSchema = Schema.Struct({
  /** Stable code, e.g. "negative_value". */
  code: Schema.String,
  /** The row as the user sees it (header = row 1), or null when the input is not a table. */
  row: Schema.NullOr(Schema.Number),
  /** The column, or the field path of a JSON body in snake_case ("values.revenue"); null for the whole input. */
  column: Schema.NullOr(Schema.String),
  /** The offending value as sent. */
  value: Schema.Unknown,
  en: Schema.String,
  zh: Schema.String,
})

/** An RFC 9457 problem details document, with Jiju's stable `code` and every located issue. */
export const ProblemDocument = Schema.Struct({
  type: Schema.String,
  /** The status's title in the requested language. */
  title: Schema.String,
  status: Schema.Number,
  /** What went wrong, in the requested language (Accept-Language; Chinese by default). */
  detail: Schema.String,
  code: Schema.String,
  errors: Schema.Array(IssueSchema),
})
export type ProblemDocument = typeof ProblemDocument.Type

/** Titles of the statuses the API answers with, in both languages. */
export const statusTitles: Readonly<Record<number, { readonly en: string; readonly zh: string }>> = {
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
