/**
 * Where a rule of the project register comes from, as the model's {@link RuleSource} states it for every rule of
 * Jiju: a source document with its section and words, the commission's own configuration (a zone's admission rule
 * from its own regulations is kind "commission"), outside practice, or Jiju's default, to be confirmed. The register
 * adds `reference`, the source as one line ("seed 002 篇5 一", "某县工业园区管理办法 第八条"), the field its first
 * JSON shape carried; that first shape (kind document | local | default, reference, quote) is still accepted on input
 * and read as the same source.
 */
import * as Schema from "effect/Schema"
import * as SchemaTransformation from "effect/SchemaTransformation"
import type { Bilingual } from "../model/errors.js"
import { RuleSource, type SourceDocument, sourceDocuments } from "../model/RuleSource.js"

/** The register's first shape of a source: document, a commission's local regulation, or Jiju's default, in one line. */
export const LegacyProjectRuleSource = Schema.Struct({
  kind: Schema.Literals(["document", "local", "default"]),
  reference: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(300)),
  quote: Schema.NullOr(Schema.String.check(Schema.isMaxLength(1000))),
})
export type LegacyProjectRuleSource = typeof LegacyProjectRuleSource.Type

/** A rule's source as the register keeps and answers it: the model's RuleSource and its one-line reference. */
export const CurrentProjectRuleSource = Schema.Struct({ ...RuleSource.fields, reference: Schema.String })
export type ProjectRuleSource = typeof CurrentProjectRuleSource.Type

// What a caller may send: the RuleSource (its reference is worked out when left out) or the first shape.
const ProjectRuleSourceInput = Schema.Union([Schema.Struct({ ...RuleSource.fields, reference: Schema.optional(Schema.String) }), LegacyProjectRuleSource])

const DOCUMENT_FILES = new Map<string, SourceDocument>(Object.entries(sourceDocuments).map(([n, d]) => [d.file, n as SourceDocument]))

/**
 * A source as one line: "seed 002 篇5 一" for a source document, the note for the commission's configuration or
 * outside practice, "Jiju default: …" for a default.
 * @example referenceOf(fromDocument("002", "篇5 一", "…")) // "seed 002 篇5 一"
 */
export const referenceOf = (s: RuleSource): string => {
  switch (s.kind) {
    case "document": {
      const n = s.document === null ? undefined : DOCUMENT_FILES.get(s.document)
      return [n === undefined ? s.document : `seed ${n}`, s.section].filter((x) => x !== null && x !== "").join(" ") || "document"
    }
    case "commission":
      return s.note?.zh || s.note?.en || "commission"
    case "practice":
      return s.note?.en || s.note?.zh || "practice"
    case "default":
      return `Jiju default: ${s.note?.en || s.note?.zh || ""}`.trimEnd()
  }
}

const noteOf = (text: string): Bilingual => ({ zh: text, en: text })

/**
 * A source in the register's first shape read as a RuleSource: "seed NNN section" becomes the document's file and
 * section, a local regulation the commission's configuration, a default Jiju's default; the one line is kept.
 * @example fromLegacySource({ kind: "local", reference: "某县园区管理办法 第八条", quote: null }).kind // "commission"
 */
export const fromLegacySource = (s: LegacyProjectRuleSource): ProjectRuleSource => {
  const base = { reference: s.reference, quote: s.quote }
  if (s.kind === "document") {
    const m = /^seed (\d{3}) (.+)$/.exec(s.reference)
    const doc = m && m[1]! in sourceDocuments ? sourceDocuments[m[1] as SourceDocument].file : null
    return doc !== null
      ? { ...base, kind: "document", document: doc, section: m![2]!, note: null }
      : { ...base, kind: "document", document: s.reference, section: null, note: null }
  }
  if (s.kind === "local") return { ...base, kind: "commission", document: null, section: null, note: noteOf(s.reference) }
  return { ...base, kind: "default", document: null, section: null, note: noteOf(s.reference.replace(/^Jiju default: /, "")) }
}

/**
 * A source as the register keeps it, from either input shape: a RuleSource gets its one-line reference, the first
 * shape is read by {@link fromLegacySource}.
 * @example projectRuleSource({ kind: "default", reference: "Jiju default: x", quote: null }).note // { zh: "x", en: "x" }
 */
export const projectRuleSource = (s: RuleSource | (RuleSource & { readonly reference?: string | undefined }) | LegacyProjectRuleSource): ProjectRuleSource =>
  "section" in s ? { ...s, reference: ("reference" in s && s.reference) || referenceOf(s) } : fromLegacySource(s)

/** The source of one rule: decodes either input shape into the RuleSource with its reference, and answers that. */
export const ProjectRuleSource = ProjectRuleSourceInput.pipe(
  Schema.decodeTo(
    CurrentProjectRuleSource,
    SchemaTransformation.transform<ProjectRuleSource, typeof ProjectRuleSourceInput.Type>({ decode: (s) => projectRuleSource(s), encode: (s) => s }),
  ),
)

/**
 * A rule source that is Jiju's default, saying what it is (English, and Chinese when given).
 * @example projectDefault("reports are due on the Monday after the week").kind // "default"
 */
export const projectDefault = (en: string, zh: string = en): ProjectRuleSource => ({
  kind: "default",
  document: null,
  section: null,
  quote: null,
  note: { zh, en },
  reference: `Jiju default: ${en}`,
})

/**
 * A rule source in a source document ("seed NNN section"), with its words.
 * @example projectDocumentSource("seed 002 篇5 一", "西区主要安排固定资产投资500万元以上的劳动密集型项目").document // "002_5346310891de6d1c.txt"
 */
export const projectDocumentSource = (reference: string, quote: string): ProjectRuleSource => fromLegacySource({ kind: "document", reference, quote })

/**
 * A rule the commission configured from its own regulation, named in one line.
 * @example projectCommissionSource("某县工业园区管理办法 第八条", null).kind // "commission"
 */
export const projectCommissionSource = (reference: string, quote: string | null): ProjectRuleSource => fromLegacySource({ kind: "local", reference, quote })

/**
 * A rule's source as one line of text, for messages.
 * @example projectSourceLine(projectDocumentSource("seed 002 篇5 一", "…")) // "seed 002 篇5 一: “…”"
 */
export const projectSourceLine = (s: ProjectRuleSource): string => (s.quote ? `${s.reference}: “${s.quote}”` : s.reference)
