import { Box, Text } from "ink"
import type { ReactNode } from "react"

/** One line of a scrolling screen: plain text, or a node that renders on one line. */
export type Line = string | { readonly key: string; readonly node: ReactNode }

/**
 * A window of `height` lines starting at `scroll` (clamped), with a "↓ more" mark when lines are cut.
 * @example <Lines lines={["a", "b", "c"]} scroll={1} height={2} />
 */
export const Lines = ({ lines, scroll, height }: { lines: ReadonlyArray<Line>; scroll: number; height: number }) => {
  const h = Math.max(1, height)
  const max = Math.max(0, lines.length - h)
  const s = Math.max(0, Math.min(scroll, max))
  const more = s < max
  const shown = lines.slice(s, s + (more ? h - 1 : h))
  return (
    <Box flexDirection="column">
      {shown.map((l, i) =>
        typeof l === "string" ? (
          <Text key={`${s + i}`} wrap="truncate">
            {l === "" ? " " : l}
          </Text>
        ) : (
          <Box key={l.key}>{l.node}</Box>
        ),
      )}
      {more ? <Text dimColor>{`  ↓ ${lines.length - s - shown.length} …`}</Text> : null}
    </Box>
  )
}

/** The largest useful scroll offset for a list of lines in a window. */
export const maxScroll = (count: number, height: number): number => Math.max(0, count - Math.max(1, height))
