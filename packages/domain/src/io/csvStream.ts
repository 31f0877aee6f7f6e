import { InputError } from "../model/errors.js"

/**
 * The fields of one CSV record as byte ranges of `bytes`: field j is bytes[start[j] … end[j]) with the
 * surrounding quotes removed; `quoted[j]` is 2 when the field holds doubled quotes ("") still to be undone
 * (see {@link fieldText}), 1 when it was quoted, 0 otherwise. Valid only during the callback.
 */
export interface CsvFields {
  readonly bytes: Uint8Array
  readonly count: number
  readonly start: Int32Array
  readonly end: Int32Array
  readonly quoted: Uint8Array
}

/** A CSV reader fed with chunks of bytes: see {@link csvRecordStream}. */
export interface CsvRecordStream {
  /** Feed the next chunk of the file (any size; records may straddle chunks). */
  push(chunk: Uint8Array): void
  /** End of input: the last record (without a final line break) is delivered. */
  end(): void
}

/**
 * Split CSV bytes into records without decoding them: each complete record is handed to `onRecord` as byte
 * ranges (RFC 4180 quoting, "" inside quotes, CRLF or LF line breaks, blank lines skipped), so that a
 * consumer can hash, compare or parse the few columns it needs and keep them in typed arrays — millions of
 * rows without a string per cell. Works on UTF-8 and on single- or double-byte encodings such as GB18030
 * whose bytes never collide with ',', '"', CR or LF. A UTF-8 byte order mark is skipped. `record` counts
 * records from 0 (the header is record 0). Throws InputError "csv_syntax" for an unterminated quote.
 * @example csvRecordStream(0x2c, (f, k) => console.log(k, f.count)).push(bytes)
 */
export const csvRecordStream = (delimiter: number, onRecord: (fields: CsvFields, record: number) => void): CsvRecordStream => {
  let carry = new Uint8Array(0)
  let record = 0
  let first = true
  let start = new Int32Array(64)
  let end = new Int32Array(64)
  let quoted = new Uint8Array(64)
  // Parse the complete records in buf[0 … limit); returns where the unfinished tail starts.
  const parse = (buf: Uint8Array, final: boolean): number => {
    let i = 0
    const n = buf.length
    if (first && n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3
    first = false
    for (;;) {
      const recordStart = i
      let count = 0
      let blank = true
      // Fields of one record.
      for (;;) {
        if (count === start.length) {
          const grow = (a: Int32Array) => {
            const b = new Int32Array(a.length * 2)
            b.set(a)
            return b
          }
          start = grow(start)
          end = grow(end)
          const q = new Uint8Array(quoted.length * 2)
          q.set(quoted)
          quoted = q
        }
        if (i < n && buf[i] === 0x22) {
          // Quoted field: up to the closing quote not followed by another quote.
          let j = i + 1
          let doubled = 0
          for (;;) {
            while (j < n && buf[j] !== 0x22) j++
            if (j >= n) {
              if (!final) return recordStart
              throw new InputError({
                code: "csv_syntax",
                message: `CSV syntax error in record ${record + 1}: a quoted field is not closed`,
                zh: `CSV 格式错误（第 ${record + 1} 条记录）：引号未闭合`,
                issues: [{ row: Math.max(1, record), en: "unclosed quote", zh: "引号未闭合" }],
              })
            }
            if (j + 1 < n && buf[j + 1] === 0x22) {
              doubled = 1
              j += 2
              continue
            }
            if (j + 1 >= n && !final) return recordStart
            break
          }
          start[count] = i + 1
          end[count] = j
          quoted[count] = doubled ? 2 : 1
          count++
          blank = false
          i = j + 1
        } else {
          const s = i
          while (i < n && buf[i] !== delimiter && buf[i] !== 0x0a && buf[i] !== 0x0d) i++
          if (i >= n && !final) return recordStart
          start[count] = s
          end[count] = i
          quoted[count] = 0
          if (i > s) blank = false
          count++
        }
        if (i < n && buf[i] === delimiter) {
          i++
          blank = false
          continue
        }
        break
      }
      // Line break (CRLF, LF or a lone CR) or end of input.
      if (i < n && buf[i] === 0x0d) {
        if (i + 1 >= n && !final) return recordStart
        i++
        if (i < n && buf[i] === 0x0a) i++
      } else if (i < n && buf[i] === 0x0a) i++
      else if (i < n) {
        // Text after a closing quote: take it as part of the record up to the line break (lenient, as papaparse).
        while (i < n && buf[i] !== 0x0a) i++
      }
      if (!(blank && count === 1)) {
        onRecord({ bytes: buf, count, start, end, quoted }, record)
        record++
      }
      if (i >= n) return n
    }
  }
  const push = (chunk: Uint8Array) => {
    let buf: Uint8Array
    if (carry.length === 0) buf = chunk
    else {
      buf = new Uint8Array(carry.length + chunk.length)
      buf.set(carry)
      buf.set(chunk, carry.length)
    }
    const tail = parse(buf, false)
    carry = buf.slice(tail)
  }
  const finish = () => {
    if (carry.length > 0) parse(carry, true)
    carry = new Uint8Array(0)
  }
  return { push, end: finish }
}

/**
 * The text of field j of a record, decoded with `decoder` (quotes undone).
 * @example fieldText(fields, 0, new TextDecoder())
 */
export const fieldText = (f: CsvFields, j: number, decoder: { decode(bytes: Uint8Array): string }): string => {
  const text = decoder.decode(f.bytes.subarray(f.start[j]!, f.end[j]!))
  return f.quoted[j] === 2 ? text.replaceAll('""', '"') : text
}
