import type { Dictionary } from "../i18n/dictionary.js"
import type { FieldIssue } from "./validate.js"

/**
 * The message of a field's issue in the interface language.
 * @example fieldIssueText(t, { kind: "percent" }) // "百分比应在 0–100 之间"
 */
export const fieldIssueText = (t: Dictionary, i: FieldIssue): string => {
  switch (i.kind) {
    case "required":
      return t.errRequired
    case "number":
      return t.errNumber
    case "negative":
      return t.errNegative
    case "percent":
      return t.errPercent
    case "integer":
      return t.errInteger
    case "confirm":
      return t.errConfirm
  }
}
