#!/usr/bin/env node
// Refuse to pack `@jiju/cli` without what it promises: the bundle, the store's migrations, the analysis worker and
// the built web app that `jiju serve` serves (the bundle ships without it when apps/web was not built first).
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist")
const missing = ["main.js", "analysisWorker.mjs", "migrations/0001_init.sql", "web/index.html"].filter((f) => !existsSync(join(dist, f)))
if (missing.length > 0) {
  console.error(`@jiju/cli: dist/ lacks ${missing.join(", ")}; run \`pnpm exec turbo run build --filter=@jiju/cli...\` (the web app first) before packing`)
  process.exit(1)
}
