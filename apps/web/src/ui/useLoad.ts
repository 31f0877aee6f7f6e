import { type DependencyList, useCallback, useEffect, useState } from "react"

/** What {@link useLoad} holds: the data once loaded, the error if loading failed, and a way to load again. */
export interface Loaded<T> {
  readonly data: T | null
  readonly error: unknown
  readonly loading: boolean
  readonly reload: () => void
}

/**
 * Load data when `deps` change, ignoring answers that arrive after the component moved on.
 * @example const { data, error } = useLoad(() => api.me({}).then((r) => r.data), [api])
 */
export const useLoad = <T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> => {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true })
  const [round, setRound] = useState(0)
  const reload = useCallback(() => setRound((n) => n + 1), [])
  useEffect(() => {
    let live = true
    setState({ data: null, error: null, loading: true })
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error, loading: false }),
    )
    return () => {
      live = false
    }
  }, [...deps, round])
  return { ...state, reload }
}
