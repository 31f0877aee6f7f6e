import type { LisaRow, MoranDocument } from "../../api/analysisDocuments.js"
import { EChart } from "../../charts/EChart.js"
import { moranScatterOption } from "../../charts/options.js"
import { useI18n } from "../../i18n/I18n.js"

/**
 * The Moran scatter plot from the server's LISA rows (each unit's standardised value and its spatial lag) with the
 * global I as the slope, and the I with its p-value in words.
 */
export function MoranScatter({
  moran,
  rows,
  nameOf,
  variable,
  headingId,
}: {
  readonly moran: MoranDocument
  readonly rows: ReadonlyArray<LisaRow>
  readonly nameOf: (id: string) => string
  readonly variable: string
  readonly headingId: string
}) {
  const { t } = useI18n()
  const said = t.moranI(moran.I.toFixed(3), moran.p_randomization.toFixed(3))
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.moranScatter}</h2>
      <p>{said}</p>
      <EChart
        label={`${t.moranScatter}. ${said}`}
        option={moranScatterOption(
          rows.map((r) => ({ name: nameOf(r.id), z: r.std_value, lag: r.std_lag, quadrant: r.quadrant })),
          moran.I,
          { x: `z(${variable})`, y: `W·z(${variable})` },
        )}
        height={400}
      />
    </section>
  )
}
