import { useEffect, useRef, useState } from "react"
import type { Dictionary } from "../i18n/dictionary.js"
import { loadDraft } from "./drafts.js"
import type { useEntries } from "./useEntries.js"
import type { PeriodValues } from "./usePeriodValues.js"

/** A message in the interface language, said again when the language changes. */
export type Say = (t: Dictionary) => string

type Form = ReturnType<typeof useEntries>

/**
 * What the form starts from when a zone's period has loaded: the draft on this device; else, when nothing is stored
 * for the period, what was just typed for another period of the same zone (a corrected period loses nothing);
 * else the stored values. `onStart` receives the notice to show. Call `keepTyped` before changing the period.
 * `started` is true once the form holds what it starts from for the loaded values: until then, what is typed would
 * be replaced, so the form keeps its fields disabled.
 * @example const { keepTyped, started } = useFormStart(form, values.data, clusterId, period, setNotice)
 */
export const useFormStart = (form: Form, loaded: PeriodValues | null, clusterId: string, period: string, onStart: (notice: Say | null) => void) => {
  const carried = useRef<{ clusterId: string; raw: Readonly<Record<string, string>>; confirmed: string[] } | null>(null)
  const { start, carry } = form
  const [startedFrom, setStartedFrom] = useState<PeriodValues | null>(null)
  useEffect(() => {
    if (!loaded) return
    setStartedFrom(loaded)
    const draft = loadDraft(clusterId, period)
    const kept = carried.current
    carried.current = null
    if (draft) {
      start(draft.raw, draft.confirmed, draft.savedAt)
      onStart((t) => t.draftRestored)
    } else if (kept && kept.clusterId === clusterId && loaded.existing.length === 0) {
      carry(kept.raw, kept.confirmed)
      onStart((t) => t.keptTyped)
    } else {
      start(Object.fromEntries(loaded.existing.map((r) => [r.indicator, String(r.value)])), [], null)
      onStart(loaded.existing.length > 0 ? (t) => t.alreadySubmitted : null)
    }
  }, [loaded])
  const keepTyped = () => {
    const e = form.entries
    if (e.touched.size > 0) carried.current = { clusterId, raw: e.raw, confirmed: [...e.confirmed] }
  }
  return { keepTyped, started: loaded !== null && startedFrom === loaded }
}
