/** A form draft kept on this device. */
export interface Draft {
  readonly raw: Readonly<Record<string, string>>
  readonly confirmed: ReadonlyArray<string>
  readonly savedAt: string
}

const key = (clusterId: string, period: string) => `jiju.draft:${clusterId}:${period}`

/** Read the draft of a cluster and period, if any. */
export const loadDraft = (clusterId: string, period: string): Draft | null => {
  try {
    const text = localStorage.getItem(key(clusterId, period))
    if (!text) return null
    const d = JSON.parse(text) as Draft
    return d && typeof d.raw === "object" ? d : null
  } catch {
    return null
  }
}

/** Save a draft (quietly does nothing when storage is unavailable). */
export const saveDraft = (clusterId: string, period: string, d: Omit<Draft, "savedAt">): Draft => {
  const full = { ...d, savedAt: new Date().toISOString() }
  try {
    localStorage.setItem(key(clusterId, period), JSON.stringify(full))
  } catch {
    // private mode or full storage: the form still works
  }
  return full
}

/** Forget a draft (after a successful submission, or on request). */
export const discardDraft = (clusterId: string, period: string) => {
  try {
    localStorage.removeItem(key(clusterId, period))
  } catch {
    // nothing to do
  }
}
