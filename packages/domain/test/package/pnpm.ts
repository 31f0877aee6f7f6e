import { execFileSync } from "node:child_process"

// `pnpm pack` (not `npm pack`) rewrites catalog: and workspace: versions to real ones, as publishing does.
// Under `pnpm run`, npm_execpath is pnpm's own script; elsewhere pnpm must be on PATH.
export const pnpm = (args: ReadonlyArray<string>, cwd: string): string => {
  const exec = process.env.npm_execpath
  return exec && /pnpm/.test(exec) && /\.c?js$/.test(exec)
    ? execFileSync(process.execPath, [exec, ...args], { cwd, encoding: "utf8" })
    : execFileSync("pnpm", [...args], { cwd, encoding: "utf8" })
}
