import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react"
import { type JijuClient, jijuClient } from "../api/client.js"
import type { MeWire } from "../api/wire.js"
import { useI18n } from "../i18n/I18n.js"

interface SessionValue {
  readonly api: JijuClient
  /** undefined while asking the API; null when signed out. */
  readonly me: MeWire | null | undefined
  readonly signIn: (name: string, password: string) => Promise<void>
  readonly signOut: () => Promise<void>
}

const SessionContext = createContext<SessionValue | null>(null)

// One fetch for the app's lifetime: a new function per render would rebuild the client and re-ask who is signed in.
const browserFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)

/**
 * Holds the API client and who is signed in (a cookie session the API sets on POST /v1/auth/login).
 * @example <SessionProvider fetcher={fetch}><Shell /></SessionProvider>
 */
export function SessionProvider({ children, fetcher = browserFetch }: { readonly children: ReactNode; readonly fetcher?: typeof fetch }) {
  const { lang } = useI18n()
  const langRef = useRef(lang)
  langRef.current = lang
  const api = useMemo(() => jijuClient(fetcher, () => langRef.current), [fetcher])
  const [me, setMe] = useState<MeWire | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    api
      .me({})
      .then(({ data }) => live && setMe(data))
      .catch(() => live && setMe(null))
    return () => {
      live = false
    }
  }, [api])
  const signIn = useCallback(
    async (name: string, password: string) => {
      await api.login({ body: { name, password } })
      setMe((await api.me({})).data)
    },
    [api],
  )
  const signOut = useCallback(async () => {
    try {
      await api.logout({})
    } finally {
      setMe(null)
    }
  }, [api])
  const value = useMemo(() => ({ api, me, signIn, signOut }), [api, me, signIn, signOut])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

/** The API client and the signed-in principal. */
export const useSession = (): SessionValue => {
  const v = useContext(SessionContext)
  if (!v) throw new Error("useSession outside SessionProvider")
  return v
}
