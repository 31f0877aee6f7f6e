/** The assessment schemes: built into Jiju, stored from a file earlier, or read from a file for one run. */

import { type AssessmentScheme, builtInSchemes, type SchemeList, type SchemeOrigin } from "@jiju/domain/assessment"
import { AssessmentSchemes } from "@jiju/store"
import * as Effect from "effect/Effect"
import { type Caller, requireRole } from "../Actor.js"
import { NotFound } from "../Failure.js"

/** A scheme named by id (built-in or stored), or a definition read from a file for this run. */
export type SchemeRef = { readonly id: string } | { readonly definition: AssessmentScheme }

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
export const resolveScheme = (ref: SchemeRef) =>
  Effect.gen(function* () {
    if ("definition" in ref) return { scheme: ref.definition, from: "file" } satisfies ResolvedScheme
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
