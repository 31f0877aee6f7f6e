import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { ruleRegister } from "../../src/assessment/RuleSources.js"
import { sourceDocuments, sourceLine } from "../../src/model/RuleSource.js"

const repo = join(dirname(fileURLToPath(import.meta.url)), "../../../..")

// The source documents live beside the repository (../shared/seeds, as the issues cite them) or where JIJU_SEEDS_DIR
// says; the quotes are checked against them when they are there.
const seeds = [process.env.JIJU_SEEDS_DIR, join(repo, "../shared/seeds"), join(repo, "../../shared/seeds")].find(
  (d): d is string => d !== undefined && existsSync(join(d, sourceDocuments["002"].file)),
)

describe("the rule register", () => {
  it("gives every rule a source of the right shape", () => {
    const ids = new Set<string>()
    for (const r of ruleRegister) {
      expect(ids.has(r.id), r.id).toBe(false)
      ids.add(r.id)
      if (r.source.kind === "document") {
        expect(r.source.document, r.id).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/)
        expect(r.source.section, r.id).not.toBeNull()
        expect(r.source.quote?.length ?? 0, r.id).toBeGreaterThan(2)
      } else {
        // A rule the documents lack says why, and cites no document.
        expect(r.source.document, r.id).toBeNull()
        expect(r.source.quote, r.id).toBeNull()
        expect(r.source.note?.zh.length ?? 0, r.id).toBeGreaterThan(0)
        expect(r.source.note?.en.length ?? 0, r.id).toBeGreaterThan(0)
      }
    }
  })

  it.runIf(seeds !== undefined)("quotes every document verbatim", () => {
    const text = new Map<string, string>(Object.values(sourceDocuments).map((d) => [d.file, readFileSync(join(seeds!, d.file), "utf8")]))
    const absent = ruleRegister.filter((r) => r.source.kind === "document" && !text.get(r.source.document!)!.includes(r.source.quote!))
    expect(absent.map((r) => `${r.id}: ${r.source.quote}`)).toEqual([])
  })

  it("is the provenance table of docs/assessment.md, row for row", () => {
    const doc = readFileSync(join(repo, "docs/assessment.md"), "utf8")
    const rows = [...doc.matchAll(/^\| `([a-z0-9_.]+)` \| (document|practice|default|commission) \|/gm)].map((m) => `${m[1]} ${m[2]}`)
    expect(rows).toEqual(ruleRegister.map((r) => `${r.id} ${r.source.kind}`))
  })

  it("writes a source as one 依据 line", () => {
    const r = ruleRegister.find((x) => x.id === "p10.cbd.revenue")!
    expect(sourceLine(r.source).zh).toBe("依据：文件规定 002 篇10 二(一)4⑴「年营业收入超过5.6亿元」")
    const d = ruleRegister.find((x) => x.id === "scheme.default.weights")!
    expect(sourceLine(d.source).en).toMatch(/^Source: Jiju default \(to be confirmed\): the documents give no weights/)
  })
})
