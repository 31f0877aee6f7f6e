import { isUnauthorised, messageOf } from "../../api/problems.js"
import { useLoad } from "../../ui/useLoad.js"
import type { Judged } from "./useJudgements.js"

/**
 * One judgement operation's answer, or why it could not be had (sign in first, or the server's problem).
 * @example const landQuota = useJudged(() => api.landQuota({ query: { period } }).then((r) => r.data), [api, period])
 */
export const useJudged = <T>(load: () => Promise<T>, deps: ReadonlyArray<unknown>): Judged<T> | null => {
  const { data } = useLoad<Judged<T>>(
    () =>
      load().then(
        (value) => ({ value }),
        (e: unknown) => ({ error: messageOf(e), signIn: isUnauthorised(e) }),
      ),
    deps,
  )
  return data
}
