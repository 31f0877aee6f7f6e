import { defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@jiju/source"] },
  test: { name: "store", include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
})
