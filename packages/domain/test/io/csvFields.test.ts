import { describe, expect, it } from "vitest"
import { guessDelimiter, type ParseCsvOptions, parseCsv, parseCsvWithPapa, parseRegularCsv } from "../../src/io/csv.js"
import { splitCsvRecords } from "../../src/io/csvFields.js"
import { InputError } from "../../src/model/errors.js"

/** What a parse gives: the table with each row's key order, or the InputError's observable parts. */
const outcome = (parse: () => ReturnType<typeof parseCsv>): unknown => {
  try {
    const t = parse()
    return { columns: t.columns, rows: t.rows, keys: t.rows.map((r) => Object.keys(r)) }
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    return { code: e.code, message: e.message, zh: e.zh, issues: e.issues }
  }
}

/** parseCsv agrees with the papaparse-only path; returns whether the fast path took the text. */
const agrees = (text: string, opts: ParseCsvOptions = {}): boolean => {
  expect(
    outcome(() => parseCsv(text, opts)),
    JSON.stringify(text),
  ).toStrictEqual(outcome(() => parseCsvWithPapa(text, opts)))
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return parseRegularCsv(body, opts.delimiter ?? guessDelimiter(body)) !== undefined
}

/** Records as copied arrays, or undefined when the splitter declines. */
const records = (text: string, delimiter = ","): string[][] | undefined => {
  const out: string[][] = []
  const split = splitCsvRecords(text, delimiter, (fields, count) => {
    out.push(fields.slice(0, count))
    return true
  })
  return split === undefined ? undefined : out
}

const texts: ReadonlyArray<string> = [
  "",
  "\n",
  "\r\n",
  "   \n",
  "a,b",
  "a,b\n",
  "a,b\r\n",
  "a,b\n1,2",
  "a,b\n1,2\n",
  "a,b\r\n1,2\r\n3,4\r\n",
  "a,b\r\n1,2\r\n3,4",
  "a,b\n1,2\r\n3,4\r\n",
  "a,b\r\n1,2\n3,4\n",
  "a,b\r\n1,2\r\n3,4\n",
  "a,b\r1,2\r3,4\r",
  "a,b\n1,2\r3,4\n",
  "a,b\n1,2\r",
  "\n\na,b\n1,2\n",
  "a,b\n\n1,2\n\n\n3,4\n",
  "a,b\n1,2\n  \n3,4\n\t\n",
  "a,b\n1,2\n\n",
  '"a","b"\n"1","2"\n',
  '"a","b"\r\n"1","2"\r\n',
  'a,b\n"x ""y"" z",2\n',
  'a,b\n"""",""""""\n',
  'a,b\n"",2\n,\n',
  'a,b\n"line\nbreak",2\n',
  'a,b\r\n"line\r\nbreak",2\r\n',
  'a,b\n"cr\rinside",2\n',
  'a,b\r\n"lf\ninside",2\r\n',
  'a,b\n"1,5",2\n',
  'a,b\n1,"2"',
  'a,b\n1,"2',
  'a,b\n1,"2\n3,4\n',
  'a,b\n1,x"y\n',
  'a,b\n1,"x"y\n',
  'a,b\n1,"x" \n',
  'a,b\n"x"  ,2\n',
  '"a"b,c\n1,2\n',
  "a,b\n1,2,3\n",
  "a,b,c\n1,2\n",
  "a,b\n1\n",
  "a\n1\n\n2\n",
  "a\n1\n  \n",
  "a\n\n",
  "a\tb\n1\t2\n",
  "a;b\n1,5;2\n",
  "a|b\n1|2\r\n",
  "\uFEFFa,b\n1,2\n",
  "\uFEFF\uFEFFa,b\n1,2\n",
  "\uFEFF",
  "区,值\n郑州,1\n开封,“引号”\n",
  "代码,值\n0410,1e5\n-0, 12 \n",
  "x,y\n1.5e-3,-12.25\n007,0.50\n91410100MA3X,4101021234567890\n",
  "a,,c\n1,2,3\n",
  "a,b,a\n1,2,3\n",
  " a , b \n1,2\n",
  "__proto__,b\n1,2\n",
  ",\n1,2\n",
  "a,b\n,\n",
  '"a\nb",c\n1,2\n',
  '"a,"b"\n1,2\n',
  'a,b\n"1"\n"2",3\n',
]

describe("splitCsvRecords", () => {
  it("splits as RFC 4180, one empty record after a final line break", () => {
    expect(records('a,"b ""c"""\n')).toEqual([["a", 'b "c"'], [""]])
    expect(records('a,""\r\n,\r\n"x\r\ny",z')).toEqual([
      ["a", ""],
      ["", ""],
      ["x\r\ny", "z"],
    ])
    expect(records("a\n\nb")).toEqual([["a"], [""], ["b"]])
    expect(records("")).toEqual([[""]])
    expect(records("a;b|c", ";")).toEqual([["a", "b|c"]])
  })
  it("reports the line break and carriage returns inside quotes", () => {
    const noop = () => true
    expect(splitCsvRecords("a,b", ",", noop)).toEqual({ lineBreak: "", crInQuotes: false })
    expect(splitCsvRecords("a\nb\n", ",", noop)).toEqual({ lineBreak: "\n", crInQuotes: false })
    expect(splitCsvRecords('a\r\n"b\r"\r\n', ",", noop)).toEqual({ lineBreak: "\r\n", crInQuotes: true })
  })
  it("declines irregular text and unusable delimiters", () => {
    for (const t of ["a\rb", "a\r", "a\nb\r\n", "a\r\nb\n", 'a"b', '"a"b', '"a" ,b', '"a', 'a,"b""']) {
      expect(records(t), JSON.stringify(t)).toBeUndefined()
    }
    for (const d of ["", ",,", '"', "\n", "\r"]) expect(records("a,b", d)).toBeUndefined()
  })
  it("stops when the callback says so", () => {
    let seen = 0
    expect(splitCsvRecords("a\nb\nc\n", ",", () => ++seen < 2)).toBeUndefined()
    expect(seen).toBe(2)
  })
})

describe("parseCsv fast path", () => {
  it("answers plain files without papaparse", () => {
    expect(parseRegularCsv('id,name,gdp\n1,郑州,12.5\n2,"开封, 河南",\n', ",")).toEqual({
      columns: ["id", "name", "gdp"],
      rows: [
        { id: 1, name: "郑州", gdp: 12.5 },
        { id: 2, name: "开封, 河南", gdp: null },
      ],
    })
    expect(parseRegularCsv("a\tb\r\n1\t2\r\n", "\t")).toBeDefined()
  })
  it("leaves irregular text, errors and odd options to papaparse", () => {
    for (const t of ["", "a,b\n1\n", "a,,b\n1,2,3\n", "a,b\r1,2\r", 'a,b\n1,"2\n', "\uFEFFa\n1\n"]) {
      expect(parseRegularCsv(t, ","), JSON.stringify(t)).toBeUndefined()
    }
    expect(parseRegularCsv("a,b\n1,2\n", "\uFEFF")).toBeUndefined()
  })
  it("matches the papaparse path on hand-written texts", () => {
    let fast = 0
    for (const t of texts) if (agrees(t)) fast++
    // Both paths must be exercised for the comparison to mean something.
    expect(fast).toBeGreaterThan(25)
    expect(fast).toBeLessThan(texts.length - 20)
  })
  it("matches the papaparse path with given delimiters", () => {
    const cases: Array<[string, string]> = [
      ["a|b\n1|2\n", "|"],
      ["a;b\n1;2\n", ";"],
      ["a\tb\n1\t2\n", "\t"],
      ["a b\n1 2\n", " "],
      ['a b\n"1" 2\n', " "],
      ["a::b\n1::2\n", "::"],
      ["a,b\n1,2\n", ""],
      ['a"b\n1"2\n', '"'],
      ["a\nb\n", "\n"],
      ["a,b\n1,2\n", "\uFEFF"],
    ]
    for (const [t, d] of cases) agrees(t, { delimiter: d })
  })
  it("matches the papaparse path past papaparse's 1 MB line-break guess", () => {
    const pad = (n: number, eol: string) => Array.from({ length: n }, (_, i) => `${i},${"x".repeat(60)}${i % 97}`).join(eol) + eol
    const big = 1024 * 1024 + 10
    const lf = `a,b\n${pad(20_000, "\n")}`
    const crlf = `a,b\r\n${pad(20_000, "\r\n")}`
    expect(lf.length).toBeGreaterThan(big)
    expect(agrees(lf)).toBe(true)
    expect(agrees(crlf)).toBe(true)
    // Lone CRs in a quoted field across the 1 MB mark tip papaparse's guess to CR: it then reads "\ny" for "y".
    const straddle = `a,b\r\nx,2\r\ny,4\r\nz,"${"\r".repeat(10)}${"q".repeat(big)}"\r\n`
    expect(parseCsvWithPapa(straddle).rows[1]).toEqual({ a: "\ny", b: 4 })
    expect(agrees(straddle)).toBe(false)
    // LF text with a CR in a quoted field: declined past 1 MB, taken within it.
    expect(agrees(`a,b\n1,"x\r\ny"\n${pad(20_000, "\n")}`)).toBe(false)
    expect(agrees(`a,b\n1,"x\r\ny"\n${pad(100, "\n")}`)).toBe(true)
    // No CRLF before the 1 MB mark: declined.
    expect(agrees(`${"h".repeat(big)},b\r\n1,2\r\n`)).toBe(false)
  })
  it("matches the papaparse path on seeded random texts", () => {
    // mulberry32: small, seeded, the same sequence on every run.
    let seed = 0x5eed
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = seed
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(random() * xs.length)]!
    const chars = ["a", " ", "1", "0", "7", ",", ",", '"', "\n", "\r", ";", "-", "."]
    let fast = 0
    // Free-form strings, mostly irregular.
    for (let k = 0; k < 400; k++) {
      let t = ""
      const n = Math.floor(random() * 30)
      for (let i = 0; i < n; i++) t += pick(chars)
      if (agrees(t)) fast++
    }
    // Texts built from fields and records, mostly regular.
    const cells = ["a", "1", "0410", "-0", " 12 ", "", "1e5", "x y", '"q"', '""', '"a""b"', '"1,2"', '"l\nm"', '"c\r\nd"', "中"]
    for (let k = 0; k < 400; k++) {
      const width = 1 + Math.floor(random() * 3)
      const eol = random() < 0.5 ? "\n" : "\r\n"
      const delimiter = pick([",", ",", ";", "\t"])
      const lines: string[] = []
      const nRows = Math.floor(random() * 5)
      for (let r = 0; r <= nRows; r++) {
        const w = random() < 0.1 ? width + 1 : width
        const line = Array.from({ length: w }, (_, j) => (r === 0 ? pick([`h${j}`, `"h${j}"`, ` v${j} `]) : pick(cells))).join(delimiter)
        lines.push(random() < 0.1 ? "" : line)
      }
      let t = lines.join(eol) + (random() < 0.5 ? eol : "")
      if (random() < 0.1) t = (random() < 0.5 ? "\r" : "\n") + t
      if (random() < 0.05) t = "\uFEFF" + t
      if (agrees(t)) fast++
    }
    expect(fast).toBeGreaterThan(250)
  })
})
