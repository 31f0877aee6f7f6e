import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

// The committed modules of kernel bytes must be what their generators write now: an edit to a generator that was
// not run again (or an edit to the bytes by hand) fails here.
const generators: ReadonlyArray<readonly [string, string]> = [
  ["denseKernelWasm.mjs", "linalg/denseKernelBytes.ts"],
  ["seriesKernelWasm.mjs", "spatial/seriesKernelBytes.ts"],
  ["vectorKernelWasm.mjs", "linalg/vectorKernelBytes.ts"],
  ["residualMoranKernelWasm.mjs", "regression/residualMoranKernelBytes.ts"],
  ["minimumDegreeKernelWasm.mjs", "linalg/minimumDegreeKernelBytes.ts"],
  ["similarityKernelWasm.mjs", "linalg/similarityKernelBytes.ts"],
  ["symbolicKernelWasm.mjs", "linalg/symbolicKernelBytes.ts"],
  ["galWeightsKernelWasm.mjs", "weights/galWeightsKernelBytes.ts"],
]

describe("kernel bytes", () => {
  for (const [script, module] of generators)
    it(`${module} is what scripts/${script} writes`, async () => {
      const url = new URL(`../../scripts/${script}`, import.meta.url).href
      const { generated } = (await import(url)) as { generated: string }
      const committed = readFileSync(new URL(`../../src/econometrics/${module}`, import.meta.url), "utf8")
      expect(generated.length).toBeGreaterThan(200)
      expect(committed).toBe(generated)
    })
})
