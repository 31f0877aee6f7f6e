import { Box, Text } from "ink"
import type { ReactNode } from "react"
import { type Screen, TITLE, tabsText } from "./chrome.js"
import type { Lang } from "./text.js"
import type { Theme } from "./theme.js"

export interface FrameProps {
  readonly lang: Lang
  readonly theme: Theme
  readonly screen: Screen
  readonly width: number
  readonly bodyHeight: number
  /** The status line: data labels and where the data come from. */
  readonly status: string
  /** The keys line (chrome.ts's keysText). */
  readonly keys: string
  readonly children: ReactNode
}

/** What every screen sits in: the title with the tabs, the body, the status line and the keys line. */
export const Frame = ({ lang, theme, screen, width, bodyHeight, status, keys, children }: FrameProps) => (
  <Box flexDirection="column" width={width}>
    <Box>
      <Text wrap="truncate">
        <Text bold color={theme.accent}>
          {TITLE}
        </Text>
        {tabsText(lang, screen)}
      </Text>
    </Box>
    <Box height={bodyHeight} flexDirection="column" overflow="hidden">
      {children}
    </Box>
    <Text wrap="truncate" dimColor={theme.dim}>
      {status}
    </Text>
    <Text wrap="truncate">{keys}</Text>
  </Box>
)
