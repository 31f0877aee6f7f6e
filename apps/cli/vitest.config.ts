import { defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@jiju/source"] },
  test: { name: "cli", include: ["test/**/*.test.{ts,tsx}"], testTimeout: 60_000, hookTimeout: 60_000 },
})
