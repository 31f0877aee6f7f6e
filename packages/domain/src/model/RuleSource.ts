import * as Schema from "effect/Schema"
import { BilingualMessage } from "./Bilingual.js"
import type { Bilingual } from "./errors.js"

/**
 * Where a rule, a threshold, a weight or a default comes from:
 * - `document`: one of the source documents states it (file, 篇 or section, and the short Chinese quote);
 * - `practice`: practice outside the documents (another province's framework, a textbook method), offered as a
 *   labelled example;
 * - `default`: a choice Jiju makes where the documents are silent, to be confirmed before it decides a published
 *   result;
 * - `commission`: the commission's own configuration (a scheme file it wrote, an option it gave).
 */
export const SourceKind = Schema.Literals(["document", "practice", "default", "commission"])
export type SourceKind = typeof SourceKind.Type

/** The provenance of one rule, as every judgement document and API response carries it beside the rule. */
export const RuleSource = Schema.Struct({
  kind: SourceKind,
  /** The source document's file name (e.g. "002_5346310891de6d1c.txt"); null unless kind is "document". */
  document: Schema.NullOr(Schema.String),
  /** Where in the document (e.g. "篇10 二(一)4⑴"); null unless kind is "document". */
  section: Schema.NullOr(Schema.String),
  /** The document's own short wording, verbatim; null unless kind is "document". */
  quote: Schema.NullOr(Schema.String),
  /** What the source does not say, how it is read, or why a default was chosen. */
  note: Schema.NullOr(BilingualMessage),
})
export type RuleSource = typeof RuleSource.Type

/** The source documents by their short number, as file names (the seed texts the product was built from). */
export const sourceDocuments = {
  "000": { file: "000_16ad9c9629b227c4.txt", title: "做強做優產業集聚區思考與探索" },
  "001": { file: "001_810bd646562a92fe.txt", title: "全省产业集聚区建设工作会议（郭庚茂讲话报道）" },
  "002": { file: "002_5346310891de6d1c.txt", title: "集聚区范文10篇" },
  "003": { file: "003_7586426ca355d17b.txt", title: "大连、陕西、衡水产业集群指导意见；集中—集聚—集群" },
  "004": { file: "004_b718be197b9f8d5d.txt", title: "驻马店：围绕中心履职建言 助推产业集聚区发展" },
} as const

/** A source document's short number. */
export type SourceDocument = keyof typeof sourceDocuments

/**
 * A rule stated by a source document: its file, the section, the verbatim quote, and an optional note on how it
 * is read.
 * @example fromDocument("002", "篇10", "建筑面积1.4万平方米以上").kind // "document"
 */
export const fromDocument = (doc: SourceDocument, section: string, quote: string, note?: Bilingual): RuleSource => ({
  kind: "document",
  document: sourceDocuments[doc].file,
  section,
  quote,
  note: note ?? null,
})

/**
 * A rule from practice outside the documents, offered as a labelled example.
 * @example practice({ zh: "江苏做法", en: "Jiangsu's practice" }).kind // "practice"
 */
export const practice = (note: Bilingual): RuleSource => ({ kind: "practice", document: null, section: null, quote: null, note })

/**
 * A choice Jiju makes where the documents are silent ("Jiju default"); it needs confirmation before it decides a
 * published result.
 * @example jijuDefault({ zh: "等权重", en: "equal weights" }).kind // "default"
 */
export const jijuDefault = (note: Bilingual): RuleSource => ({ kind: "default", document: null, section: null, quote: null, note })

/**
 * The commission's own configuration (a scheme it wrote, an option it gave).
 * @example commission({ zh: "方案文件", en: "the scheme file" }).kind // "commission"
 */
export const commission = (note: Bilingual): RuleSource => ({ kind: "commission", document: null, section: null, quote: null, note })

/**
 * Whether a source still needs the commission's confirmation before it decides a published result: defaults and
 * outside practice do; the documents and the commission's own configuration do not.
 * @example needsConfirmation(jijuDefault({ zh: "等权重", en: "equal weights" })) // true
 */
export const needsConfirmation = (s: RuleSource): boolean => s.kind === "default" || s.kind === "practice"

/** The names of the source kinds, for "依据" lines. */
export const sourceKindNames: Record<SourceKind, Bilingual> = {
  document: { zh: "文件规定", en: "stated by the documents" },
  practice: { zh: "外部实践（示例）", en: "outside practice (example)" },
  default: { zh: "Jiju 默认（待确认）", en: "Jiju default (to be confirmed)" },
  commission: { zh: "委员会设定", en: "set by the commission" },
}

/**
 * A source as one "依据" line: the kind, and the document's section and quote or the note.
 * @example sourceLine(fromDocument("002", "篇10", "建筑面积1.4万平方米以上")).zh // "依据：文件规定 002 篇10「建筑面积1.4万平方米以上」"
 */
export const sourceLine = (s: RuleSource): Bilingual => {
  const doc = s.document === null ? "" : ` ${s.document.slice(0, 3)} ${s.section ?? ""}`.trimEnd()
  const quote = s.quote === null ? "" : `「${s.quote}」`
  const note = s.note === null ? "" : s.quote === null ? `：${s.note.zh}` : `（${s.note.zh}）`
  const noteEn = s.note === null ? "" : s.quote === null ? `: ${s.note.en}` : ` (${s.note.en})`
  return {
    zh: `依据：${sourceKindNames[s.kind].zh}${doc}${quote}${note}`,
    en: `Source: ${sourceKindNames[s.kind].en}${doc}${quote ? ` ${quote}` : ""}${noteEn}`,
  }
}

/** A rule as documents list it: a stable id, what it says, and where it comes from. */
export const AppliedRule = Schema.Struct({
  /** Stable id, e.g. "p8.reward_bands". */
  id: Schema.String,
  /** The rule in a sentence, both languages. */
  rule: BilingualMessage,
  source: RuleSource,
})
export type AppliedRule = typeof AppliedRule.Type
