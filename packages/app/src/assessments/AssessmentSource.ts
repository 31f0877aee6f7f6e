/** Where an assessment or a judgement reads its register and observations: the store, or files given to a command. */

import { type AssessmentData, assessmentDataFromTable, type PeriodRange, registerFromTable } from "@jiju/domain/assessment"
import { readTable } from "@jiju/domain/io"
import { Clusters, loadAssessmentData as loadFromStore, use } from "@jiju/store"
import * as Effect from "effect/Effect"
import { attempt } from "../Attempt.js"

/** A file given to a command: its name (for the format and for messages) and its bytes. */
export interface NamedFile {
  readonly name: string
  readonly bytes: Uint8Array
}

/**
 * The data a use case judges: the store's register and observations (the default), or a long-format data file
 * about the zones of a clusters file or, without one, of the store's register.
 */
export type AssessmentSource = { readonly kind: "store" } | { readonly kind: "file"; readonly data: NamedFile; readonly clusters?: NamedFile | undefined }

/** The store's register and observations. */
export const storeSource: AssessmentSource = { kind: "store" }

/**
 * Whether a source reads the store at all (a data file with a clusters file does not).
 * @example usesStore({ kind: "file", data, clusters }) // false
 */
export const usesStore = (source: AssessmentSource): boolean => source.kind === "store" || source.clusters === undefined

/**
 * What the documents read for the periods of `range`: from the store (the register and the range's values), or
 * from files. The one place the data of the assessment commands, the API and the dashboard are loaded.
 * @example const data = yield* loadAssessmentData(storeSource, { from: "2024", to: "2025" })
 */
export const loadAssessmentData = (source: AssessmentSource, range: PeriodRange) =>
  Effect.gen(function* () {
    if (source.kind === "store") return yield* use((db) => loadFromStore(db, range))
    const clusters = source.clusters
    const register =
      clusters !== undefined ? yield* attempt(() => registerFromTable(readTable(clusters.bytes, clusters.name), clusters.name)) : yield* Clusters.list()
    return yield* attempt((): AssessmentData => assessmentDataFromTable(readTable(source.data.bytes, source.data.name), source.data.name, register))
  })
