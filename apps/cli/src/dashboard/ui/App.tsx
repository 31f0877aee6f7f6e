import { Text, useApp, useInput } from "ink"
import { type ComponentType, useCallback, useEffect, useMemo, useState } from "react"
import type { Snapshot } from "../data/snapshot.js"
import type { DashboardSource } from "../sources/DashboardSource.js"
import { keysText, LOADING } from "./chrome.js"
import { Frame } from "./Frame.js"
import { useLayout } from "./layout.js"
import type { ScreensProps } from "./Screens.js"
import { bi, type Lang, tr } from "./text.js"
import { themeFor } from "./theme.js"

export interface AppProps {
  readonly source: DashboardSource
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Fixed size (tests); by default the terminal's, following resizes. */
  readonly width?: number
  readonly height?: number
  /** The first language (l toggles it). */
  readonly lang?: Lang
  /** Called once, when the first frame with the ranking has been rendered (startup measurement). */
  readonly onReady?: (snap: Snapshot) => void
  /** A snapshot to show until the source answers (the one kept when the dashboard last closed an unchanged store). */
  readonly kept?: Snapshot | null
  /** Where `e` writes the run's workbook (the dashboard's working directory; default the process's). */
  readonly exportDir?: string
  /** Called with each snapshot the source answers for the first scheme (to be kept when the dashboard closes). */
  readonly onLive?: (snap: Snapshot) => void
}

/**
 * The terminal dashboard. Its first frame (title, tabs, "loading", status and keys) needs only Ink and the
 * text helpers; the screens, with the domain and effect behind them, load once it is on the terminal and take
 * over the same frame. Until then q quits and l switches the language.
 * Keys once loaded: ↑↓/j k move, Tab switches screens, / filters, Enter opens, Esc back, ? help, l language, q quits.
 */
export const App = (props: AppProps) => {
  const app = useApp()
  const { width, bodyHeight } = useLayout({ width: props.width, height: props.height })
  const theme = useMemo(() => themeFor(props.env ?? {}), [props.env])
  const [lang, setLang] = useState<Lang>(props.lang ?? "zh")
  const toggleLang = useCallback(() => setLang((l) => (l === "zh" ? "en" : "zh")), [])
  const [Screens, setScreens] = useState<ComponentType<ScreensProps> | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    import("./Screens.js")
      .then((m) => live && setScreens(() => m.Screens))
      .catch((e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)))
    return () => {
      live = false
    }
  }, [])

  useInput(
    (input) => {
      if (input === "q") app.exit()
      else if (input === "l") toggleLang()
    },
    { isActive: Screens === null },
  )

  if (Screens) return <Screens {...props} lang={lang} toggleLang={toggleLang} />
  return (
    <Frame
      lang={lang}
      theme={theme}
      screen="overview"
      width={width}
      bodyHeight={bodyHeight}
      status={tr(lang, props.source.description)}
      keys={keysText(lang, "overview")}
    >
      {failure ? <Text color={theme.warn}>{tr(lang, bi(`出错：${failure}`, `error: ${failure}`))}</Text> : <Text>{tr(lang, LOADING)}</Text>}
    </Frame>
  )
}
