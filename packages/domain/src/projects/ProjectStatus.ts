/**
 * The one rule for a project's status history: which step may follow which, and on which day. The project form, the
 * status use case and the project import all ask it.
 *
 * - The first step is 签约 ("signed").
 * - The milestones 签约 → 供地 → 开工 → 投产 → 达产 come in this order; one may be skipped (a project in a rented
 *   standard plant gets no land; one that moves into an existing plant starts producing without building).
 * - "stalled" (停工/停产) follows a milestone; the project resumes by reaching its last milestone again or a later one.
 * - "land_recovered" (土地收回) needs land supplied, and ends the history.
 * - Days never go back, and none lies after today (Beijing time).
 */
import type { Issue } from "../model/errors.js"
import type { Milestones, ProjectStatus, StatusChange } from "./Project.js"
import { projectStatusNames } from "./Project.js"

/** The milestones in their order. */
export const milestoneOrder: ReadonlyArray<ProjectStatus> = ["signed", "land_supplied", "started", "in_production", "at_capacity"]

const order: Partial<Record<ProjectStatus, number>> = Object.fromEntries(milestoneOrder.map((s, i) => [s, i]))

/**
 * Whether a status is one of the milestones 签约 → 达产 (not stalled, not land recovered).
 * @example isMilestone("started") // true
 */
export const isMilestone = (s: ProjectStatus): boolean => order[s] !== undefined

const named = (s: ProjectStatus) => `${projectStatusNames[s].en} (${projectStatusNames[s].zh})`

/**
 * Every problem of a status history, in the one issue shape (column "history.<i>.status" or "history.<i>.on"; row
 * null): first step not signed (`first_not_signed`), a milestone out of order (`status_order`), a stall that follows
 * no milestone or another stall (`status_order`), land recovered without land (`no_land_to_recover`), a step after
 * land recovery (`history_closed`), a day before the previous step's (`date_order`) or after `today`
 * (`date_in_future`). An empty list: the history is valid.
 * @example statusHistoryProblems([{ status: "signed", on: "2025-01-05" }, { status: "started", on: "2025-01-04" }], "2025-06-30")[0].code // "date_order"
 */
export const statusHistoryProblems = (history: ReadonlyArray<StatusChange>, today: string): ReadonlyArray<Issue> => {
  const issues: Issue[] = []
  const at = (i: number, field: "status" | "on", code: string, value: unknown, en: string, zh: string) =>
    issues.push({ code, row: null, column: `history.${i}.${field}`, value, en, zh })
  let lastMilestone = -1
  let stalled = false
  let landSupplied = false
  let closed = false
  let lastDay: string | undefined
  history.forEach((step, i) => {
    const s = step.status
    if (closed)
      at(
        i,
        "status",
        "history_closed",
        s,
        `no step can follow land recovery (step ${i + 1}: ${named(s)})`,
        `土地收回后不能再有状态变化（第 ${i + 1} 步：${projectStatusNames[s].zh}）`,
      )
    else if (i === 0 && s !== "signed")
      at(
        i,
        "status",
        "first_not_signed",
        s,
        `a project's history begins with signed (签约), not ${named(s)}`,
        `项目状态应从“签约”开始，而不是“${projectStatusNames[s].zh}”`,
      )
    else if (isMilestone(s)) {
      const o = order[s]!
      // After a stall the project resumes at its last milestone or a later one; otherwise milestones only go forward.
      if (stalled ? o < lastMilestone : o <= lastMilestone) {
        const before = milestoneOrder[lastMilestone]!
        at(
          i,
          "status",
          "status_order",
          s,
          `${named(s)} cannot follow ${stalled ? "a stall after " : ""}${named(before)}`,
          `“${projectStatusNames[s].zh}”不能在“${projectStatusNames[before].zh}”${stalled ? "停滞" : ""}之后`,
        )
      } else {
        lastMilestone = o
        stalled = false
        if (s === "land_supplied") landSupplied = true
      }
    } else if (s === "stalled") {
      if (lastMilestone < 0 || stalled)
        at(i, "status", "status_order", s, "stalled must follow a milestone, not another stall", "“停滞”应在某一进度节点之后，且不能连续记录")
      else stalled = true
    } else if (s === "land_recovered") {
      if (!landSupplied) at(i, "status", "no_land_to_recover", s, "land can be recovered only after it was supplied (供地)", "只有已供地的项目才能收回土地")
      else closed = true
    }
    if (lastDay !== undefined && step.on < lastDay)
      at(i, "on", "date_order", step.on, `${step.on} is before the previous step's day ${lastDay}`, `${step.on} 早于上一步的日期 ${lastDay}`)
    if (step.on > today) at(i, "on", "date_in_future", step.on, `${step.on} is after today (${today})`, `${step.on} 晚于今天（${today}）`)
    if (lastDay === undefined || step.on > lastDay) lastDay = step.on
  })
  return issues
}

/**
 * The status a history ends in (its last step), or "signed" for an empty one.
 * @example currentStatus([{ status: "signed", on: "2025-01-05" }, { status: "started", on: "2025-03-01" }]) // "started"
 */
export const currentStatus = (history: ReadonlyArray<{ readonly status: ProjectStatus }>): ProjectStatus => history[history.length - 1]?.status ?? "signed"

/**
 * The day each milestone was first reached, and the start of the current stall.
 * @example milestonesOf([{ status: "signed", on: "2025-01-05" }, { status: "stalled", on: "2025-02-01" }]).stalledSince // "2025-02-01"
 */
export const milestonesOf = (history: ReadonlyArray<{ readonly status: ProjectStatus; readonly on: string }>): Milestones => {
  const first = (s: ProjectStatus) => history.find((h) => h.status === s)?.on ?? null
  const last = history[history.length - 1]
  return {
    signedOn: first("signed"),
    landSuppliedOn: first("land_supplied"),
    startedOn: first("started"),
    inProductionOn: first("in_production"),
    atCapacityOn: first("at_capacity"),
    stalledSince: last?.status === "stalled" ? last.on : null,
    landRecoveredOn: first("land_recovered"),
  }
}

/**
 * The status a project had at the end of a day: its last step on or before it (undefined before it was signed).
 * @example statusOn([{ status: "signed", on: "2025-01-05" }, { status: "started", on: "2025-03-01" }], "2025-02-01") // "signed"
 */
export const statusOn = (history: ReadonlyArray<{ readonly status: ProjectStatus; readonly on: string }>, day: string): ProjectStatus | undefined => {
  let s: ProjectStatus | undefined
  for (const h of history) if (h.on <= day) s = h.status
  return s
}
