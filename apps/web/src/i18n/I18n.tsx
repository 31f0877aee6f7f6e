import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react"
import { type Dictionary, dictionaries, type Lang } from "./dictionary.js"

interface I18nValue {
  readonly lang: Lang
  readonly t: Dictionary
  readonly setLang: (l: Lang) => void
  /** Pick the text of the current language from a `{ zh, en }` pair (as the domain and API give them). */
  readonly pick: (b: { readonly zh: string; readonly en: string } | null | undefined) => string
}

const STORAGE_KEY = "jiju.lang"
const I18nContext = createContext<I18nValue | null>(null)

const initialLang = (given?: Lang): Lang => {
  if (given) return given
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (saved === "zh" || saved === "en") return saved
  } catch {
    // storage may be blocked; fall back to the default
  }
  return "zh"
}

/**
 * Provides the interface language (zh-CN by default, remembered in localStorage) and its dictionary.
 * @example <I18nProvider><App /></I18nProvider>
 */
export function I18nProvider({ children, lang: given }: { readonly children: ReactNode; readonly lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang(given))
  const setLang = useCallback((l: Lang) => {
    setLangState(l)
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, l)
    } catch {
      // not remembered; still switched
    }
  }, [])
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en"
  }, [lang])
  const value = useMemo<I18nValue>(() => ({ lang, t: dictionaries[lang], setLang, pick: (b) => (b ? b[lang] : "") }), [lang, setLang])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** The current language, its dictionary and a picker for bilingual values. */
export const useI18n = (): I18nValue => {
  const v = useContext(I18nContext)
  if (!v) throw new Error("useI18n outside I18nProvider")
  return v
}

/** A button switching between 中文 and English. */
export function LanguageToggle() {
  const { lang, t, setLang } = useI18n()
  return (
    // The visible name ("English" / "中文") is the accessible name, spoken in its own language.
    <button
      type="button"
      className="lang-toggle"
      lang={lang === "zh" ? "en" : "zh-CN"}
      title={t.switchToOtherLabel}
      onClick={() => setLang(lang === "zh" ? "en" : "zh")}
    >
      {t.switchToOther}
    </button>
  )
}
