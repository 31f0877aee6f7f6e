import { Writable } from "node:stream"
import { describe, expect, it } from "vitest"
import type { CommandIO } from "../src/Command.js"
import { progressBar } from "../src/progress.js"

const capture = (isTTY: boolean) => {
  let text = ""
  const stderr = Object.assign(
    new Writable({
      write(chunk, _e, cb) {
        text += String(chunk)
        cb()
      },
    }),
    { isTTY },
  )
  const io: CommandIO = { stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr, cwd: ".", env: {} }
  return { io, text: () => text }
}

describe("progress bar", () => {
  it("draws on a terminal, once per percent, and ends the line at 100 %", () => {
    const c = capture(true)
    const bar = progressBar(c.io, "permutations 999")!
    for (let d = 0; d <= 999; d++) bar(d, 999)
    const frames = c.text().split("\r").filter(Boolean)
    expect(frames).toHaveLength(101)
    expect(frames[0]).toBe(`permutations 999 [${"-".repeat(30)}]   0%`)
    expect(frames.at(-1)).toBe(`permutations 999 [${"#".repeat(30)}] 100%\n`)
  })

  it("stays silent when stderr is not a terminal", () => {
    expect(progressBar(capture(false).io, "x")).toBeUndefined()
  })
})
