import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react"
import { loadKindSchemes } from "../api/kindSchemes.js"
import { issueText, messageOf } from "../api/problems.js"
import { useSession } from "../auth/Session.js"
import type { Dictionary } from "../i18n/dictionary.js"
import { useI18n } from "../i18n/I18n.js"
import { useLoad } from "../ui/useLoad.js"
import { DimensionFieldset } from "./DimensionFieldset.js"
import { fieldIssueText } from "./fieldIssueText.js"
import { formOf } from "./formScheme.js"
import { IndicatorRow } from "./IndicatorRow.js"
import { StoredValues } from "./StoredValues.js"
import { TemplateActions } from "./TemplateActions.js"
import { useEntries } from "./useEntries.js"
import { type Say, useFormStart } from "./useFormStart.js"
import { usePeriodValues } from "./usePeriodValues.js"
import { useSubmission } from "./useSubmission.js"
import { useWritableClusters } from "./useWritableClusters.js"
import { checkForm, validPeriod } from "./validate.js"
import { ZoneAndPeriod } from "./ZoneAndPeriod.js"

const NO_VALUES: ReadonlyMap<string, number> = new Map()
const NO_ITEMS: ReadonlyArray<never> = []

/**
 * The assessment form of a zone's management committee: pick a zone and a period, fill the scheme's indicators
 * (grouped by dimension, with unit, last period's value, the change and help), validated as you type and on
 * submit by the domain's value rule; drafts kept on this device; the submission is atomic, the API's issues are
 * shown at the fields they name, and the stored values are shown back.
 */
export function AssessmentForm({ initialCluster, initialPeriod }: { readonly initialCluster?: string; readonly initialPeriod?: string }) {
  const { t, lang, pick } = useI18n()
  const id = useId()
  const { api } = useSession()
  const clusters = useWritableClusters()
  // The form is the scheme of the zone's kind, as the server names it (a CBD's committee gets the service form).
  const kinds = useLoad(() => loadKindSchemes(api), [api])
  const [clusterId, setClusterId] = useState(initialCluster ?? "")
  const [period, setPeriod] = useState(initialPeriod ?? String(new Date().getFullYear() - 1))
  const periodOk = validPeriod(period)
  const values = usePeriodValues(clusterId, period, periodOk)
  const form = useEntries(clusterId, period, periodOk)
  const submission = useSubmission()
  const [notice, setNotice] = useState<Say | null>(null)
  const [alert, setAlert] = useState<Say | null>(null)
  const inputs = useRef(new Map<string, HTMLInputElement | null>())
  const { entries } = form
  const { keepTyped, started } = useFormStart(form, values.data, clusterId, period, (n) => setNotice(() => n))

  // The first writable zone is chosen by default.
  useEffect(() => {
    const first = clusters.data?.[0]
    if (!clusterId && first) setClusterId(first.id)
  }, [clusters.data, clusterId])
  // A new zone or period: nothing of the last submission applies.
  const { reset } = submission
  useEffect(() => {
    reset()
    setAlert(null)
  }, [clusterId, period, reset])

  const kind = clusters.data?.find((c) => c.id === clusterId)?.kind
  const entry = kinds.data?.find((k) => k.kind === kind)
  const fs = useMemo(() => (entry ? formOf(entry.scheme) : null), [entry])
  const formItems = fs?.items ?? NO_ITEMS

  // Typing before the period's values have loaded would be overwritten by them.
  const waiting = clusterId !== "" && periodOk && values.error === null && !started
  const previous = values.data?.previous ?? NO_VALUES
  const existing = values.data?.existing ?? []
  const checked = useMemo(
    () => checkForm(formItems, entries.raw, previous, entries.confirmed, entries.attempted),
    [formItems, entries.raw, previous, entries.confirmed, entries.attempted],
  )
  const correcting = existing.length > 0 || submission.stored !== null || submission.failure?.duplicate === true
  const apiText = (column: string): string | null => {
    const found = submission.issuesAt(column)
    return found.length > 0 ? found.map((i) => issueText(i, lang)).join("；") : null
  }
  const fieldError = (code: string): string | null => {
    const server = apiText(`values.${code}`)
    if (server) return server
    const issue = checked.fields.get(code)?.issue
    if (!issue) return null
    return entries.attempted || entries.touched.has(code) || issue.kind !== "required" ? fieldIssueText(t, issue) : null
  }

  const changePeriod = (p: string) => {
    keepTyped()
    setPeriod(p)
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    form.attempt()
    setAlert(null)
    const final = checkForm(formItems, entries.raw, previous, entries.confirmed, true)
    const problems = final.invalid.length + (clusterId ? 0 : 1) + (periodOk ? 0 : 1)
    if (problems > 0) {
      setAlert(() => (x: Dictionary) => x.errorsSummary(problems))
      const first = final.invalid[0]
      if (first) inputs.current.get(first)?.focus()
      return
    }
    const done = await submission.submit(clusterId, period, final.values, correcting)
    if (!done) return
    form.submitted()
    const when = new Date(done.receipt.submitted_at)
    setNotice(() => (x: Dictionary) => x.stored(done.receipt.written, when.toLocaleString(x.locale)))
  }

  if (clusters.error) return <p role="alert">{t.loadFailed(messageOf(clusters.error))}</p>
  if (kinds.error) return <p role="alert">{t.loadFailed(messageOf(kinds.error))}</p>
  if (clusters.data === null) return <p aria-busy="true">{t.loading}</p>
  if (clusters.data.length === 0) return <p role="status">{t.noClusters}</p>
  // A zone the user may not write for has no kind here: the form shows the refusal of its values, with no fields.
  if (kinds.data === null) return <p aria-busy="true">{t.loading}</p>

  const failure = submission.failure
  const alertText = alert
    ? alert(t)
    : failure
      ? failure.duplicate
        ? `${failure.detail} — ${t.alreadySubmitted}`
        : failure.detail
      : values.error
        ? t.loadFailed(messageOf(values.error))
        : null
  return (
    <form className="assessment-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t.formTitle}</h1>
      {fs ? (
        <p className="muted" data-scheme={fs.scheme.id}>
          {t.scheme}: {pick(fs.scheme.name)}
          {entry && entry.unconfirmed.length > 0
            ? ` · ${t.unconfirmedDefaults(entry.unconfirmed.map((u) => pick(u.what)).join(lang === "zh" ? "、" : ", "))}`
            : ""}
        </p>
      ) : null}
      <div className="form-head">
        <ZoneAndPeriod
          idPrefix={id}
          clusters={clusters.data}
          clusterId={clusterId}
          onCluster={setClusterId}
          clusterError={apiText("cluster")}
          period={period}
          onPeriod={changePeriod}
          periodError={!periodOk ? t.errPeriod : apiText("period")}
        />
        <TemplateActions
          items={formItems}
          fileName={`jiju-${clusterId || "template"}-${period}.xlsx`}
          previous={previous}
          raw={entries.raw}
          onImported={(got) => {
            form.merge(got.raw)
            setNotice(
              () => (x: Dictionary) =>
                [x.imported(Object.keys(got.raw).length), got.unknown.length ? x.importUnknown(got.unknown.join(", ")) : ""].filter(Boolean).join("；"),
            )
          }}
          onFailed={(why) => setAlert(() => (x: Dictionary) => x.importFailed(why))}
        />
      </div>

      <div role="status" aria-live="polite" className="notice">
        {notice ? notice(t) : null}
        {entries.draftAt ? <span className="muted"> {t.draftSaved(new Date(entries.draftAt).toLocaleTimeString(t.locale))}</span> : null}
      </div>

      {(fs?.groups ?? []).map((g) => (
        <DimensionFieldset key={g.id} group={g} disabled={waiting}>
          {g.items.map((it) => (
            <IndicatorRow
              key={it.code}
              item={it}
              inputId={`${id}-v-${it.code}`}
              text={entries.raw[it.code] ?? ""}
              check={checked.fields.get(it.code)!}
              error={fieldError(it.code)}
              previous={previous.get(it.code)}
              confirmed={entries.confirmed.has(it.code)}
              inputRef={(el) => {
                inputs.current.set(it.code, el)
              }}
              onText={(text) => {
                form.setValue(it.code, text)
                submission.clearAt(`values.${it.code}`)
              }}
              onBlur={() => form.touch(it.code)}
              onConfirm={(yes) => form.setConfirmed(it.code, yes)}
            />
          ))}
        </DimensionFieldset>
      ))}

      <p className="error" role="alert" aria-live="assertive">
        {alertText}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={submission.busy}>
          {submission.busy ? t.submitting : correcting ? t.correct : t.submit}
        </button>
        {entries.draftAt ? (
          <button
            type="button"
            onClick={() => {
              form.discard(Object.fromEntries(existing.map((r) => [r.indicator, String(r.value)])))
              setNotice(null)
            }}
          >
            {t.discardDraft}
          </button>
        ) : null}
      </div>

      {submission.stored ? <StoredValues rows={submission.stored.rows} items={formItems} headingId={`${id}-stored`} /> : null}
    </form>
  )
}
