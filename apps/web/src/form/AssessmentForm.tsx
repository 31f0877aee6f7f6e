import { henan2017Scheme } from "@jiju/domain/assessment"
import { previousPeriod } from "@jiju/domain/model"
import { type ChangeEvent, type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react"
import { ApiError, messageOf } from "../api/client.js"
import type { ClusterRow, ObservationRow, Page, SubmissionReceipt } from "../api/types.js"
import { useSession } from "../auth/Session.js"
import type { Dictionary } from "../i18n/dictionary.js"
import { useI18n } from "../i18n/I18n.js"
import { discardDraft, loadDraft, saveDraft } from "./drafts.js"
import { byDimension, schemeIndicators } from "./schemeIndicators.js"
import { checkForm, type FieldIssue, validPeriod } from "./validate.js"

const scheme = henan2017Scheme
const items = schemeIndicators(scheme)
const groups = byDimension(items)

const issueText = (t: Dictionary, i: FieldIssue): string => {
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

const order = (code: string) => {
  const k = items.findIndex((i) => i.code === code)
  return k === -1 ? items.length : k
}
const fmt = (x: number) => (Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(3) : String(Number(x.toPrecision(6))))
const changeText = (v: number | null, prev: number | undefined) => {
  if (v === null || prev === undefined || prev === 0) return "—"
  const pct = ((v - prev) / Math.abs(prev)) * 100
  return `${pct > 0 ? "+" : ""}${pct.toFixed(1)}%`
}

/** The clusters a user may submit for: a submitter its own, an admin every zone. */
const useWritableClusters = () => {
  const { api, me } = useSession()
  const [clusters, setClusters] = useState<ReadonlyArray<ClusterRow> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!me) return
    let live = true
    const load =
      me.role === "submitter"
        ? Promise.all(me.clusterIds.map((id) => api.get<ClusterRow>(`/v1/clusters/${encodeURIComponent(id)}`)))
        : api.get<Page<ClusterRow>>("/v1/clusters?limit=500").then((p) => p.items)
    load.then((c) => live && setClusters(c)).catch((e) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [api, me])
  return { clusters, error }
}

/**
 * The assessment form of a zone's management committee: pick a zone and a period, fill the scheme's indicators
 * (grouped by dimension, with unit, last period's value, the change and help), validated as you type and on
 * submit; drafts kept in localStorage; the submission is atomic and the stored values are shown back.
 */
export function AssessmentForm({ initialCluster, initialPeriod }: { readonly initialCluster?: string; readonly initialPeriod?: string }) {
  const { t, lang, pick } = useI18n()
  const { api } = useSession()
  const id = useId()
  const { clusters, error: clustersError } = useWritableClusters()
  const [clusterId, setClusterId] = useState(initialCluster ?? "")
  const [period, setPeriod] = useState(initialPeriod ?? String(new Date().getFullYear() - 1))
  const [raw, setRaw] = useState<Record<string, string>>({})
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set())
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [attempted, setAttempted] = useState(false)
  const [previous, setPrevious] = useState<Map<string, number>>(new Map())
  const [existing, setExisting] = useState<ReadonlyArray<ObservationRow>>([])
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<string | null>(null)
  const [alert, setAlert] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [stored, setStored] = useState<{ receipt: SubmissionReceipt; rows: ReadonlyArray<ObservationRow> } | null>(null)
  const [draftAt, setDraftAt] = useState<string | null>(null)
  const inputs = useRef(new Map<string, HTMLInputElement | null>())
  const fileRef = useRef<HTMLInputElement | null>(null)

  // The first writable cluster is chosen by default.
  useEffect(() => {
    if (!clusterId && clusters && clusters.length > 0) setClusterId(clusters[0]!.id)
  }, [clusters, clusterId])

  const periodOk = validPeriod(period)

  // Last period's values and anything already stored for this period; then the local draft, if any.
  useEffect(() => {
    if (!clusterId || !periodOk) return
    let live = true
    const prev = previousPeriod(period)
    setStored(null)
    setServerErrors({})
    api
      .get<{ items: ObservationRow[] }>(`/v1/clusters/${encodeURIComponent(clusterId)}/observations?from=${prev}&to=${period}`)
      .then(({ items: rows }) => {
        if (!live) return
        setPrevious(new Map(rows.filter((r) => r.period === prev).map((r) => [r.indicator, r.value])))
        const now = rows.filter((r) => r.period === period)
        setExisting(now)
        const draft = loadDraft(clusterId, period)
        if (draft) {
          setRaw({ ...draft.raw })
          setConfirmed(new Set(draft.confirmed))
          setDraftAt(draft.savedAt)
          setNotice(t.draftRestored)
        } else {
          setRaw(Object.fromEntries(now.map((r) => [r.indicator, String(r.value)])))
          setConfirmed(new Set())
          setDraftAt(null)
          setNotice(now.length > 0 ? t.alreadySubmitted : null)
        }
        setTouched(new Set())
        setAttempted(false)
      })
      .catch((e) => live && setAlert(messageOf(e)))
    return () => {
      live = false
    }
    // t changes with the language only; reloading then is harmless but unnecessary
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, clusterId, period, periodOk])

  const checked = useMemo(() => checkForm(items, raw, previous, confirmed, attempted), [raw, previous, confirmed, attempted])

  const persist = (nextRaw: Record<string, string>, nextConfirmed: Set<string>) => {
    if (!clusterId || !periodOk) return
    setDraftAt(saveDraft(clusterId, period, { raw: nextRaw, confirmed: [...nextConfirmed] }).savedAt)
  }
  const onValue = (code: string) => (e: ChangeEvent<HTMLInputElement>) => {
    const next = { ...raw, [code]: e.target.value }
    const nextConfirmed = new Set(confirmed)
    nextConfirmed.delete(code) // a changed value must be confirmed again
    setRaw(next)
    setConfirmed(nextConfirmed)
    setTouched((s) => new Set(s).add(code))
    setServerErrors(({ [`values.${code}`]: _gone, ...rest }) => rest)
    persist(next, nextConfirmed)
  }
  const onConfirm = (code: string) => (e: ChangeEvent<HTMLInputElement>) => {
    const next = new Set(confirmed)
    if (e.target.checked) next.add(code)
    else next.delete(code)
    setConfirmed(next)
    persist(raw, next)
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setAttempted(true)
    setAlert(null)
    const final = checkForm(items, raw, previous, confirmed, true)
    const problems = final.invalid.length + (clusterId ? 0 : 1) + (periodOk ? 0 : 1)
    if (problems > 0) {
      setAlert(t.errorsSummary(problems))
      const first = final.invalid[0]
      if (first) inputs.current.get(first)?.focus()
      return
    }
    setBusy(true)
    try {
      const body = { period, values: final.values, source: "web form" }
      const path = `/v1/clusters/${encodeURIComponent(clusterId)}/observations`
      const res =
        existing.length > 0
          ? await api.send<SubmissionReceipt>("PUT", `${path}/${encodeURIComponent(period)}`, body)
          : await api.send<SubmissionReceipt>("POST", path, body)
      const { items: rows } = await api.get<{ items: ObservationRow[] }>(`${path}?period=${encodeURIComponent(period)}`)
      discardDraft(clusterId, period)
      setDraftAt(null)
      setExisting(rows)
      setStored({ receipt: res.body, rows })
      setNotice(t.stored(res.body.written, new Date(res.body.submittedAt).toLocaleString(lang === "zh" ? "zh-CN" : "en")))
    } catch (err) {
      if (err instanceof ApiError) {
        setServerErrors(Object.fromEntries(err.errors.map((f) => [f.field, f.message])))
        if (err.code === "duplicate_submission") {
          setExisting([{ target: { kind: "cluster", id: clusterId }, period, indicator: "", value: 0 }])
          setAlert(`${err.detail} — ${t.alreadySubmitted}`)
        } else setAlert(err.detail)
      } else setAlert(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const downloadTemplate = async () => {
    const { templateWorkbook } = await import("./xlsxTemplate.js")
    const bytes = templateWorkbook(items, previous, raw)
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }))
    const a = document.createElement("a")
    a.href = url
    a.download = `jiju-${clusterId || "template"}-${period}.xlsx`
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ""
    if (!file) return
    try {
      const { readTemplate } = await import("./xlsxTemplate.js")
      const got = readTemplate(new Uint8Array(await file.arrayBuffer()), items)
      const next = { ...raw, ...got.raw }
      setRaw(next)
      setTouched(new Set([...touched, ...Object.keys(got.raw)]))
      persist(next, confirmed)
      setNotice([t.imported(Object.keys(got.raw).length), got.unknown.length ? t.importUnknown(got.unknown.join(", ")) : ""].filter(Boolean).join("；"))
    } catch (err) {
      const zh = (err as { zh?: string }).zh
      setAlert(t.importFailed(lang === "zh" && zh ? zh : messageOf(err)))
    }
  }

  if (clustersError) return <p role="alert">{t.loadFailed(clustersError)}</p>
  if (clusters === null) return <p aria-busy="true">{t.loading}</p>
  if (clusters.length === 0) return <p role="status">{t.noClusters}</p>

  const fieldError = (code: string): string | null => {
    const c = checked.fields.get(code)
    const server = serverErrors[`values.${code}`]
    if (server) return server
    if (!c?.issue) return null
    return attempted || touched.has(code) || c.issue.kind !== "required" ? issueText(t, c.issue) : null
  }

  return (
    <form className="assessment-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t.formTitle}</h1>
      <p className="muted">
        {t.scheme}: {pick(scheme.name)}
      </p>
      <div className="form-head">
        <div className="field">
          <label htmlFor={`${id}-cluster`}>{t.cluster}</label>
          <select id={`${id}-cluster`} value={clusterId} onChange={(e) => setClusterId(e.target.value)} aria-invalid={!clusterId}>
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {lang === "en" && c.nameEn ? c.nameEn : c.name} ({c.id}){c.isDemo ? ` · ${t.demoData}` : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t.period}</label>
          <input
            id={`${id}-period`}
            value={period}
            onChange={(e) => setPeriod(e.target.value.trim())}
            aria-invalid={!periodOk}
            aria-describedby={`${id}-period-help ${id}-period-error`}
            inputMode="text"
            autoComplete="off"
          />
          <small id={`${id}-period-help`}>{t.periodHelp}</small>
          <span id={`${id}-period-error`} className="error">
            {!periodOk ? t.errPeriod : (serverErrors.period ?? "")}
          </span>
        </div>
        <div className="actions">
          <button type="button" onClick={downloadTemplate}>
            {t.downloadTemplate}
          </button>
          <button type="button" onClick={() => fileRef.current?.click()}>
            {t.importXlsx}
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            onChange={importFile}
            aria-label={t.importXlsx}
          />
        </div>
      </div>

      <div role="status" aria-live="polite" className="notice">
        {notice}
        {draftAt ? <span className="muted"> {t.draftSaved(new Date(draftAt).toLocaleTimeString(lang === "zh" ? "zh-CN" : "en"))}</span> : null}
      </div>

      {groups.map((g) => (
        <fieldset key={g.id} className="dimension">
          <legend>
            {pick(g)}
            {g.id === "veto" ? <small> — {t.vetoHelp}</small> : null}
          </legend>
          <div className="indicator-head" aria-hidden="true">
            <span>{t.indicator}</span>
            <span>{t.value}</span>
            <span>{t.unit}</span>
            <span>{t.previous}</span>
            <span>{t.change}</span>
          </div>
          {g.items.map((it) => {
            const c = checked.fields.get(it.code)!
            const err = fieldError(it.code)
            const prev = previous.get(it.code)
            const inputId = `${id}-v-${it.code}`
            const unit = lang === "zh" ? it.def.unit : it.def.unitEn
            return (
              <div key={it.code} className={`indicator-row${err ? " has-error" : ""}${c.unusual !== null ? " unusual" : ""}`}>
                <label htmlFor={inputId} className="indicator-name">
                  {pick(it.def)}
                  {it.required ? (
                    <span className="req" aria-hidden="true">
                      {" "}
                      *
                    </span>
                  ) : (
                    <small className="muted"> ({t.optionalItem})</small>
                  )}
                </label>
                <input
                  id={inputId}
                  ref={(el) => {
                    inputs.current.set(it.code, el)
                  }}
                  name={it.code}
                  inputMode="decimal"
                  autoComplete="off"
                  value={raw[it.code] ?? ""}
                  onChange={onValue(it.code)}
                  onBlur={() => setTouched((s) => new Set(s).add(it.code))}
                  aria-required={it.required}
                  aria-invalid={err !== null}
                  aria-describedby={`${inputId}-help ${inputId}-err`}
                />
                <span className="unit">{unit || "—"}</span>
                <span className="prev">
                  <span className="only-narrow">{t.previous}: </span>
                  {prev === undefined ? <span className="muted">{t.noPrevious}</span> : fmt(prev)}
                </span>
                <span className="change">
                  <span className="only-narrow">{t.change}: </span>
                  {changeText(c.value, prev)}
                </span>
                <small id={`${inputId}-help`} className="help">
                  {it.def.direction === "positive" ? t.positive : t.negative}
                  {it.points !== null ? ` · ${t.points(it.points)}` : ""}
                  {it.def.description ? ` · ${it.def.description}` : ""}
                </small>
                <span id={`${inputId}-err`} className="error" aria-live="polite">
                  {err}
                </span>
                {c.unusual !== null ? (
                  <div className="confirm">
                    <p className="warn">{t.bigChange(c.unusual >= 1 ? c.unusual.toFixed(1) : c.unusual.toFixed(3))}</p>
                    <label>
                      <input type="checkbox" checked={confirmed.has(it.code)} onChange={onConfirm(it.code)} /> {t.confirmValue}
                    </label>
                  </div>
                ) : null}
              </div>
            )
          })}
        </fieldset>
      ))}

      <p className="error" role="alert" aria-live="assertive">
        {alert}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.submitting : existing.length > 0 ? t.correct : t.submit}
        </button>
        {draftAt ? (
          <button
            type="button"
            onClick={() => {
              discardDraft(clusterId, period)
              setDraftAt(null)
              setRaw(Object.fromEntries(existing.filter((r) => r.indicator).map((r) => [r.indicator, String(r.value)])))
              setConfirmed(new Set())
              setNotice(null)
            }}
          >
            {t.discardDraft}
          </button>
        ) : null}
      </div>

      {stored ? (
        <section aria-labelledby={`${id}-stored`} className="card">
          <h2 id={`${id}-stored`}>{t.storedTitle}</h2>
          <table className="stored">
            <thead>
              <tr>
                <th scope="col">{t.indicator}</th>
                <th scope="col">{t.value}</th>
                <th scope="col">{t.unit}</th>
                <th scope="col">{t.submittedBy}</th>
              </tr>
            </thead>
            <tbody>
              {[...stored.rows]
                .sort((x, y) => order(x.indicator) - order(y.indicator))
                .map((r) => {
                  const it = items.find((i) => i.code === r.indicator)
                  return (
                    <tr key={r.indicator} data-code={r.indicator}>
                      <th scope="row">{it ? pick(it.def) : r.indicator}</th>
                      <td className="num">{fmt(r.value)}</td>
                      <td>{it ? (lang === "zh" ? it.def.unit : it.def.unitEn) : ""}</td>
                      <td>{r.submitter ?? ""}</td>
                    </tr>
                  )
                })}
            </tbody>
          </table>
        </section>
      ) : null}
    </form>
  )
}
