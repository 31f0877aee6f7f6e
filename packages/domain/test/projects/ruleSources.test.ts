import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { sourceDocuments, sourceLine } from "../../src/model/RuleSource.js"
import { southAreaExample, westAreaExample } from "../../src/projects/Admission.js"
import { derivedMethods } from "../../src/projects/DerivedIndicators.js"
import { halfYearStartsRule, idleRules, intensityRules, recoveryRule } from "../../src/projects/Findings.js"
import { referenceOf } from "../../src/projects/ProjectRuleSource.js"

const repo = join(dirname(fileURLToPath(import.meta.url)), "../../../..")
const seeds = [process.env.JIJU_SEEDS_DIR, join(repo, "../shared/seeds"), join(repo, "../../shared/seeds")].find(
  (d): d is string => d !== undefined && existsSync(join(d, sourceDocuments["002"].file)),
)

// Every rule of the project register that decides what it flags, by name.
const rules = [
  ["admission.south", southAreaExample.rules[0]!.source],
  ["admission.west", westAreaExample.rules[0]!.source],
  ["findings.recovery", recoveryRule],
  ["findings.half_year", halfYearStartsRule],
  ...Object.entries(idleRules).map(([k, s]) => [`findings.idle.${k}`, s] as const),
  ...Object.entries(intensityRules).map(([k, s]) => [`findings.intensity.${k}`, s] as const),
  ...Object.entries(derivedMethods).map(([k, m]) => [`derived.${k}`, m.source] as const),
] as const

describe("the project register's rule sources (the model's RuleSource)", () => {
  it("gives every rule a source of the model's shape, its one-line reference agreeing with it", () => {
    for (const [id, s] of rules) {
      expect(s.reference, id).toBe(referenceOf(s))
      if (s.kind === "document") {
        expect(s.document, id).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/)
        expect(s.section, id).not.toBeNull()
        expect(s.quote?.length ?? 0, id).toBeGreaterThan(2)
      } else {
        expect(s.kind, id).toBe("default")
        expect(s.document, id).toBeNull()
        expect(s.note?.zh.length ?? 0, id).toBeGreaterThan(0)
        expect(s.note?.en.length ?? 0, id).toBeGreaterThan(0)
      }
    }
  })

  it.runIf(seeds !== undefined)("quotes every document verbatim", () => {
    const text = new Map<string, string>(Object.values(sourceDocuments).map((d) => [d.file, readFileSync(join(seeds!, d.file), "utf8")]))
    const absent = rules.filter(([, s]) => s.kind === "document" && !text.get(s.document!)!.includes(s.quote!))
    expect(absent.map(([id, s]) => `${id}: ${s.quote}`)).toEqual([])
  })

  it("writes a source as the one 依据 line every rule of Jiju uses", () => {
    expect(sourceLine(southAreaExample.rules[0]!.source).zh).toBe("依据：文件规定 002 篇5 一「我县工业园区南区主要安排固定资产投资1000万元的高新技术项目」")
  })
})
