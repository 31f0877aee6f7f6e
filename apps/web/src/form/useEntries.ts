import { useCallback, useState } from "react"
import { discardDraft, saveDraft } from "./drafts.js"

/** What the user typed: raw text per indicator, the unusual values confirmed, the fields visited, and whether submit was tried. */
export interface Entries {
  readonly raw: Readonly<Record<string, string>>
  readonly confirmed: ReadonlySet<string>
  readonly touched: ReadonlySet<string>
  readonly attempted: boolean
  /** When the draft on this device was last saved; null without a draft. */
  readonly draftAt: string | null
}

const empty: Entries = { raw: {}, confirmed: new Set(), touched: new Set(), attempted: false, draftAt: null }

/**
 * The form's entries for one zone and period, each change kept as a draft on this device.
 * @example const entries = useEntries("hb-qibin", "2025", true); entries.setValue("revenue", "330")
 */
export const useEntries = (clusterId: string, period: string, periodOk: boolean) => {
  const [entries, setEntries] = useState<Entries>(empty)
  const keep = clusterId !== "" && periodOk
  // Every change is saved at once: a closed tab or a lost connection loses nothing typed.
  const persist = useCallback(
    (next: Entries): Entries => (keep ? { ...next, draftAt: saveDraft(clusterId, period, { raw: next.raw, confirmed: [...next.confirmed] }).savedAt } : next),
    [keep, clusterId, period],
  )
  /** Start afresh from stored values or a restored draft. */
  const start = useCallback((raw: Readonly<Record<string, string>>, confirmed: ReadonlyArray<string>, draftAt: string | null) => {
    setEntries({ raw: { ...raw }, confirmed: new Set(confirmed), touched: new Set(), attempted: false, draftAt })
  }, [])
  /** Keep what was typed for another period of the same zone (a corrected period loses nothing typed). */
  const carry = useCallback(
    (raw: Readonly<Record<string, string>>, confirmed: ReadonlyArray<string>) =>
      setEntries(persist({ raw: { ...raw }, confirmed: new Set(confirmed), touched: new Set(Object.keys(raw)), attempted: false, draftAt: null })),
    [persist],
  )
  const setValue = useCallback(
    (code: string, text: string) =>
      setEntries((e) => {
        const confirmed = new Set(e.confirmed)
        confirmed.delete(code) // a changed value must be confirmed again
        return persist({ ...e, raw: { ...e.raw, [code]: text }, confirmed, touched: new Set(e.touched).add(code) })
      }),
    [persist],
  )
  const setConfirmed = useCallback(
    (code: string, yes: boolean) =>
      setEntries((e) => {
        const confirmed = new Set(e.confirmed)
        if (yes) confirmed.add(code)
        else confirmed.delete(code)
        return persist({ ...e, confirmed })
      }),
    [persist],
  )
  const touch = useCallback((code: string) => setEntries((e) => (e.touched.has(code) ? e : { ...e, touched: new Set(e.touched).add(code) })), [])
  /** Values read from a workbook join what was typed. */
  const merge = useCallback(
    (raw: Readonly<Record<string, string>>) =>
      setEntries((e) => persist({ ...e, raw: { ...e.raw, ...raw }, touched: new Set([...e.touched, ...Object.keys(raw)]) })),
    [persist],
  )
  const attempt = useCallback(() => setEntries((e) => ({ ...e, attempted: true })), [])
  /** Forget the draft and show `raw` (the stored values) again. */
  const discard = useCallback(
    (raw: Readonly<Record<string, string>>) => {
      discardDraft(clusterId, period)
      setEntries({ ...empty, raw: { ...raw } })
    },
    [clusterId, period],
  )
  /** After a successful submission the draft is gone; what was typed stays on screen. */
  const submitted = useCallback(() => {
    discardDraft(clusterId, period)
    setEntries((e) => ({ ...e, draftAt: null }))
  }, [clusterId, period])
  return { entries, start, carry, setValue, setConfirmed, touch, merge, attempt, discard, submitted }
}
