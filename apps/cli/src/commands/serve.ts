import { numberFlag, parseFlags } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"

const usage = `jiju serve — 启动接口与网页服务 · run the HTTP API and the web app

usage: jiju serve [--port 8080] [--host 127.0.0.1]

Opens the store (DATABASE_URL, else the embedded database under JIJU_DATA_DIR), loads the demo data
into an empty store (JIJU_DEMO=0 to skip) with one account per role, and serves /v1 and the web app.
Ctrl-C stops gracefully.`

/** `jiju serve`: the same server as `pnpm start`, until SIGINT or SIGTERM. */
export const serveCommand: Command = {
  name: "serve",
  summary: { zh: "启动接口与网页服务", en: "run the HTTP API and web app" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, { port: { type: "string" }, host: { type: "string" } })
    const port = numberFlag(f.port, "port", Number(io.env.PORT ?? 8080))!
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError("usage", `--port must be 0–65535, got "${f.port}"`, 2)
    // The server and its dependencies load only for this command.
    const [{ startServer }, { cliError }] = await Promise.all([import("@jiju/server"), import("../app.js")])
    let server: Awaited<ReturnType<typeof startServer>>
    try {
      server = await startServer({ env: io.env, port, ...(f.host ? { host: f.host } : {}), log: (l) => io.stdout.write(`${l}\n`) })
    } catch (e) {
      throw cliError(e)
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop)
        process.off("SIGTERM", stop)
        io.stdout.write("正在停止 shutting down…\n")
        resolve()
      }
      process.on("SIGINT", stop)
      process.on("SIGTERM", stop)
    })
    await server.close()
    return 0
  },
}
