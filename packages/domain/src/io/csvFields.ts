/**
 * CSV text to records of field strings in one pass, for texts that keep strictly to RFC 4180; anything else is
 * reported as irregular and left to a full parser.
 */

const QUOTE = 34
const CR = 13
const LF = 10

/** What {@link splitCsvRecords} saw while splitting a text. */
export interface CsvSplit {
  /** The line break ending the records, or "" when the text is a single record. */
  readonly lineBreak: "" | "\n" | "\r\n"
  /** Some quoted field holds a carriage return. */
  readonly crInQuotes: boolean
}

/**
 * Split `text` into records and hand each to `onRecord` as `fields[0 … count)`. `fields` is reused from record
 * to record, so copy what must outlive the call; return false to stop. Records are what lies between line
 * breaks, as `split` would cut them: a blank line, and the end of a text that ends with a line break, each give a
 * record of one empty field. Fields are separated by `delimiter`; a field starting with `"` is quoted, `""` inside
 * it standing for one quote.
 *
 * Returns undefined, having stopped there, at anything irregular: a CR not followed by LF, both LF and CRLF line
 * breaks in one text, a `"` inside an unquoted field, anything but a delimiter, a line break or the end after a
 * closing quote, a quote left open. Also undefined when `onRecord` returns false or `delimiter` is not one
 * character other than `"`, CR and LF.
 * @example splitCsvRecords('a,"b ""c"""\n', ",", (f, n) => (console.log(f.slice(0, n)), true)) // ["a",'b "c"'] then [""]
 */
export const splitCsvRecords = (text: string, delimiter: string, onRecord: (fields: string[], count: number) => boolean): CsvSplit | undefined => {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\r" || delimiter === "\n") return undefined
  const d = delimiter.charCodeAt(0)
  const n = text.length
  const fields: string[] = []
  let count = 0
  // 0 until the first line break, then 1 for LF or 2 for CRLF.
  let lineBreak = 0
  let crInQuotes = false
  // The next delimiter, LF, CR and quote at or after the current field (n when there is none). indexOf does the
  // scanning: natively, where a loop over characters would run in the interpreter until the engine optimises it.
  let nextDelim = -1
  let nextLF = -1
  let nextCR = -1
  let nextQuote = -1
  let i = 0
  for (;;) {
    if (nextQuote < i) {
      nextQuote = text.indexOf('"', i)
      if (nextQuote < 0) nextQuote = n
    }
    if (nextCR < i) {
      nextCR = text.indexOf("\r", i)
      if (nextCR < 0) nextCR = n
    }
    let value: string
    // Just past the field; a regular text has a delimiter, a line break or its end there.
    let end: number
    if (nextQuote === i && i < n) {
      let from = i + 1
      let q = text.indexOf('"', from)
      value = ""
      while (q >= 0 && text.charCodeAt(q + 1) === QUOTE) {
        value += text.slice(from, q + 1)
        from = q + 2
        q = text.indexOf('"', from)
      }
      if (q < 0) return undefined
      value += text.slice(from, q)
      if (nextCR < q) crInQuotes = true
      end = q + 1
    } else {
      if (nextDelim < i) {
        nextDelim = text.indexOf(delimiter, i)
        if (nextDelim < 0) nextDelim = n
      }
      if (nextLF < i) {
        nextLF = text.indexOf("\n", i)
        if (nextLF < 0) nextLF = n
      }
      end = nextDelim
      if (nextLF < end) end = nextLF
      if (nextCR < end) end = nextCR
      if (nextQuote < end) return undefined
      value = text.slice(i, end)
    }
    fields[count++] = value
    if (end === n) {
      if (!onRecord(fields, count)) return undefined
      return { lineBreak: lineBreak === 0 ? "" : lineBreak === 1 ? "\n" : "\r\n", crInQuotes }
    }
    const c = text.charCodeAt(end)
    if (c === d) {
      i = end + 1
      continue
    }
    if (c === LF) {
      if (lineBreak === 2) return undefined
      lineBreak = 1
      i = end + 1
    } else if (c === CR && text.charCodeAt(end + 1) === LF) {
      if (lineBreak === 1) return undefined
      lineBreak = 2
      i = end + 2
    } else {
      return undefined
    }
    if (!onRecord(fields, count)) return undefined
    count = 0
  }
}
