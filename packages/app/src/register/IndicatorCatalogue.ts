import type { StoredIndicator } from "@jiju/domain/model"
import { Database, indicatorRepo } from "@jiju/store"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/** How long another process's change to the catalogue may go unseen here. */
export const CATALOGUE_TTL_MS = 5_000

/** The indicator catalogue as submissions check it, archived indicators included (to name them as archived). */
export interface IndicatorCatalogueShape {
  /** The definitions of these codes (unknown codes are absent from the map). */
  byCode(codes: ReadonlyArray<string>): Promise<ReadonlyMap<string, StoredIndicator>>
  /** The cached definitions when they are fresh and hold every code; undefined when they must be read. */
  peek(codes: ReadonlyArray<string>): ReadonlyMap<string, StoredIndicator> | undefined
  /** Forget what was read: this process changed the catalogue. */
  invalidate(): void
}

/**
 * The indicator catalogue kept in memory: reading and decoding every definition costs more than a submission
 * itself. This process's own changes invalidate it at once; another process's reach it within
 * {@link CATALOGUE_TTL_MS}, and a code not in the cache triggers one fresh read before it is called unknown.
 */
export class IndicatorCatalogue extends Context.Service<IndicatorCatalogue, IndicatorCatalogueShape>()("@jiju/app/IndicatorCatalogue") {}

/**
 * A catalogue cache over any lister of definitions (the store's, or a test's).
 * @example const catalogue = cachedCatalogue({ list: () => indicatorRepo(db).list({ archived: "include" }) })
 */
export const cachedCatalogue = <T extends { readonly code: string }>(
  repo: { list(): Promise<ReadonlyArray<T>> },
  now: () => number = Date.now,
): {
  byCode(codes: ReadonlyArray<string>): Promise<ReadonlyMap<string, T>>
  peek(codes: ReadonlyArray<string>): ReadonlyMap<string, T> | undefined
  invalidate(): void
} => {
  let cache: { at: number; defs: Map<string, T> } | undefined
  const load = async () => {
    cache = { at: now(), defs: new Map((await repo.list()).map((d) => [d.code, d])) }
    return cache.defs
  }
  return {
    async byCode(codes) {
      const fresh = cache !== undefined && now() - cache.at < CATALOGUE_TTL_MS
      const defs = fresh ? cache!.defs : await load()
      if (fresh && codes.some((c) => !defs.has(c))) return load()
      return defs
    },
    peek(codes) {
      const defs = cache !== undefined && now() - cache.at < CATALOGUE_TTL_MS ? cache.defs : undefined
      return defs && codes.every((c) => defs.has(c)) ? defs : undefined
    },
    invalidate() {
      cache = undefined
    },
  }
}

/**
 * The catalogue cache over the runtime's database.
 * @example Layer.provide(indicatorCatalogueLayer, databaseLayerOf(db))
 */
export const indicatorCatalogueLayer: Layer.Layer<IndicatorCatalogue, never, Database> = Layer.effect(
  IndicatorCatalogue,
  Effect.map(Database, (db) => cachedCatalogue({ list: () => indicatorRepo(db).list({ archived: "include" }) })),
)

/**
 * The definitions of some codes, from the cache.
 * @example const defs = yield* catalogueByCode(["revenue", "firms"])
 */
export const catalogueByCode = (codes: ReadonlyArray<string>) => Effect.flatMap(IndicatorCatalogue, (c) => Effect.promise(() => c.byCode(codes)))

/**
 * Drop the cached catalogue after a change of this process.
 * @example yield* invalidateCatalogue
 */
export const invalidateCatalogue = Effect.flatMap(IndicatorCatalogue, (c) => Effect.sync(() => c.invalidate()))
