// @ts-check
// The vitest project every Jiju package uses (plain JavaScript: vitest loads config files without TypeScript).
import { defineProject } from "vitest/config"

// Workspace packages resolve to their TypeScript sources; server-side (SSR) resolution needs the condition too.
const conditions = ["@jiju/source", "module", "node", "development|production"]

/**
 * The vitest project of a Jiju package: sources through the workspace condition, generous timeouts for store
 * suites, and the PGlite template made once per run when `store` is true.
 * @param {string} name
 * @param {{ store?: boolean, environment?: "node" | "happy-dom", include?: string[], setupFiles?: string[] }} [opts]
 * @example export default jijuProject("app", { store: true })
 */
export const jijuProject = (name, opts = {}) =>
  defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ["@jiju/source"] } },
    test: {
      name,
      include: opts.include ?? ["test/**/*.test.{ts,tsx}"],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      ...(opts.environment ? { environment: opts.environment } : {}),
      ...(opts.setupFiles ? { setupFiles: opts.setupFiles } : {}),
      ...(opts.store ? { globalSetup: [new URL("./src/globalSetup.ts", import.meta.url).pathname] } : {}),
    },
  })
