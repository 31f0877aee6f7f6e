import { defineProject } from "vitest/config"

export default defineProject({
  resolve: { conditions: ["@jiju/source"] },
  test: { name: "domain", include: ["test/**/*.test.ts"] },
})
