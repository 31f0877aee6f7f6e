import { useCallback, useState } from "react"
import type { OpenDocument } from "../../api/analysisDocuments.js"
import { messageOf } from "../../api/problems.js"

/**
 * One model run at a time: busy while it runs, then its document or the server's problem.
 * @example const m = useModelRun(); m.run(() => api.analyseRegress({ body }).then((a) => a.data))
 */
export const useModelRun = () => {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [doc, setDoc] = useState<OpenDocument | null>(null)
  const run = useCallback(async (fit: () => Promise<OpenDocument>) => {
    setBusy(true)
    setError(null)
    setDoc(null)
    try {
      setDoc(await fit())
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }, [])
  return { run, busy, error, doc, fail: setError }
}
