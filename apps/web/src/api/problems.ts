import { ApiError } from "@jiju/domain/contract"
import type { Issue } from "@jiju/domain/model"
import type { Lang } from "../i18n/dictionary.js"
import { JobFailed } from "./runJob.js"

/**
 * A readable message for any thrown value: an API problem's detail (already in the language asked for), or the
 * error's message.
 * @example messageOf(new ApiError(404, "not_found", "未找到")) // "未找到"
 */
export const messageOf = (e: unknown, lang?: Lang): string =>
  e instanceof ApiError ? e.detail : e instanceof JobFailed ? issueText(e.problem, lang ?? "zh") : e instanceof Error ? e.message : String(e)

/** The located issues of an API problem (none for other errors). */
export const issuesOf = (e: unknown): ReadonlyArray<Issue> => (e instanceof ApiError ? e.errors : [])

/**
 * An issue's text in the interface language.
 * @example issueText({ code: "negative_value", row: null, column: "values.revenue", value: -1, en: "negative", zh: "负数" }, "zh") // "负数"
 */
export const issueText = (issue: Pick<Issue, "en" | "zh">, lang: Lang): string => (lang === "zh" ? issue.zh : issue.en)

/** True when an error means "sign in first". */
export const isUnauthorised = (e: unknown): boolean => e instanceof ApiError && e.status === 401

/** True when an error is the API's "not found". */
export const isNotFound = (e: unknown): boolean => e instanceof ApiError && e.status === 404
