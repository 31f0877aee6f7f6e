import { useStdout } from "ink"
import { useEffect, useState } from "react"

/** Where the dashboard draws: the frame's width and the height left for a screen's body. */
export interface Layout {
  readonly width: number
  readonly height: number
  readonly bodyHeight: number
}

/**
 * The terminal's size, following resizes, unless fixed (tests), as the frame's width and body height.
 * @example const { width, bodyHeight } = useLayout({ width: 80, height: 24 })
 */
export const useLayout = (fixed: { width?: number | undefined; height?: number | undefined }): Layout => {
  const { stdout } = useStdout()
  const [size, setSize] = useState({ width: stdout.columns || 80, height: stdout.rows || 24 })
  useEffect(() => {
    const on = () => setSize({ width: stdout.columns || 80, height: stdout.rows || 24 })
    stdout.on("resize", on)
    return () => {
      stdout.off("resize", on)
    }
  }, [stdout])
  const height = fixed.height ?? size.height
  // The last column stays empty: some terminals wrap a line that reaches it.
  return { width: Math.max(20, (fixed.width ?? size.width) - 1), height, bodyHeight: Math.max(6, height - 4) }
}
