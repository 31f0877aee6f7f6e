import type { ResultWire, ZoneResultWire } from "../api/wire.js"
import { EChart } from "../charts/EChart.js"
import { dimensionRadarOption, scoreBreakdownOption } from "../charts/options.js"
import { useI18n } from "../i18n/I18n.js"

/** The score breakdown by indicator (points against full points) and the radar of each dimension's share of its points. */
export function ScoreCharts({ zone, result }: { readonly zone: ZoneResultWire; readonly result: ResultWire }) {
  const { t, pick, lang } = useI18n()
  // A dimension's full points: its items' weights times the scheme's total.
  const full = (id: string) => result.weights.filter((w) => w.dimension === id).reduce((a, w) => a + w.weight, 0) * result.total_points
  return (
    <div className="chart-grid">
      <section aria-labelledby="breakdown-title" className="card">
        <h2 id="breakdown-title">{t.scoreBreakdown}</h2>
        <EChart
          label={`${t.scoreBreakdown}: ${zone.contributions.map((x) => `${pick(x)} ${x.points?.toFixed(1) ?? "—"}`).join(", ")}`}
          option={scoreBreakdownOption(zone.contributions, result.total_points, lang, { earned: t.score, full: t.fullPoints })}
          height={340}
        />
      </section>
      <section aria-labelledby="radar-title" className="card">
        <h2 id="radar-title">{t.dimensionRadar}</h2>
        <EChart
          label={t.dimensionRadar}
          option={dimensionRadarOption(
            zone.dimensions.map((d) => ({ zh: d.zh, en: d.en, share: d.points === null ? null : d.points / (full(d.id) || 1) })),
            lang,
            zone.name,
          )}
          height={340}
        />
      </section>
    </div>
  )
}
