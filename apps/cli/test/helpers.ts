import { Writable } from "node:stream"
import { run } from "../src/run.js"

/** Run `jiju` in-process and capture what it prints. */
export const runCli = async (argv: ReadonlyArray<string>, env: Record<string, string | undefined> = {}) => {
  let out = ""
  let err = ""
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        append(String(chunk))
        cb()
      },
    })
  const code = await run(argv, {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    cwd: process.cwd(),
    env: { ...process.env, ...env },
  })
  return { code, stdout: out, stderr: err, json: () => JSON.parse(out) as unknown }
}
