import { defineProject } from "vitest/config"

// Workspace packages resolve to their TypeScript sources; server-side (SSR) resolution needs the condition too.
const conditions = ["@jiju/source", "module", "node", "development|production"]

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@jiju/source"] } },
  test: {
    name: "api",
    include: ["test/**/*.test.{ts,tsx}"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ["test/globalSetup.ts"],
  },
})
