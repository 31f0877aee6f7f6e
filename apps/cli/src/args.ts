import { parseArgs, type ParseArgsConfig } from "node:util"
import { CliError } from "./CliError.js"

type Options = NonNullable<ParseArgsConfig["options"]>

/** Parse flags strictly: an unknown flag or a missing value is a usage error naming the flag. */
export const parseFlags = <O extends Options>(
  argv: ReadonlyArray<string>,
  options: O,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>> => {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true })
  } catch (e) {
    throw new CliError("usage", (e as Error).message.split("\n")[0]!, 2)
  }
}

/** A required string flag. */
export const required = (value: string | undefined, flag: string): string => {
  if (value === undefined || value === "") throw new CliError("usage", `missing required flag --${flag}`, 2)
  return value
}

/** A numeric flag, checked. */
export const numberFlag = (value: string | undefined, flag: string, fallback?: number): number | undefined => {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n)) throw new CliError("usage", `--${flag} expects a number, got "${value}"`, 2)
  return n
}
