import { useI18n } from "../../i18n/I18n.js"
import type { Judged } from "./useJudgements.js"

/** Why a judgement is not shown: sign in first, or the server's problem. */
export function NotJudged({ judged }: { readonly judged: Extract<Judged<unknown>, { error: string }> }) {
  const { t } = useI18n()
  return <p className="muted">{judged.signIn ? t.judgementsSignIn : t.judgementUnavailable(judged.error)}</p>
}
