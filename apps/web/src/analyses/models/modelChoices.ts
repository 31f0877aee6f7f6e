import type { PanelRequest } from "@jiju/domain/analyses"

export { PANEL_MODELS, type PanelModel, REGRESS_MODELS, type RegressModel } from "@jiju/domain/analyses"

/** The panel effects the panel operation offers (its request Schema's choice). */
export type PanelEffects = NonNullable<PanelRequest["effects"]>
/** Every panel effects choice. */
export const PANEL_EFFECTS: ReadonlyArray<PanelEffects> = ["individual", "time", "twoways"]
