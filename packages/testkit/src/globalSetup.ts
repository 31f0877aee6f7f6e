import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { TestProject } from "vitest/node"
import "./provided.js"
import { makePgliteTemplate } from "./template.js"

/** Make the PGlite template once for a project's run and hand its path to the test files. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "jiju-template-"))
  const file = join(dir, "template.tar")
  writeFileSync(file, await makePgliteTemplate())
  project.provide("pgliteTemplate", file)
  return () => rmSync(dir, { recursive: true, force: true })
}
