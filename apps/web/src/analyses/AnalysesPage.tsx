import { COORDINATION_LEVELS } from "@jiju/domain/econometrics"
import type { Geometry } from "@jiju/domain/io"
import { findIndicator, previousPeriod } from "@jiju/domain/model"
import { type FormEvent, useEffect, useId, useMemo, useState } from "react"
import { messageOf } from "../api/client.js"
import type { ClusterRow, JobState, ObservationRow } from "../api/types.js"
import { useSession } from "../auth/Session.js"
import { EChart } from "../charts/EChart.js"
import { hasMap, type LoadedMap, loadMap } from "../charts/henanMap.js"
import { couplingOption, LEVEL_COLOURS, mapOption, moranScatterOption, QUADRANT_COLOURS } from "../charts/options.js"
import { readNumber } from "../form/validate.js"
import { useI18n } from "../i18n/I18n.js"
import { listAllClusters } from "../results/loadAssessment.js"
import { PeriodPicker } from "../ui/PeriodPicker.js"
import { gradeOf, meanByUnit, spatialSummary, unitOf } from "./units.js"

/** Indicators offered for the two subsystems. */
const CHOICES = [
  "revenue",
  "industrial_value_added",
  "fixed_investment",
  "tax_total",
  "employment",
  "firms",
  "large_firms",
  "investment_intensity",
  "high_tech_firms",
  "patents_granted",
  "leading_industry_share",
  "local_supply_ratio",
  "energy_per_value_added",
  "sewage_treatment_rate",
]
const DEFAULT_A = ["revenue", "fixed_investment", "tax_total"]
const DEFAULT_B = ["patents_granted", "high_tech_firms", "sewage_treatment_rate", "energy_per_value_added"]

/** One row of the coupling document (POST /v1/analyses/coupling). */
interface CouplingRowOut {
  readonly id: string
  readonly U: ReadonlyArray<number>
  readonly C: number
  readonly T: number
  readonly D: number
  readonly level: { readonly zh: string; readonly en: string; readonly grade: number }
  readonly lagging: string
}

/** A row as the API sends it: U by subsystem name. */
type CouplingRowIn = Omit<CouplingRowOut, "U"> & { readonly U: Readonly<Record<string, number>> }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Coupling coordination of two subsystems across the zones of a period, run by the API (as a job with progress
 * when it answers 202), with a chart by unit, a map of Henan coloured by coordination level or LISA quadrant, and
 * a Moran scatter plot.
 */
export default function AnalysesPage() {
  const { t, pick, lang } = useI18n()
  const { api } = useSession()
  const id = useId()
  const [period, setPeriod] = useState(previousPeriod(String(new Date().getFullYear())))
  const [a, setA] = useState<string[]>(DEFAULT_A)
  const [b, setB] = useState<string[]>(DEFAULT_B)
  const [weighting, setWeighting] = useState<"entropy" | "equal">("entropy")
  const [normalise, setNormalise] = useState<"minmax" | "shifted">("minmax")
  // α: each subsystem's share in T = α1·U1 + α2·U2 (equal by default, as the domain's default).
  const [alpha, setAlpha] = useState<[string, string]>(["0.5", "0.5"])
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<{ rows: CouplingRowOut[]; clusters: Map<string, ClusterRow> } | null>(null)
  const [mapCode, setMapCode] = useState("410000")
  const [colourBy, setColourBy] = useState<"coupling" | "lisa">("coupling")
  const [map, setMap] = useState<LoadedMap | null>(null)

  useEffect(() => {
    let live = true
    loadMap(mapCode)
      .then((m) => live && setMap(m))
      .catch((e) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [mapCode])

  const run = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    if (a.length === 0 || b.length === 0) {
      setError(t.needTwo)
      return
    }
    const alphas = alpha.map(readNumber)
    if (alphas.some((x) => x === null || x === undefined || x < 0) || (alphas[0] ?? 0) + (alphas[1] ?? 0) <= 0) {
      setError(t.errAlpha)
      return
    }
    setProgress(0)
    setResult(null)
    try {
      const codes = [...a, ...b]
      const [clusters, obs] = await Promise.all([
        listAllClusters(api, "&kind=industrial"),
        api.get<{ items: ObservationRow[] }>(`/v1/observations?period=${encodeURIComponent(period)}&indicators=${codes.join(",")}`),
      ])
      const byCluster = new Map<string, Record<string, number | string>>()
      for (const o of obs.items) {
        if (o.target.kind !== "cluster") continue
        const row = byCluster.get(o.target.id) ?? { id: o.target.id }
        row[o.indicator] = o.value
        byCluster.set(o.target.id, row)
      }
      const data = [...byCluster.values()].filter((r) => codes.every((c) => typeof r[c] === "number"))
      if (data.length < 2) throw new Error(t.noData)
      const sign = (c: string) => (findIndicator(c)?.direction === "negative" ? `-${c}` : c)
      const body = {
        data,
        id: "id",
        subsystems: [
          { name: t.subsystemAName, indicators: a.map(sign) },
          { name: t.subsystemBName, indicators: b.map(sign) },
        ],
        weighting,
        normalise,
        // The domain wants α summing to 1: the typed values count as proportions.
        alpha: (alphas as number[]).map((x) => x / ((alphas[0] ?? 0) + (alphas[1] ?? 0))),
      }
      const res = await api.send<{ rows?: CouplingRowIn[]; location?: string; id?: string }>("POST", "/v1/analyses/coupling", body, { prefer: "respond-async" })
      let doc = res.body
      if (res.status === 202) {
        const where = res.headers.get("location") ?? res.body.location ?? `/v1/jobs/${res.body.id}`
        for (;;) {
          const job = await api.get<JobState>(where)
          setProgress(Math.round((job.progress ?? 0) * 100))
          if (job.status === "succeeded") {
            doc = job.result as typeof doc
            break
          }
          if (job.status === "failed") throw new Error(job.error?.detail ?? job.error?.title ?? "failed")
          await sleep(400)
        }
      }
      setProgress(100)
      // U comes keyed by subsystem name; keep it in subsystem order.
      const names = body.subsystems.map((x) => x.name)
      const rows = (doc.rows ?? []).map((r) => ({ ...r, U: names.map((n) => r.U[n] ?? 0) }))
      setResult({ rows, clusters: new Map(clusters.map((c) => [c.id, c])) })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setProgress(null)
    }
  }

  // Units of the current map: mean D per city (or county), their levels, LISA and the scatter.
  const view = useMemo(() => {
    if (!result || !map) return null
    const units = (k: (r: CouplingRowOut) => number) =>
      meanByUnit(result.rows.map((r) => ({ unit: unitOf(result.clusters.get(r.id)?.region ?? "", mapCode), value: k(r) })))
    const D = units((r) => r.D)
    const U = result.rows[0]?.U.map((_, k) => units((r) => r.U[k] ?? 0)) ?? []
    const polygons = new Map(map.features.map((f) => [f.properties.name, f.geometry as unknown as Geometry]))
    let spatial = null
    try {
      spatial = spatialSummary(D, polygons)
    } catch {
      spatial = null
    }
    return { D, U, spatial }
  }, [result, map, mapCode])

  const toggle = (list: string[], set: (v: string[]) => void, code: string) => set(list.includes(code) ? list.filter((x) => x !== code) : [...list, code])
  const picker = (legend: string, list: string[], set: (v: string[]) => void) => (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checks">
        {CHOICES.map((c) => {
          const d = findIndicator(c)
          return (
            <label key={c}>
              <input type="checkbox" checked={list.includes(c)} onChange={() => toggle(list, set, c)} /> {d ? pick(d) : c}
            </label>
          )
        })}
      </div>
    </fieldset>
  )

  const unitName = (code: string) => map?.names.get(code) ?? code
  const mapData = view
    ? colourBy === "coupling"
      ? [...view.D].map(([code, d]) => {
          const lv = gradeOf(d)
          return { code, value: lv.grade, label: `D = ${d.toFixed(3)} · ${pick(lv)}` }
        })
      : (view.spatial?.points ?? []).map((p) => ({
          code: p.code,
          value: ["HH", "LL", "HL", "LH"].indexOf(p.quadrant ?? "") + 1,
          label: `${p.quadrant ?? "—"}${p.p !== null ? ` (p = ${p.p.toFixed(3)})` : ""}`,
        }))
    : []
  const pieces =
    colourBy === "coupling"
      ? COORDINATION_LEVELS.map((l) => ({ value: l.grade, label: pick(l), color: LEVEL_COLOURS[l.grade - 1]! }))
      : ["HH", "LL", "HL", "LH"]
          .map((q, k) => ({ value: k + 1, label: q, color: QUADRANT_COLOURS[q]! }))
          .concat([{ value: 0, label: "—", color: QUADRANT_COLOURS.none! }])

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t.analysesTitle}</h1>
      <form onSubmit={run} className="card" noValidate>
        <PeriodPicker value={period} onChange={setPeriod} />
        {picker(`${t.subsystemA}: ${t.subsystemAName}`, a, setA)}
        {picker(`${t.subsystemB}: ${t.subsystemBName}`, b, setB)}
        <div className="form-head">
          <div className="field">
            <label htmlFor={`${id}-w`}>{t.weighting}</label>
            <select id={`${id}-w`} value={weighting} onChange={(e) => setWeighting(e.target.value as "entropy" | "equal")}>
              <option value="entropy">{t.entropy}</option>
              <option value="equal">{t.equal}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-n`}>{t.normalise}</label>
            <select id={`${id}-n`} value={normalise} onChange={(e) => setNormalise(e.target.value as "minmax" | "shifted")}>
              <option value="minmax">{t.minmax}</option>
              <option value="shifted">{t.shifted}</option>
            </select>
          </div>
        </div>
        <fieldset>
          <legend>{t.alphaLegend}</legend>
          <div className="form-head">
            {([0, 1] as const).map((k) => (
              <div className="field" key={k}>
                <label htmlFor={`${id}-alpha${k}`}>{`α${k + 1} ${k === 0 ? t.subsystemAName : t.subsystemBName}`}</label>
                <input
                  id={`${id}-alpha${k}`}
                  inputMode="decimal"
                  size={6}
                  value={alpha[k]}
                  onChange={(e) => setAlpha((old) => (k === 0 ? [e.target.value, old[1]] : [old[0], e.target.value]))}
                />
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="primary" disabled={progress !== null}>
          {t.run}
        </button>
        <div role="status" aria-live="polite">
          {progress !== null ? (
            <>
              <label htmlFor={`${id}-p`}>{t.running(progress)}</label> <progress id={`${id}-p`} max={100} value={progress} />
            </>
          ) : null}
        </div>
        <p className="error" role="alert" aria-live="assertive">
          {error}
        </p>
      </form>

      {result && view ? (
        <>
          <div className="form-head">
            <div className="field">
              <label htmlFor={`${id}-m`}>{t.mapLevel}</label>
              <select id={`${id}-m`} value={mapCode} onChange={(e) => setMapCode(e.target.value)}>
                <option value="410000">{t.mapCities}</option>
                {map && mapCode === "410000" ? (
                  map.codes.filter(hasMap).map((c) => (
                    <option key={c} value={c}>
                      {t.mapCounties(unitName(c))}
                    </option>
                  ))
                ) : mapCode !== "410000" ? (
                  <option value={mapCode}>{t.mapCounties(mapCode)}</option>
                ) : null}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-c`}>{t.mapColourBy}</label>
              <select id={`${id}-c`} value={colourBy} onChange={(e) => setColourBy(e.target.value as "coupling" | "lisa")}>
                <option value="coupling">{t.mapCoupling}</option>
                <option value="lisa">{t.mapLisa}</option>
              </select>
            </div>
          </div>
          <div className="chart-grid">
            <section className="card" aria-labelledby={`${id}-map`}>
              <h2 id={`${id}-map`}>
                {t.mapTitle} · {colourBy === "coupling" ? t.mapCoupling : t.mapLisa}
              </h2>
              {map ? (
                <EChart
                  label={`${t.mapTitle}: ${mapData.map((d) => `${unitName(d.code)} ${d.label}`).join("; ")}`}
                  option={mapOption(map.mapName, map.names, mapData, pieces)}
                  height={460}
                  onItemClick={(code) => mapCode === "410000" && hasMap(code) && setMapCode(code)}
                />
              ) : (
                <p aria-busy="true">{t.loading}</p>
              )}
              <p className="muted">
                <small>{t.mapNote}</small>
              </p>
            </section>
            <section className="card" aria-labelledby={`${id}-moran`}>
              <h2 id={`${id}-moran`}>{t.moranScatter}</h2>
              {view.spatial ? (
                <>
                  <p>{t.moranI(view.spatial.I.toFixed(3), view.spatial.p.toFixed(3))}</p>
                  <EChart
                    label={`${t.moranScatter}. ${t.moranI(view.spatial.I.toFixed(3), view.spatial.p.toFixed(3))}`}
                    option={moranScatterOption(
                      view.spatial.points.map((p) => ({ ...p, name: unitName(p.code) })),
                      view.spatial.I,
                      { x: "z(D)", y: "W·z(D)" },
                    )}
                    height={400}
                  />
                </>
              ) : (
                <p>{t.moranTooFew}</p>
              )}
            </section>
          </div>
          <section className="card" aria-labelledby={`${id}-cc`}>
            <h2 id={`${id}-cc`}>
              {t.couplingChart} — {mapCode === "410000" ? t.ofCities : t.mapCounties(unitName(mapCode))}
            </h2>
            <EChart
              label={t.couplingChart}
              option={couplingOption(
                [...view.D].map(([code, d]) => ({ name: unitName(code), D: d, grade: gradeOf(d).grade, U: view.U.map((u) => u.get(code) ?? 0) })),
                { D: "D", U: [`U1 ${t.subsystemAName}`, `U2 ${t.subsystemBName}`] },
              )}
              height={380}
            />
          </section>
          <details className="card">
            <summary>
              {t.couplingTable} ({result.rows.length})
            </summary>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.colName}</th>
                    <th scope="col" className="num">
                      U1
                    </th>
                    <th scope="col" className="num">
                      U2
                    </th>
                    <th scope="col" className="num">
                      C
                    </th>
                    <th scope="col" className="num">
                      D
                    </th>
                    <th scope="col">{t.level}</th>
                    <th scope="col">{t.lagging}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...result.rows]
                    .sort((x, y) => y.D - x.D)
                    .map((r) => {
                      const c = result.clusters.get(r.id)
                      return (
                        <tr key={r.id}>
                          <th scope="row">{c ? (lang === "en" && c.nameEn ? c.nameEn : c.name) : r.id}</th>
                          <td className="num">{r.U[0]?.toFixed(3)}</td>
                          <td className="num">{r.U[1]?.toFixed(3)}</td>
                          <td className="num">{r.C.toFixed(3)}</td>
                          <td className="num">{r.D.toFixed(3)}</td>
                          <td>{pick(r.level)}</td>
                          <td>{r.lagging}</td>
                        </tr>
                      )
                    })}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : null}
    </section>
  )
}
