import { COORDINATION_LEVELS, coordinationLevel } from "@jiju/domain/econometrics"
import { useId, useMemo, useState } from "react"
import { messageOf } from "../../api/problems.js"
import { useSession } from "../../auth/Session.js"
import { EChart } from "../../charts/EChart.js"
import { hasMap } from "../../charts/henanMap.js"
import { lisaClassOf, lisaPieces } from "../../charts/mapClasses.js"
import { couplingOption, LEVEL_COLOURS, mapOption } from "../../charts/options.js"
import { unitCollection } from "../../data/unitCollection.js"
import { meanByUnit, unitOf } from "../../data/units.js"
import { useI18n } from "../../i18n/I18n.js"
import { useLoad } from "../../ui/useLoad.js"
import { MapLevelSelect } from "../spatial/MapLevelSelect.js"
import { MoranScatter } from "../spatial/MoranScatter.js"
import { unitAutocorrelation } from "../spatial/unitAutocorrelation.js"
import { useMapOf } from "../spatial/useMapOf.js"
import type { CouplingResult } from "./useCoupling.js"

/**
 * The coupling by map unit (the mean D of the zones in each prefecture city, or in each county of a city): a map
 * coloured by coordination level or by LISA cluster, the Moran scatter plot and the chart of D, U1, U2. Moran's I
 * and the LISA come from the analysis operations, with the units' polygons.
 */
export function CouplingMaps({ result }: { readonly result: CouplingResult }) {
  const { t, pick } = useI18n()
  const { api } = useSession()
  const id = useId()
  const [mapCode, setMapCode] = useState("410000")
  const [colourBy, setColourBy] = useState<"coupling" | "lisa">("coupling")
  const province = useMapOf("410000")
  const { data: map, error: mapError } = useMapOf(mapCode)
  const units = useMemo(() => {
    const mean = (k: (r: CouplingResult["rows"][number]) => number) =>
      meanByUnit(result.rows.map((r) => ({ unit: unitOf(result.clusters.get(r.id)?.region ?? "", mapCode), value: k(r) })))
    return { D: mean((r) => r.D), U: [0, 1].map((k) => mean((r) => r.u[k] ?? 0)) }
  }, [result, mapCode])
  const spatial = useLoad(
    async () =>
      map
        ? unitAutocorrelation(
            api,
            unitCollection(
              map,
              [...units.D].map(([unit, D]) => ({ unit, period: "", values: { D } })),
            ),
            "unit",
            "D",
          )
        : null,
    [api, map, units],
  )
  const unitName = (code: string) => map?.names.get(code) ?? code
  const mapData =
    colourBy === "coupling"
      ? [...units.D].map(([code, d]) => {
          const lv = coordinationLevel(d)
          return { code, value: lv.grade, label: `D = ${d.toFixed(3)} · ${pick(lv)}` }
        })
      : (spatial.data?.lisa.rows ?? []).map((r) => ({
          code: r.id,
          value: lisaClassOf(r),
          label: `${r.quadrant ?? "—"}${r.p_permutation !== null ? ` (p = ${r.p_permutation.toFixed(3)})` : ""}`,
        }))
  const pieces =
    colourBy === "coupling"
      ? { kind: "pieces" as const, pieces: COORDINATION_LEVELS.map((l) => ({ value: l.grade, label: pick(l), color: LEVEL_COLOURS[l.grade - 1]! })) }
      : { kind: "pieces" as const, pieces: lisaPieces(t) }
  return (
    <>
      <div className="form-head">
        <MapLevelSelect id={`${id}-m`} value={mapCode} onChange={setMapCode} province={province.data} />
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
          {mapError ? <p role="alert">{t.loadFailed(messageOf(mapError))}</p> : null}
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
        {spatial.data ? (
          <MoranScatter moran={spatial.data.moran} rows={spatial.data.lisa.rows} nameOf={unitName} variable="D" headingId={`${id}-moran`} />
        ) : (
          <section className="card" aria-labelledby={`${id}-moran`}>
            <h2 id={`${id}-moran`}>{t.moranScatter}</h2>
            {spatial.loading ? <p aria-busy="true">{t.loading}</p> : <p>{spatial.error ? messageOf(spatial.error) : t.moranTooFew}</p>}
          </section>
        )}
      </div>
      <section className="card" aria-labelledby={`${id}-cc`}>
        <h2 id={`${id}-cc`}>
          {t.couplingChart} — {mapCode === "410000" ? t.ofCities : t.mapCounties(unitName(mapCode))}
        </h2>
        <EChart
          label={t.couplingChart}
          option={couplingOption(
            [...units.D].map(([code, d]) => ({ name: unitName(code), D: d, grade: coordinationLevel(d).grade, U: units.U.map((u) => u.get(code) ?? 0) })),
            { D: "D", U: [`U1 ${t.subsystemAName}`, `U2 ${t.subsystemBName}`] },
          )}
          height={380}
        />
      </section>
    </>
  )
}
