import { render } from "ink-testing-library"
import { createElement } from "react"
import type { DashboardSource } from "../../src/dashboard/sources/DashboardSource.js"
import { App, type AppProps } from "../../src/dashboard/ui/App.js"
import type { Lang } from "../../src/dashboard/ui/text.js"
import { fakeSource } from "./fixture.js"

/** Key sequences as a terminal sends them. */
export const keys = { enter: "\r", esc: "\u001b", tab: "\t", up: "\u001b[A", down: "\u001b[B", left: "\u001b[D", right: "\u001b[C", backspace: "\u007f" }

/** Render the dashboard on a fake source and wait until the first frame with data. */
export const start = async (
  opts: { source?: DashboardSource; width?: number; height?: number; lang?: Lang; env?: AppProps["env"]; kept?: AppProps["kept"]; exportDir?: string } = {},
): Promise<{
  r: { unmount(): void }
  frame: () => string
  until: (ok: string | ((f: string) => boolean), timeout?: number) => Promise<string>
  press: (...seq: string[]) => Promise<void>
}> => {
  const r = render(
    createElement(App, {
      source: opts.source ?? fakeSource(),
      width: opts.width ?? 80,
      height: opts.height ?? 24,
      lang: opts.lang ?? "zh",
      env: opts.env ?? {},
      kept: opts.kept ?? null,
      ...(opts.exportDir !== undefined ? { exportDir: opts.exportDir } : {}),
    }),
  )
  const frame = () => r.lastFrame() ?? ""
  /** Wait until the frame satisfies `ok` (a text it contains, or a predicate); fail with the frame after 5 s. */
  const until = async (ok: string | ((f: string) => boolean), timeout = 5000) => {
    const test = typeof ok === "string" ? (f: string) => f.includes(ok) : ok
    const t0 = Date.now()
    while (!test(frame())) {
      if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${String(ok)}; frame:\n${frame()}`)
      await new Promise((res) => setTimeout(res, 10))
    }
    return frame()
  }
  const press = async (...seq: string[]) => {
    for (const s of seq) {
      const before = frame()
      r.stdin.write(s)
      // Let Ink parse the key and React commit before the next one.
      const t0 = Date.now()
      while (frame() === before && Date.now() - t0 < 300) await new Promise((res) => setTimeout(res, 5))
    }
  }
  await until((f) => f.includes("jiju") && !f.includes("读取数据") && !f.includes("loading"))
  return { r: r as { unmount(): void; stdin: { write(s: string): void } }, frame, until, press }
}
