import type { IndicatorDefinition } from "@jiju/domain/model"

/** How long another process's change to the catalogue may go unseen here. */
const TTL_MS = 5_000

/**
 * The indicator catalogue as submissions check it, kept in memory: reading and decoding all definitions
 * costs more than the submission itself. This process's own writes call `invalidate`; another process's
 * reach it within TTL_MS, and a code not in the cache triggers one fresh read before it is called unknown.
 *
 * @example
 * const catalogue = cachedCatalogue(store.indicators)
 * const defs = await catalogue.byCode(["revenue"])
 */
export const cachedCatalogue = <T extends Pick<IndicatorDefinition, "code"> = IndicatorDefinition>(
  repo: { list(): Promise<ReadonlyArray<T>> },
  now: () => number = Date.now,
) => {
  let cache: { at: number; defs: Map<string, T> } | undefined
  const load = async () => {
    cache = { at: now(), defs: new Map((await repo.list()).map((d) => [d.code as string, d])) }
    return cache.defs
  }
  return {
    /** The definitions of these codes (unknown codes are absent from the map). */
    async byCode(codes: ReadonlyArray<string>): Promise<ReadonlyMap<string, T>> {
      const fresh = cache !== undefined && now() - cache.at < TTL_MS
      const defs = fresh ? cache!.defs : await load()
      if (fresh && codes.some((c) => !defs.has(c))) return load()
      return defs
    },
    invalidate() {
      cache = undefined
    },
  }
}

export type CachedCatalogue = ReturnType<typeof cachedCatalogue>
