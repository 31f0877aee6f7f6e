import * as Exit from "effect/Exit"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import { InputError } from "./errors.js"

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

// Effect's messages are English; these patterns give the Chinese for the ones users meet.
const zhPatterns: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [/^Missing key$/, () => "缺少必填字段"],
  [/^Expected no excess property$/, () => "不允许的字段"],
  [/^Expected string$/, () => "应为文本"],
  [/^Expected number$/, () => "应为数字"],
  [/^Expected boolean$/, () => "应为布尔值 (true/false)"],
  [/^Expected array$/, () => "应为数组"],
  [/^Expected object$/, () => "应为对象"],
  [/^Expected null$/, () => "应为 null"],
  [/^Expected a finite number$/, () => "应为有限数值"],
  [/^Expected an integer$/, () => "应为整数"],
  [/^Expected a value greater than or equal to (.+)$/, (m) => `应大于或等于 ${m[1]}`],
  [/^Expected a value greater than (.+)$/, (m) => `应大于 ${m[1]}`],
  [/^Expected a value less than or equal to (.+)$/, (m) => `应小于或等于 ${m[1]}`],
  [/^Expected a value less than (.+)$/, (m) => `应小于 ${m[1]}`],
  [/^Expected a value with a length of at least (\d+)$/, (m) => `长度至少为 ${m[1]}`],
  [/^Expected a value with a length of at most (\d+)$/, (m) => `长度至多为 ${m[1]}`],
  [/^Expected a 6-digit GB\/T 2260 code/, () => "应为 6 位 GB/T 2260 行政区划代码"],
  [/^Expected an id of a-z/, () => "应为由 a-z、0-9 和 - 组成的编号 (最长 64)"],
  [/^Expected a snake_case indicator code/, () => "应为小写下划线格式的指标代码"],
  [/^Expected a period like/, () => '应为 "2025"、"2025H1"、"2025Q1" 或 "2025-03" 形式的期间'],
  [/^Expected a date written/, () => "应为形如 2025-03-10 的日期"],
  [/^Expected a week written/, () => "应为形如 2025-W07 的周次"],
  [/^Expected a half year written/, () => "应为形如 2025H1 或 2025H2 的半年"],
  [/^Expected a code of a-z/, () => "应为由 a-z、0-9、_ 和 - 组成的代码 (最长 32)"],
  [/^Expected (".*")$/, (m) => `应为 ${m[1]!.replace(/ \| /g, "、")} 之一`],
]

/**
 * The Chinese for one of Effect Schema's English issue messages (the English itself when unknown); used to
 * give bilingual decode errors.
 * @example translateIssue("Expected a value greater than 0") // "应大于 0"
 */
export const translateIssue = (en: string): string => {
  for (const [re, f] of zhPatterns) {
    const m = en.match(re)
    if (m) return f(m)
  }
  return en
}

/**
 * Decode unknown data with a Schema; on failure throw an InputError listing every problem with its
 * field path and reason in English and Chinese.
 *
 * @example
 * decodeOrThrow(Cluster, JSON.parse(text), "cluster")
 */
export const decodeOrThrow = <S extends Schema.Top>(schema: S, input: unknown, what = "value"): S["Type"] => {
  const exit = Schema.decodeUnknownExit(schema as never)(input, { errors: "all", onExcessProperty: "error" }) as Exit.Exit<S["Type"], Schema.SchemaError>
  if (Exit.isSuccess(exit)) return exit.value
  const error = exit.cause.reasons.find((r) => r._tag === "Fail")
  const issue = error && "error" in error ? (error.error as Schema.SchemaError).issue : undefined
  const found = issue ? formatter(issue).issues : [{ path: [], message: "invalid" }]
  const issues = found.map((i) => {
    const column = (i.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".")
    return { column, en: `${column || what}: ${i.message}`, zh: `${column || what}：${translateIssue(i.message)}` }
  })
  return (() => {
    throw new InputError({
      code: "invalid_value",
      message: `invalid ${what}: ${issues.map((i) => i.en).join("; ")}`,
      zh: `${what} 无效：${issues.map((i) => i.zh).join("；")}`,
      issues,
    })
  })()
}
