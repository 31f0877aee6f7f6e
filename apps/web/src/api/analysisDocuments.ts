/**
 * The documents the analysis operations answer. The contract leaves them open (an analysis document is the
 * `jiju <name> --json` output); their shapes are the domain builders' own, named here by type only.
 */
import type { couplingReport, densityReport, gwrReport, hotspotsReport, lisaReport, moranReport } from "@jiju/domain/analyses"

export type MoranDocument = ReturnType<typeof moranReport>
export type LisaDocument = ReturnType<typeof lisaReport>
export type LisaRow = LisaDocument["rows"][number]
export type HotspotsDocument = ReturnType<typeof hotspotsReport>
export type HotspotClass = HotspotsDocument["rows"][number]["class"]
export type GwrDocument = ReturnType<typeof gwrReport>
export type CouplingDocument = ReturnType<typeof couplingReport>
export type CouplingRow = CouplingDocument["rows"][number]
/** The kernel densities of one value per period (`jiju density --period-col`). */
export type DensityByPeriod = Extract<ReturnType<typeof densityReport>, { periods: unknown }>
/** The kernel density of one value over every row (`jiju density` without periods). */
export type DensityOfAll = Exclude<ReturnType<typeof densityReport>, { periods: unknown }>
/** The regression and panel documents are open records: {@link readDocument} reads them. */
export type OpenDocument = Readonly<Record<string, unknown>>

/**
 * An analysis answer as the document its builder makes (the server runs the same builder).
 * @example const lisa = documentOf<LisaDocument>(await api.analyseLisa({ body }))
 */
export const documentOf = <D>(answer: { readonly data: unknown }): D => answer.data as D
