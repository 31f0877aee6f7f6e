import { useId, useState } from "react"
import { useI18n } from "../i18n/I18n.js"
import { CouplingSection } from "./coupling/CouplingSection.js"
import { PanelSection } from "./models/PanelSection.js"
import { RegressionSection } from "./models/RegressionSection.js"

const VIEWS = ["coupling", "regression", "panel"] as const
type View = (typeof VIEWS)[number]

/**
 * The analyses, each run by the API: coupling coordination of the zones (with maps and Moran's I by unit), spatial
 * regressions of map units (every model, Durbin reductions explained) and panels of map units.
 */
export default function AnalysesPage() {
  const { t } = useI18n()
  const id = useId()
  const [view, setView] = useState<View>("coupling")
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t.analysesTitle}</h1>
      <fieldset className="view-switch">
        <legend className="sr-only">{t.analysisKind}</legend>
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {t.analysisView[v]}
          </button>
        ))}
      </fieldset>
      {/* Every view stays mounted: switching back finds its choices and results as they were. */}
      <div hidden={view !== "coupling"}>
        <CouplingSection />
      </div>
      <div hidden={view !== "regression"}>
        <RegressionSection />
      </div>
      <div hidden={view !== "panel"}>
        <PanelSection />
      </div>
    </section>
  )
}
