/** The assessment schemes: built into Jiju, stored from a file earlier, or read from a file for one run. */

import {
  type AssessmentScheme,
  builtInSchemes,
  clusterKinds,
  defaultKindSchemes,
  type KindSchemeList,
  type SchemeList,
  type SchemeOrigin,
  unconfirmedDefaults,
} from "@jiju/domain/assessment"
import type { ClusterKind } from "@jiju/domain/model"
import { AssessmentSchemes } from "@jiju/store"
import * as Effect from "effect/Effect"
import { type Caller, requireResultsReader, requireRole } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { NotFound } from "../Failure.js"

/**
 * A scheme named by id (built-in or stored), a definition read from a file for this run, or the scheme configured
 * for a kind of zone (JIJU_KIND_SCHEMES, else the built-in mapping).
 */
export type SchemeRef = { readonly id: string } | { readonly definition: AssessmentScheme } | { readonly ofKind: ClusterKind }

/** A scheme found, and where it came from. */
export interface ResolvedScheme {
  readonly scheme: AssessmentScheme
  readonly from: SchemeOrigin
}

/**
 * The schemes an assessment can be run with (any signed-in role): the built-in ones, then those stored from files.
 * @example const { items } = yield* listSchemes(caller)
 */
export const listSchemes = (caller: Caller) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    const stored = yield* AssessmentSchemes.list()
    return {
      items: [
        ...Object.values(builtInSchemes).map((x) => ({ id: x.id, name: x.name, from: "built_in" as const })),
        ...stored.map((x) => ({ id: x.id, name: x.name, from: "stored" as const })),
      ],
    } satisfies SchemeList
  })

/**
 * The scheme a run names: a built-in one, else one stored earlier, or the file's definition. NotFound
 * "unknown_scheme" naming the schemes there are.
 * @example const { scheme, from } = yield* resolveScheme({ id: "henan-2017" })
 */
export const resolveScheme = (named: SchemeRef) =>
  Effect.gen(function* () {
    if ("definition" in named) return { scheme: named.definition, from: "file" } satisfies ResolvedScheme
    const ref = "ofKind" in named ? { id: (yield* AppConfig).kindSchemes[named.ofKind] } : named
    const builtIn = builtInSchemes[ref.id]
    if (builtIn) return { scheme: builtIn, from: "built_in" } satisfies ResolvedScheme
    const stored = yield* AssessmentSchemes.get(ref.id)
    if (stored) return { scheme: stored.definition, from: "stored" } satisfies ResolvedScheme
    const known = [...Object.keys(builtInSchemes), ...(yield* AssessmentSchemes.list()).map((s) => s.id)]
    return yield* Effect.fail(
      new NotFound({
        code: "unknown_scheme",
        en: `unknown scheme "${ref.id}": not a built-in or stored scheme (${known.join(", ")})`,
        zh: `未知的考核方案“${ref.id}”：既非内置方案，也非已保存的方案（${known.join("、")}）`,
      }),
    )
  })

/**
 * The scheme each kind of zone is assessed with (any results reader: signed-in callers, and anyone when results are
 * public): the commission's configuration, else the built-in mapping, each scheme in full with what of it is still
 * unconfirmed — what the web form and the results page show for a zone of that kind.
 * @example const { items } = yield* kindSchemes(caller)
 */
export const kindSchemes = (caller: Caller) =>
  Effect.gen(function* () {
    const config = yield* AppConfig
    yield* requireResultsReader(caller, config.publicResults)
    const items = yield* Effect.forEach(clusterKinds, (kind) =>
      Effect.map(resolveScheme({ id: config.kindSchemes[kind] }), ({ scheme, from }) => ({
        kind,
        scheme,
        from: from === "file" ? ("stored" as const) : from,
        configured: config.kindSchemes[kind] !== defaultKindSchemes[kind],
        unconfirmedDefaults: unconfirmedDefaults(scheme),
      })),
    )
    return { items } satisfies KindSchemeList
  })
