import type { Bilingual } from "@jiju/domain/model"
import type { DashboardSource } from "./DashboardSource.js"

/**
 * A source that is still opening (the embedded store takes a second or more): the dashboard can draw its first
 * frame at once, and every read waits for the real source. `description` is the placeholder until it opens.
 * @example render(<App source={deferredSource(storeSource(env), { zh: "本地数据库", en: "store" })} />)
 */
export const deferredSource = (pending: Promise<DashboardSource>, placeholder: Bilingual): DashboardSource => {
  let real: DashboardSource | undefined
  pending.then(
    (s) => {
      real = s
    },
    // The failure reaches whoever reads next (the first snapshot), which shows it.
    () => {},
  )
  const get = async () => (real ??= await pending)
  return {
    get description() {
      return real?.description ?? placeholder
    },
    register: async () => (await get()).register(),
    observations: async (q) => (await get()).observations(q),
    ranking: async (scheme, period) => (await get()).ranking(scheme, period),
    judgements: async (id, period, opts) => (await get()).judgements(id, period, opts),
    targets: async (q) => (await get()).targets(q),
    analysis: async (name, request) => (await get()).analysis(name, request),
    report: async (scheme, period, lang) => (await get()).report(scheme, period, lang),
    supervision: async (week) => (await get()).supervision(week),
    close: async () => {
      const s = await pending.catch(() => undefined)
      await s?.close()
    },
  }
}
