/**
 * The tokens of a weights file as positions in its text, line by line, without a string per token: a GAL file
 * of 250,000 grid cells has two million neighbour tokens, and making each a string (then an index) took most of
 * its reading time. Lines and whitespace are those of {@link tokenLines} (CRLF, CR or LF; a leading BOM
 * removed; whitespace as `String.prototype.trim` and `/\s/` see it), so readers built on either agree line for
 * line and token for token.
 * @internal
 */
export interface TokenSpans {
  /** The text scanned (without its BOM). */
  readonly text: string
  /** Number of lines. */
  readonly lines: number
  /** Tokens of line l are first[l] … first[l + 1] − 1. */
  readonly first: Int32Array
  /** Token t is text[start[t], end[t]). */
  readonly start: Int32Array
  readonly end: Int32Array
}

// Whitespace inside a line: ASCII space, tab, VT and FF, and every other character /\s/ matches (NBSP, U+3000, …).
const otherSpace = /\s/
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 11 || c === 12 || (c > 127 && otherSpace.test(String.fromCharCode(c)))

/**
 * Scan text into {@link TokenSpans}.
 * @internal
 * @example scanTokens("0 2\r\n1 1\n").first // Int32Array [0, 2, 4, 4]
 */
export const scanTokens = (source: string): TokenSpans => {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const len = text.length
  let capacity = Math.max(16, len >> 2)
  let start = new Int32Array(capacity)
  let end = new Int32Array(capacity)
  const firstOf: number[] = [0]
  let count = 0
  let i = 0
  while (i < len) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13) {
      firstOf.push(count)
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1
      continue
    }
    if (isSpace(c)) {
      i++
      continue
    }
    const s = i++
    for (; i < len; i++) {
      const d = text.charCodeAt(i)
      if (d === 10 || d === 13 || isSpace(d)) break
    }
    if (count === capacity) {
      capacity *= 2
      const grownStart = new Int32Array(capacity)
      const grownEnd = new Int32Array(capacity)
      grownStart.set(start)
      grownEnd.set(end)
      start = grownStart
      end = grownEnd
    }
    start[count] = s
    end[count++] = i
  }
  // The text after the last line end is a line too (possibly empty), as String.split gives it.
  firstOf.push(count)
  return { text, lines: firstOf.length - 1, first: Int32Array.from(firstOf), start: start.subarray(0, count), end: end.subarray(0, count) }
}

/**
 * Token t as a string.
 * @internal
 * @example tokenText(scanTokens("a bc"), 1) // "bc"
 */
export const tokenText = (spans: TokenSpans, t: number): string => spans.text.slice(spans.start[t]!, spans.end[t]!)

/**
 * The tokens of line l as strings.
 * @internal
 * @example lineTokens(scanTokens("a b\nc"), 0) // ["a", "b"]
 */
export const lineTokens = (spans: TokenSpans, l: number): string[] => {
  const out: string[] = []
  if (l >= spans.lines) return out
  for (let t = spans.first[l]!; t < spans.first[l + 1]!; t++) out.push(tokenText(spans, t))
  return out
}

/**
 * text[start, end) read as a decimal of at most 15 digits without a leading zero (as String writes a whole
 * number), or −1: how numbered ids are matched, in a string or in a file's text.
 * @internal
 * @example decimalText("a 012", 2, 5) // -1
 */
export const decimalText = (text: string, start: number, end: number): number => {
  const len = end - start
  if (len === 0 || len > 15 || (len > 1 && text.charCodeAt(start) === 48)) return -1
  let v = 0
  for (let k = start; k < end; k++) {
    const d = text.charCodeAt(k) - 48
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}

/**
 * Token t as {@link decimalText} reads it.
 * @internal
 * @example tokenDecimal(scanTokens("12 012"), 1) // -1
 */
export const tokenDecimal = (spans: TokenSpans, t: number): number => decimalText(spans.text, spans.start[t]!, spans.end[t]!)
