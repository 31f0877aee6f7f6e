import { type FormEvent, useId, useState } from "react"
import { messageOf } from "../api/problems.js"
import { useI18n } from "../i18n/I18n.js"
import { useSession } from "./Session.js"

/** The sign-in form: user name and password; the API's message is announced on failure. */
export function SignIn({ onDone }: { readonly onDone?: () => void }) {
  const { t } = useI18n()
  const { signIn } = useSession()
  const [name, setName] = useState("")
  const [password, setPassword] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!name || !password) {
      setError(t.errRequired)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await signIn(name, password)
      onDone?.()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="card sign-in" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h1 id={`${id}-title`}>{t.signInTitle}</h1>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t.userName}</label>
        <input id={`${id}-name`} name="username" autoComplete="username" required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t.password}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <p className="error" role="alert" aria-live="assertive">
        {error}
      </p>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t.signingIn : t.signIn}
      </button>
    </form>
  )
}
