import { CouplingForm } from "./CouplingForm.js"
import { CouplingMaps } from "./CouplingMaps.js"
import { CouplingTable } from "./CouplingTable.js"
import { useCoupling } from "./useCoupling.js"

/**
 * Coupling coordination of two subsystems across the zones of a period, run by the API as a job with progress,
 * with the results by map unit and per zone.
 */
export function CouplingSection() {
  const coupling = useCoupling()
  return (
    <>
      <CouplingForm onRun={coupling.run} progress={coupling.progress} error={coupling.error} />
      {coupling.result ? (
        <>
          <CouplingMaps result={coupling.result} />
          <CouplingTable result={coupling.result} />
        </>
      ) : null}
    </>
  )
}
