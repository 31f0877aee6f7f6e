import { type ParseArgsConfig, parseArgs } from "node:util"
import { CliError, cliError, isDomainError } from "./CliError.js"

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

/**
 * Check the options the flags describe with the domain's own check: its "bad_option" is a usage error (exit 2)
 * like a bad flag; any other domain error is the usual one-line error (exit 1).
 */
export const checkOptions = <T>(check: () => T): T => {
  try {
    return check()
  } catch (e) {
    if (isDomainError(e) && e.code === "bad_option") {
      // The domain names the option ("baseYear"); the person at the terminal typed the flag (--base-year).
      const option = e.issues?.[0]?.column ?? ""
      const flag = `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
      throw new CliError("usage", option !== "" && e.message.startsWith(option) ? `${flag}${e.message.slice(option.length)}` : e.message, 2)
    }
    throw cliError(e)
  }
}
