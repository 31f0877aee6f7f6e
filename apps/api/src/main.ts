#!/usr/bin/env node
import { startServer } from "@jiju/server"

// `pnpm start`: the API and the web app on PORT (default 8080) at HOST (default 127.0.0.1; 0.0.0.0 for
// every interface); Ctrl-C or SIGTERM stops gracefully.
const server = await startServer().catch((e: unknown) => {
  process.stderr.write(`jiju: cannot start: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
const stop = (signal: string) => {
  process.stdout.write(`${signal}: 正在停止 shutting down…\n`)
  server.close().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`jiju: shutdown failed: ${String(e)}\n`)
      process.exit(1)
    },
  )
}
process.once("SIGTERM", () => stop("SIGTERM"))
process.once("SIGINT", () => stop("SIGINT"))
