import type { Issue } from "@jiju/domain/model"
import { reportStateNames } from "@jiju/domain/projects"
import { type FormEvent, useId, useState } from "react"
import { issuesOf, issueText, messageOf } from "../api/problems.js"
import type { Answer } from "../api/wire.js"
import { useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"

type Schedule = Answer<"projectReports">["schedule"]
type Filed = Answer<"projectReports">["items"]

const NUMBER_FIELDS = ["investment_this_week", "investment_to_date", "progress_percent"] as const
type NumberField = (typeof NUMBER_FIELDS)[number]

/**
 * The weekly report (周汇报) a zone committee files for one project: the week (from the reporting calendar the server
 * worked out, each with its deadline), investment this week and to date, physical progress, what was built and the
 * problems that need a department's help. The browser only checks that numbers are numbers; every rule is the
 * server's, and its issues are shown at the fields they name.
 */
export function WeeklyReportForm({
  projectId,
  schedule,
  filed,
  onFiled,
}: {
  readonly projectId: string
  readonly schedule: Schedule
  readonly filed: Filed
  readonly onFiled: () => void
}) {
  const { t, lang, pick } = useI18n()
  const { api } = useSession()
  const id = useId()
  const weeks = [...schedule].reverse()
  const firstDue = weeks.find((w) => w.state === "missing" || w.state === "open") ?? weeks[0]
  const [week, setWeek] = useState(firstDue?.week ?? "")
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({ investment_this_week: "", investment_to_date: "", progress_percent: "" })
  const [progress, setProgress] = useState("")
  const [note, setNote] = useState("")
  const [problems, setProblems] = useState<Array<{ department: string; description: string }>>([])
  const [issues, setIssues] = useState<ReadonlyArray<Issue>>([])
  const [failure, setFailure] = useState<string | null>(null)
  const [local, setLocal] = useState<Partial<Record<NumberField, string>>>({})
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (weeks.length === 0) return <p className="muted">{t.noWeeksOwed}</p>
  const chosen = schedule.find((w) => w.week === week)
  const already = filed.find((r) => r.week === week)
  const deadline = (iso: string) =>
    new Date(iso).toLocaleString(t.locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
  // Issues of the server at a column ("investment_to_date", "problems.0", "problems.0.department" …).
  const at = (column: string) => issues.filter((i) => i.column === column || (i.column ?? "").startsWith(`${column}.`))
  const known = (i: Issue) => i.column === "week" || NUMBER_FIELDS.some((f) => i.column === f) || /^(progress|note|problems)(\.|$)/.test(i.column ?? "")
  const errorText = (column: string, localText?: string) => [localText, ...at(column).map((i) => issueText(i, lang))].filter(Boolean).join("；")

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setDone(null)
    setFailure(null)
    setIssues([])
    const bad: Partial<Record<NumberField, string>> = {}
    const values = {} as Record<NumberField, number>
    for (const f of NUMBER_FIELDS) {
      const text = numbers[f].trim()
      const n = Number(text)
      if (text === "") bad[f] = t.errRequired
      else if (!Number.isFinite(n)) bad[f] = t.errNumber
      else values[f] = n
    }
    setLocal(bad)
    if (Object.keys(bad).length > 0) return
    setBusy(true)
    try {
      await api.submitWeeklyReport({
        params: { id: projectId, week },
        body: {
          week,
          investment_this_week: values.investment_this_week,
          investment_to_date: values.investment_to_date,
          progress_percent: values.progress_percent,
          progress,
          problems,
          note: note.trim() === "" ? null : note,
        },
      })
      setDone(t.reportFiled(week))
      onFiled()
    } catch (err) {
      setIssues(issuesOf(err))
      setFailure(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const numberField = (f: NumberField, label: string) => {
    const err = errorText(f, local[f])
    return (
      <div className={`field${err ? " has-error" : ""}`} key={f}>
        <label htmlFor={`${id}-${f}`}>{label}</label>
        <input
          id={`${id}-${f}`}
          name={f}
          inputMode="decimal"
          autoComplete="off"
          value={numbers[f]}
          aria-invalid={err !== ""}
          aria-describedby={`${id}-${f}-err`}
          onChange={(e) => {
            setNumbers({ ...numbers, [f]: e.target.value })
            setLocal({ ...local, [f]: undefined })
            setIssues(issues.filter((i) => i.column !== f))
          }}
        />
        <span id={`${id}-${f}-err`} className="error" aria-live="polite">
          {err}
        </span>
      </div>
    )
  }

  return (
    <form className="card weekly-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h2 id={`${id}-title`}>{t.weeklyFormTitle}</h2>
      <div className="field">
        <label htmlFor={`${id}-week`}>{t.week}</label>
        <select
          id={`${id}-week`}
          value={week}
          aria-describedby={`${id}-deadline ${id}-week-err`}
          onChange={(e) => {
            setWeek(e.target.value)
            setDone(null)
          }}
        >
          {weeks.map((w) => (
            <option key={w.week} value={w.week}>
              {w.week} · {pick(reportStateNames[w.state])}
            </option>
          ))}
        </select>
        <small id={`${id}-deadline`} className="help">
          {chosen ? t.dueBy(deadline(chosen.deadline), pick(reportStateNames[chosen.state])) : ""}
          {already ? ` · ${t.correcting(already.revision)}` : ""}
        </small>
        <span id={`${id}-week-err`} className="error" aria-live="polite">
          {errorText("week")}
        </span>
      </div>
      {numberField("investment_this_week", t.investmentThisWeek)}
      {numberField("investment_to_date", t.investmentToDate)}
      {numberField("progress_percent", t.progressPercent)}
      <div className="field">
        <label htmlFor={`${id}-progress`}>{t.progressText}</label>
        <textarea id={`${id}-progress`} value={progress} rows={2} aria-describedby={`${id}-progress-err`} onChange={(e) => setProgress(e.target.value)} />
        <span id={`${id}-progress-err`} className="error" aria-live="polite">
          {errorText("progress")}
        </span>
      </div>
      <fieldset>
        <legend>{t.problemsNeedingHelp}</legend>
        {problems.map((q, i) => (
          <div className="problem-row" key={i}>
            <div className="field inline">
              <label htmlFor={`${id}-dept-${i}`}>{t.department}</label>
              <input
                id={`${id}-dept-${i}`}
                value={q.department}
                onChange={(e) => setProblems(problems.map((x, j) => (j === i ? { ...x, department: e.target.value } : x)))}
              />
            </div>
            <div className="field inline">
              <label htmlFor={`${id}-desc-${i}`}>{t.problemDescription}</label>
              <input
                id={`${id}-desc-${i}`}
                value={q.description}
                aria-describedby={`${id}-problem-${i}-err`}
                onChange={(e) => setProblems(problems.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)))}
              />
            </div>
            <button type="button" onClick={() => setProblems(problems.filter((_, j) => j !== i))}>
              {t.removeProblem}
            </button>
            <span id={`${id}-problem-${i}-err`} className="error" aria-live="polite">
              {errorText(`problems.${i}`)}
            </span>
          </div>
        ))}
        <button type="button" onClick={() => setProblems([...problems, { department: "", description: "" }])}>
          {t.addProblem}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t.reportNote}</label>
        <textarea id={`${id}-note`} value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {already ? t.correctReport : t.fileReport}
        </button>
      </div>
      {failure ? (
        <div role="alert" className="notice error">
          <p>{t.reportRefused(failure)}</p>
          {issues.filter((i) => !known(i)).length > 0 ? (
            <ul>
              {issues
                .filter((i) => !known(i))
                .map((i) => (
                  <li key={`${i.code}-${i.column}`}>{issueText(i, lang)}</li>
                ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {done ? (
        <p role="status" className="notice">
          {done}
        </p>
      ) : null}
    </form>
  )
}
