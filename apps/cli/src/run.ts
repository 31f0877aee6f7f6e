import type { Command, CommandIO } from "./Command.js"
import { reportError } from "./output.js"
import { CliError } from "./CliError.js"

const help = (commands: ReadonlyArray<Command>): string =>
  [
    "jiju — 产业集聚区评估工具 / cluster-zone assessment toolkit",
    "",
    "用法 usage: jiju <command> [flags]   (--json for machine-readable output)",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(14)} ${c.summary.zh} · ${c.summary.en}`),
    `  ${"dashboard".padEnd(14)} 终端看板（在终端中不带参数运行 jiju 也会打开） · terminal dashboard (also \`jiju\` alone in a terminal)`,
    "",
  ].join("\n")

/** Dispatch argv to a command; returns the exit code. */
export const run = async (argv: ReadonlyArray<string>, io: CommandIO): Promise<number> => {
  const [name, ...rest] = argv
  // The dashboard loads Ink and React only when it opens; `jiju` alone opens it in an interactive terminal.
  const interactive = io.stdout === process.stdout && process.stdout.isTTY === true && process.stdin.isTTY === true
  if (name === "dashboard" || (name === undefined && interactive)) {
    const { openDashboard, dashboardCommand } = await import("./dashboard/dashboard.js")
    if (rest.includes("--help")) {
      io.stdout.write(`${dashboardCommand.usage}\n`)
      return 0
    }
    try {
      return await openDashboard(rest, io)
    } catch (e) {
      return reportError(io, e, false)
    }
  }
  // Loaded after the dashboard check so that opening the dashboard does not load every command first.
  const { commands } = await import("./commands/index.js")
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(help(commands))
    return 0
  }
  const command = commands.find((c) => c.name === name)
  const json = rest.includes("--json")
  if (!command) return reportError(io, new CliError("usage", `unknown command "${name}"; run jiju --help`, 2), json)
  if (rest.includes("--help")) {
    io.stdout.write(`${command.usage}\n`)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (e) {
    return reportError(io, e, json)
  }
}
