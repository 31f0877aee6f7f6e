import { densityOption } from "../charts/densityOption.js"
import { EChart } from "../charts/EChart.js"
import { useI18n } from "../i18n/I18n.js"
import type { DensityCurve } from "./loadDensity.js"

/** The distribution of the variable as kernel density curves, one per period, as the server estimated them. */
export function DensityChart({
  curves,
  variable,
  headingId,
}: {
  readonly curves: ReadonlyArray<DensityCurve>
  readonly variable: string
  readonly headingId: string
}) {
  const { t } = useI18n()
  const named = curves.map((c) => ({ ...c, name: c.period || t.allUnits }))
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.densityTitle(variable)}</h2>
      <EChart
        label={`${t.densityTitle(variable)}: ${named.map((c) => `${c.name} n = ${c.n}, ${t.bandwidth} ${c.bandwidth.toPrecision(3)}`).join("; ")}`}
        option={densityOption(named, { x: variable, y: t.density })}
        height={360}
      />
      <p className="muted">
        <small>{t.densityNote}</small>
      </p>
    </section>
  )
}
