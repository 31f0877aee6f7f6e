import type { Language } from "@jiju/domain/model"

/**
 * The response language from an Accept-Language header: English when the client prefers it over
 * Chinese, Chinese otherwise (the product's default).
 *
 * @example
 * languageOf("en-GB,en;q=0.9,zh;q=0.5") // "en"
 */
export const languageOf = (header: string | undefined): Language => {
  if (!header) return "zh"
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";")
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, i }
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  for (const r of ranked) {
    if (r.tag.startsWith("zh")) return "zh"
    if (r.tag.startsWith("en")) return "en"
  }
  return "zh"
}
