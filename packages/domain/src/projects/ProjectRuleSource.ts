/**
 * Where a rule of the project register comes from. A commission publishes what the register flags, so every rule
 * names its source: a document and its section with the words it states, a rule the commission configured from
 * its own regulations, or Jiju's default, to be confirmed.
 */
import * as Schema from "effect/Schema"

/** document: a source document states it; local: a commission's own regulation, configured; default: Jiju's default. */
export const ProjectRuleSourceKind = Schema.Literals(["document", "local", "default"])
export type ProjectRuleSourceKind = typeof ProjectRuleSourceKind.Type

/** The source of one rule. */
export const ProjectRuleSource = Schema.Struct({
  kind: ProjectRuleSourceKind,
  /** The document and section ("seed 002 篇5 二", "某县工业园区管理办法 第八条"), or what the default is. */
  reference: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(300)),
  /** The source's own words (Chinese), when it is a document. */
  quote: Schema.NullOr(Schema.String.check(Schema.isMaxLength(1000))),
})
export type ProjectRuleSource = typeof ProjectRuleSource.Type

/**
 * A rule source that is Jiju's default, saying what it is.
 * @example projectDefault("reports are due on the Monday after the week").kind // "default"
 */
export const projectDefault = (reference: string): ProjectRuleSource => ({ kind: "default", reference: `Jiju default: ${reference}`, quote: null })

/**
 * A rule source in a document, with its words.
 * @example projectDocumentSource("seed 002 篇5 一", "西区主要安排固定资产投资500万元以上的劳动密集型项目").kind // "document"
 */
export const projectDocumentSource = (reference: string, quote: string): ProjectRuleSource => ({ kind: "document", reference, quote })

/**
 * A rule's source as one line of text, for messages.
 * @example projectSourceLine(projectDocumentSource("seed 002 篇5 一", "…")) // "seed 002 篇5 一: “…”"
 */
export const projectSourceLine = (s: ProjectRuleSource): string => (s.quote ? `${s.reference}: “${s.quote}”` : s.reference)
