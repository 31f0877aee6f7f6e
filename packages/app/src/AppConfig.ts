import { defaultKindSchemes, type KindSchemeMap } from "@jiju/domain/assessment"
import * as Context from "effect/Context"
import * as Layer from "effect/Layer"

/** What the use cases need to know about their deployment. */
export interface AppConfigShape {
  /** Published assessment results are readable without credentials (JIJU_PUBLIC_RESULTS=1; on in the demo). */
  readonly publicResults: boolean
  /** The clock: submissions for periods that have not begun are refused, and audit times come from it. */
  readonly now: () => Date
  /**
   * The most work an analysis may ask for, in the analyses' cost units (about 3 × 10⁸ a second on one core):
   * answered at once up to `sync`, through the job queue up to `job`; refused above.
   */
  readonly analysisBudget: { readonly sync: number; readonly job: number }
  /** The issuing body (发文机关) the documents of a run name (JIJU_REPORT_ISSUER); null when none is set. */
  readonly reportIssuer: string | null
  /** The scheme each kind of zone is assessed with (JIJU_KIND_SCHEMES "kind=scheme,…"; the built-in mapping by default). */
  readonly kindSchemes: KindSchemeMap
  /** The Chromium that prints a run's documents to PDF (JIJU_CHROMIUM; default /usr/bin/chromium). */
  readonly chromium: string
}

/** The deployment settings the use cases read. */
export class AppConfig extends Context.Service<AppConfig, AppConfigShape>()("@jiju/app/AppConfig") {}

/**
 * Settings with defaults (results not public, the system clock).
 * @example Layer.provide(useCases, appConfigLayer({ publicResults: true }))
 */
export const appConfigLayer = (over: Partial<AppConfigShape> = {}): Layer.Layer<AppConfig> =>
  Layer.succeed(AppConfig, {
    publicResults: false,
    now: () => new Date(),
    analysisBudget: { sync: 1e9, job: 1e11 },
    reportIssuer: null,
    kindSchemes: defaultKindSchemes,
    chromium: "/usr/bin/chromium",
    ...over,
  })
