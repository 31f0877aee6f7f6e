import type { Bilingual } from "@jiju/domain/model"

/** The dashboard's display language; `l` toggles it. */
export type Lang = "zh" | "en"

/** Pick the text of a bilingual pair. */
export const tr = (lang: Lang, b: Bilingual): string => (lang === "zh" ? b.zh : b.en)

/** A bilingual pair from two strings. */
export const bi = (zh: string, en: string): Bilingual => ({ zh, en })

// East Asian wide and fullwidth ranges: two terminal cells each.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/

/**
 * Terminal cells a string takes (CJK and fullwidth characters count 2).
 * @example displayWidth("郑州a") // 5
 */
export const displayWidth = (s: string): number => {
  let w = 0
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1
  return w
}

/**
 * Cut or pad a string to exactly `width` cells (an ellipsis marks a cut).
 * @example fit("郑州经济技术开发区", 8) // "郑州经…"  (7 cells + 1 space)
 */
export const fit = (s: string, width: number, align: "left" | "right" = "left"): string => {
  if (width <= 0) return ""
  let out = s
  if (displayWidth(s) > width) {
    out = ""
    let w = 0
    for (const ch of s) {
      const cw = WIDE.test(ch) ? 2 : 1
      if (w + cw > width - 1) break
      out += ch
      w += cw
    }
    out += "…"
  }
  const pad = " ".repeat(Math.max(0, width - displayWidth(out)))
  return align === "left" ? out + pad : pad + out
}

/**
 * Break a text into lines of at most `width` cells: at spaces in Latin text; Chinese text (no spaces) breaks between
 * any two characters.
 * @example wrapText("aa bb cc", 5) // ["aa bb", "cc"]
 */
export const wrapText = (s: string, width: number): string[] => {
  const out: string[] = []
  let line = ""
  let w = 0
  const put = (ch: string) => {
    const cw = WIDE.test(ch) ? 2 : 1
    if (w + cw > width) {
      out.push(line.trimEnd())
      line = ""
      w = 0
    }
    line += ch
    w += cw
  }
  for (const word of s.split(/(?<= )/)) {
    const ww = displayWidth(word.trimEnd())
    if (w + ww <= width) {
      line += word
      w += displayWidth(word)
    } else if (!WIDE.test(word) && ww <= width) {
      out.push(line.trimEnd())
      line = word
      w = displayWidth(word)
    } else for (const ch of word) put(ch)
  }
  if (line.trim() !== "") out.push(line.trimEnd())
  return out
}

/** A number with thousands separators and at most `digits` decimals. */
export const num = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 })

/** A rate as a signed percentage with an arrow: "▲6.1%", "▼2.0%". */
export const growthText = (g: number | null | undefined): string =>
  g === null || g === undefined || !Number.isFinite(g) ? "" : `${g >= 0 ? "▲" : "▼"}${Math.abs(g * 100).toFixed(1)}%`

/** A p-value for tables. */
export const pval = (p: number | null | undefined): string => (p === null || p === undefined ? "—" : p < 0.001 ? "<0.001" : p.toFixed(3))

const SPARKS = "▁▂▃▄▅▆▇█"

/**
 * A sparkline of the last `width` values.
 * @example sparkline([1, 2, 3]) // "▁▄█"
 */
export const sparkline = (values: ReadonlyArray<number>, width = 16): string => {
  const v = values.slice(-width)
  if (v.length === 0) return ""
  const lo = Math.min(...v)
  const hi = Math.max(...v)
  return v.map((x) => SPARKS[hi === lo ? 3 : Math.round(((x - lo) / (hi - lo)) * 7)]).join("")
}

/**
 * A horizontal bar of `width` cells filled to `share` (0–1, capped).
 * @example bar(0.5, 10) // "█████░░░░░"
 */
export const bar = (share: number, width: number): string => {
  const s = Math.max(0, Math.min(1, Number.isFinite(share) ? share : 0))
  const full = Math.round(s * width)
  return "█".repeat(full) + "░".repeat(width - full)
}

/** A rank change as "▲3", "▼2", "=" or "new". */
export const rankChangeMark = (change: number | null, previousRank: number | null, lang: Lang): string =>
  previousRank === null ? (lang === "zh" ? "新" : "new") : change === null ? "" : change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : "="

/** Stars as ★ characters ("0" for entry level, "—" when not rated). */
export const starsText = (stars: number | null | undefined): string =>
  stars === null || stars === undefined ? "—" : stars === 0 ? "0" : "★".repeat(Math.min(stars, 6))
