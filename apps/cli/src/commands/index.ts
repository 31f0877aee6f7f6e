import type { Command } from "../Command.js"

/** Every `jiju` subcommand, by name. Each lives in its own module in this folder. */
export const commands: ReadonlyArray<Command> = []
