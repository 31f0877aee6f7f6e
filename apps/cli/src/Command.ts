import type { Writable } from "node:stream"

/** Where a command writes; tests pass buffers, main passes the process streams. */
export interface CommandIO {
  readonly stdout: Writable
  readonly stderr: Writable
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
}

/** One `jiju` subcommand. `run` returns the exit code; throw CliError for anticipated failures. */
export interface Command {
  readonly name: string
  readonly summary: { readonly zh: string; readonly en: string }
  readonly usage: string
  run(argv: ReadonlyArray<string>, io: CommandIO): Promise<number>
}
