import type * as Schema from "effect/Schema"
import { findIndicator } from "../model/catalogue.js"
import { decodeOrThrow } from "../model/decode.js"
import { type Bilingual, InputError, type InputLocation } from "../model/errors.js"
import { ahpWeights } from "./Ahp.js"
import { AssessmentScheme, StarLadder } from "./AssessmentScheme.js"

type Issue = InputLocation & Bilingual

const issue = (column: string, en: string, zh: string, value?: unknown): Issue => ({
  column,
  en: `${column}: ${en}`,
  zh: `${column}：${zh}`,
  ...(value === undefined ? {} : { value }),
})

/**
 * Rules a star ladder must follow beyond its shape: distinct ascending levels, thresholds that never fall.
 * Returns every problem, each naming its field under `prefix`; an empty array means the ladder is consistent.
 * @example starLadderIssues(serviceTwoZonesStarLadder) // []
 */
export const starLadderIssues = (ladder: StarLadder, prefix = "stars."): Issue[] => {
  const path = prefix.replace(/\.$/, "")
  const at = (rest: string) => (path ? `${path}.${rest}` : rest)
  const out: Issue[] = []
  const seen = new Set<number>()
  let prev = new Map(ladder.entry.map((t) => [t.indicator as string, t.min]))
  let prevName = "entry"
  ladder.levels.forEach((level, i) => {
    if (seen.has(level.stars)) out.push(issue(at(`levels.${i}.stars`), `${level.stars} stars appears twice`, `${level.stars} 星重复出现`, level.stars))
    seen.add(level.stars)
    if (i > 0 && level.stars <= ladder.levels[i - 1]!.stars)
      out.push(issue(at(`levels.${i}.stars`), "levels must be listed in ascending order of stars", "星级须按从低到高排列", level.stars))
    level.thresholds.forEach((t, j) => {
      const lower = prev.get(t.indicator)
      if (lower !== undefined && t.min < lower)
        out.push(
          issue(
            at(`levels.${i}.thresholds.${j}.min`),
            `${t.indicator} ${t.min} is below the ${prevName} threshold ${lower}; a higher level cannot ask for less`,
            `${t.indicator} ${t.min} 低于${prevName === "entry" ? "入门" : prevName}门槛 ${lower}，高星级要求不能更低`,
            t.min,
          ),
        )
    })
    prev = new Map([...prev, ...level.thresholds.map((t) => [t.indicator as string, t.min] as const)])
    prevName = `${level.stars}-star`
  })
  return out
}

// Effect's messages for this module's own checks and for tagged unions, made readable in both languages.
const clarify = (text: string, lang: "en" | "zh"): string => {
  const methods = [...text.matchAll(/"(?:method|kind)": "([a-z_]+)"/g)].map((m) => m[1])
  if (/Expected \{ readonly "(method|kind)"/.test(text) && methods.length > 0) {
    const head = text.slice(0, text.indexOf("Expected {"))
    return lang === "en" ? `${head}expected one of ${methods.join(", ")}` : `${head}应为以下之一：${methods.join("、")}`
  }
  if (lang === "zh") return text.replace("Expected a snake_case dimension id", "应为小写下划线格式的维度编号")
  return text
}

const decodeWithMessages = <S extends Schema.Top>(schema: S, input: unknown, what: string, whatZh: string): S["Type"] => {
  try {
    return decodeOrThrow(schema, input, what)
  } catch (e) {
    if (!(e instanceof InputError) || !e.issues) throw e
    const issues = e.issues.map((i) => ({ ...i, en: clarify(i.en, "en"), zh: clarify(i.zh, "zh") }))
    throw new InputError({
      code: e.code,
      message: `invalid ${what}: ${issues.map((i) => i.en).join("; ")}`,
      zh: `${whatZh}无效：${issues.map((i) => i.zh).join("；")}`,
      issues,
    })
  }
}

const fail = (what: string, whatZh: string, issues: ReadonlyArray<Issue>): never => {
  throw new InputError({
    code: "invalid_scheme",
    message: `invalid ${what}: ${issues.map((i) => i.en).join("; ")}`,
    zh: `${whatZh}无效：${issues.map((i) => i.zh).join("；")}`,
    issues,
  })
}

/**
 * Every problem of a decoded scheme that its Schema cannot see (repeated ids and codes, weights, …), naming the
 * field (zh + en); an empty array means the scheme is consistent.
 * @example schemeIssues(henan2017Scheme) // []
 */
export const schemeIssues = (s: AssessmentScheme): Issue[] => {
  const out: Issue[] = []
  const codes = new Map<string, string>()
  const dimIds = new Set<string>()
  s.dimensions.forEach((d, i) => {
    if (dimIds.has(d.id)) out.push(issue(`dimensions.${i}.id`, `dimension id "${d.id}" appears twice`, `维度编号 "${d.id}" 重复`, d.id))
    dimIds.add(d.id)
    d.indicators.forEach((ind, j) => {
      const at = `dimensions.${i}.indicators.${j}`
      const first = codes.get(ind.code)
      if (first) out.push(issue(`${at}.code`, `indicator "${ind.code}" is already used at ${first}`, `指标 "${ind.code}" 已在 ${first} 使用`, ind.code))
      else codes.set(ind.code, at)
      if (!findIndicator(ind.code) && ind.direction === undefined)
        out.push(
          issue(
            `${at}.direction`,
            `"${ind.code}" is not in the indicator catalogue; give its direction`,
            `"${ind.code}" 不在指标目录中，须注明方向 (positive/negative)`,
            ind.code,
          ),
        )
      if (s.weighting.method === "given" && ind.weight === null)
        out.push(issue(`${at}.weight`, 'a weight is required when weighting is "given"', "权重方法为 given 时须给出权重", null))
    })
  })
  if (s.weighting.method === "given") {
    const total = s.dimensions.flatMap((d) => d.indicators).reduce((a, x) => a + (x.weight ?? 0), 0)
    if (total <= 0 && out.length === 0) out.push(issue("dimensions", "the given weights are all zero", "给定权重全为零"))
  }
  if (s.weighting.method === "ahp") {
    const k = s.weighting.level === "indicators" ? codes.size : s.dimensions.length
    const m = s.weighting.matrix
    if (m.length !== k || m.some((r) => r.length !== k))
      out.push(
        issue(
          "weighting.matrix",
          `must be ${k} × ${k} (one row and column per ${s.weighting.level === "indicators" ? "indicator" : "dimension"}, in scheme order)`,
          `须为 ${k} × ${k} 矩阵（每个${s.weighting.level === "indicators" ? "指标" : "维度"}一行一列，按方案顺序）`,
        ),
      )
    else
      try {
        ahpWeights(m, "weighting.matrix")
      } catch (e) {
        if (e instanceof InputError)
          out.push(...(e.issues ?? [{ column: "weighting.matrix", en: e.message, zh: e.zh }]).map((x) => ({ ...x, column: "weighting.matrix" })))
        else throw e
      }
  }
  if (s.weighting.method === "entropy" && s.normalisation.method === "zscore")
    out.push(
      issue(
        "weighting.method",
        "entropy weights need non-negative normalised values: use minmax, shifted or base_relative, not zscore",
        "熵值法要求标准化值非负：请用 minmax、shifted 或 base_relative，不能用 zscore",
      ),
    )
  if (s.normalisation.method === "shifted" && s.normalisation.range && !(s.normalisation.range[0] < s.normalisation.range[1]))
    out.push(issue("normalisation.range", "must satisfy lower < upper", "须满足下限 < 上限", s.normalisation.range))
  const vetoIds = new Set<string>()
  s.veto.forEach((v, i) => {
    if (vetoIds.has(v.id)) out.push(issue(`veto.${i}.id`, `veto rule id "${v.id}" appears twice`, `否决规则编号 "${v.id}" 重复`, v.id))
    vetoIds.add(v.id)
  })
  if (s.stars) out.push(...starLadderIssues(s.stars))
  return out
}

/**
 * Decode a scheme from JSON (or any unknown value) and check its internal consistency. Every problem is
 * reported at once with its field path, in English and Chinese.
 *
 * @throws InputError `invalid_value` (shape: a missing key, a wrong type, an unknown method) or
 *   `invalid_scheme` (consistency: weights missing under `given`, an AHP matrix of the wrong size or not
 *   reciprocal, a star ladder whose thresholds fall, duplicate codes).
 * @example decodeScheme(JSON.parse(text)).dimensions.length
 */
export const decodeScheme = (input: unknown): AssessmentScheme => {
  const scheme = decodeWithMessages(AssessmentScheme, input, "scheme", "评价方案")
  const issues = schemeIssues(scheme)
  return issues.length > 0 ? fail("scheme", "评价方案", issues) : scheme
}

/**
 * Decode a stand-alone star ladder (e.g. read from a JSON file) and check that its levels ascend and its
 * thresholds never fall.
 * @throws InputError `invalid_value` or `invalid_scheme` naming the field.
 * @example decodeStarLadder(JSON.parse(text)).levels.length
 */
export const decodeStarLadder = (input: unknown): StarLadder => {
  const ladder = decodeWithMessages(StarLadder, input, "star ladder", "星级标准")
  const issues = starLadderIssues(ladder, "")
  return issues.length > 0 ? fail("star ladder", "星级标准", issues) : ladder
}
