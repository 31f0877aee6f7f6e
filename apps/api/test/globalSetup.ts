import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { TestProject } from "vitest/node"

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty PGlite data directory as a tar file: each suite loads it instead of running initdb. */
    apiPgliteTemplate: string
  }
}

/** initdb once for the whole API run, then every suite starts from the dump. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "jiju-api-template-"))
  const file = join(dir, "template.tar")
  // The store's own template maker, loaded by URL: it resolves PGlite from the store package (global setup
  // has no workspace condition) and stays out of this package's type-checked program.
  const templateModule: string = new URL("../../../packages/store/test/template.ts", import.meta.url).href
  const { makePgliteTemplate } = (await import(templateModule)) as { makePgliteTemplate: () => Promise<Uint8Array> }
  writeFileSync(file, await makePgliteTemplate())
  project.provide("apiPgliteTemplate", file)
  return () => rmSync(dir, { recursive: true, force: true })
}
