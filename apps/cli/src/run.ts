import { CliError } from "./CliError.js"
import type { CommandIO } from "./Command.js"
import { type CommandEntry, commandCatalog } from "./commands/catalog.js"
import { reportError } from "./output.js"

const help = (commands: ReadonlyArray<CommandEntry>): string =>
  [
    "jiju — 产业集聚区评估工具 / cluster-zone assessment toolkit",
    "",
    "用法 usage: jiju <command> [flags]   (--json for machine-readable output; --format csv for spreadsheets)",
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
  // The help and the dispatch read the catalog alone; only the command that runs is loaded.
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(help(commandCatalog))
    return 0
  }
  const entry = commandCatalog.find((c) => c.name === name)
  const json = rest.includes("--json")
  if (!entry) return reportError(io, new CliError("usage", `unknown command "${name}"; run jiju --help`, 2), json)
  const command = await entry.load()
  if (rest.includes("--help")) {
    io.stdout.write(`${command.usage}\n`)
    return 0
  }
  try {
    const format = OWN_FORMAT.has(command.name) ? undefined : formatFlag(rest)
    if (format === undefined || format.value === "table") return await command.run(format?.rest ?? rest, io)
    if (format.value === "json") return await command.run([...format.rest, "--json"], io)
    // CSV: the tables go to stdout; the command's other lines (notes, assumptions) to stderr.
    const [{ collectTables }, { toCsv }] = await Promise.all([import("./csvFormat.js"), import("./csvText.js")])
    const { result, tables } = await collectTables(() => command.run(format.rest, { ...io, stdout: io.stderr }))
    if (result !== 0) return result
    if (tables.length === 0) throw new CliError("usage", `jiju ${command.name} prints no table to write as CSV; use --json`, 2)
    io.stdout.write(toCsv(tables))
    return 0
  } catch (e) {
    return reportError(io, e, json)
  }
}

// Commands whose own --format means something else (import: long or wide files; report: xlsx or docx).
const OWN_FORMAT = new Set(["import", "report"])

/**
 * The shared `--format table|csv|json` flag (json is --json; csv writes the command's tables for
 * spreadsheets), removed from argv. CliError "usage" (exit 2) for another value or with --json.
 */
const formatFlag = (argv: ReadonlyArray<string>): { value: "table" | "csv" | "json"; rest: string[] } | undefined => {
  const i = argv.findIndex((a) => a === "--format" || a.startsWith("--format="))
  if (i < 0) return undefined
  const inline = argv[i]!.startsWith("--format=")
  const value = inline ? argv[i]!.slice("--format=".length) : argv[i + 1]
  if (value !== "table" && value !== "csv" && value !== "json")
    throw new CliError("usage", `--format must be table, csv or json; got ${value === undefined ? "nothing" : `"${value}"`}`, 2)
  const rest = argv.filter((_, k) => k !== i && (inline || k !== i + 1))
  if (value === "csv" && rest.includes("--json")) throw new CliError("usage", "--format csv and --json exclude each other", 2)
  return { value, rest }
}
