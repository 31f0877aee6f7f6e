/**
 * A small, strict-enough XML reader for the parts of an .xlsx package (workbook, relationships, shared strings,
 * worksheets). Elements, attributes, text, CDATA, comments, processing instructions and the five predefined plus
 * numeric character entities. A DOCTYPE is skipped and never expanded, so entity-expansion attacks do nothing.
 * Element names are stored without their namespace prefix ("x:row" → "row"); attribute names keep theirs.
 */
import { InputError } from "../model/errors.js"

/** One element: local name, attributes as written, children (elements and text). */
export interface XmlElement {
  readonly name: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: ReadonlyArray<XmlElement | string>
}

const fail = (what: string, at: number): never => {
  const en = `Malformed XML in the workbook (${what} at character ${at})`
  const zh = `工作簿中的 XML 格式错误（${what}，位置 ${at}）`
  throw new InputError({ code: "invalid_xlsx", message: en, zh, issues: [{ en, zh }] })
}

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }

/**
 * Replace XML entity references in text: &lt; &gt; &amp; &quot; &apos; &#NN; &#xHH;. Unknown ones are kept as written.
 * @example decodeEntities("a &amp; b &#x4E2D;") // "a & b 中"
 */
export const decodeEntities = (s: string): string =>
  s.indexOf("&") < 0
    ? s
    : s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
        if (ref.charCodeAt(0) === 35) {
          const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10)
          return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
        }
        return NAMED[ref] ?? whole
      })

const localName = (qname: string): string => {
  const i = qname.indexOf(":")
  return i < 0 ? qname : qname.slice(i + 1)
}

const isNameChar = (c: number): boolean => c > 32 && c !== 47 /* / */ && c !== 62 /* > */ && c !== 61 /* = */ && c !== 34 && c !== 39

/** Callbacks of {@link scanXml}; element names are local names (prefix removed). */
export interface XmlHandler {
  readonly open: (name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean) => void
  readonly close: (name: string) => void
  /** Text (entities decoded) or CDATA content inside the root element. */
  readonly text: (text: string) => void
}

/**
 * Walk an XML document calling `handler` for each start tag, end tag and text run, checking that tags nest.
 * Used directly for worksheets (no tree of a million cells); {@link parseXml} builds a tree with it.
 * Throws InputError "invalid_xlsx" on malformed markup.
 * @example
 * const names: string[] = []
 * scanXml("<a><b/></a>", { open: (n) => names.push(n), close: () => {}, text: () => {} }) // names: ["a", "b"]
 */
export const scanXml = (text: string, handler: XmlHandler): void => {
  const stack: string[] = []
  const n = text.length
  let i = 0
  let sawRoot = false
  while (i < n) {
    const lt = text.indexOf("<", i)
    const end = lt < 0 ? n : lt
    if (end > i && stack.length > 0) handler.text(decodeEntities(text.slice(i, end)))
    if (lt < 0) break
    const c = text.charCodeAt(lt + 1)
    if (c === 63 /* ? */) {
      const close = text.indexOf("?>", lt + 2)
      if (close < 0) fail("unterminated processing instruction", lt)
      i = close + 2
    } else if (c === 33 /* ! */) {
      if (text.startsWith("<!--", lt)) {
        const close = text.indexOf("-->", lt + 4)
        if (close < 0) fail("unterminated comment", lt)
        i = close + 3
      } else if (text.startsWith("<![CDATA[", lt)) {
        const close = text.indexOf("]]>", lt + 9)
        if (close < 0) fail("unterminated CDATA", lt)
        if (stack.length > 0) handler.text(text.slice(lt + 9, close))
        i = close + 3
      } else {
        // <!DOCTYPE ...> possibly with an internal subset in [ ]: skipped, never expanded.
        let j = lt + 2
        let depth = 0
        while (j < n) {
          const ch = text.charCodeAt(j)
          if (ch === 91) depth++
          else if (ch === 93) depth--
          else if (ch === 62 && depth <= 0) break
          j++
        }
        if (j >= n) fail("unterminated declaration", lt)
        i = j + 1
      }
    } else if (c === 47 /* / */) {
      const close = text.indexOf(">", lt + 2)
      if (close < 0) fail("unterminated end tag", lt)
      const qname = text.slice(lt + 2, close).trim()
      if (stack.pop() !== qname) fail(`unexpected </${qname}>`, lt)
      handler.close(localName(qname))
      i = close + 1
    } else {
      // Start tag: name, attributes, optional self-closing slash.
      let j = lt + 1
      while (j < n && isNameChar(text.charCodeAt(j))) j++
      const qname = text.slice(lt + 1, j)
      if (qname === "") fail("empty tag name", lt)
      if (stack.length === 0 && sawRoot) fail("second root element", lt)
      const attrs: Record<string, string> = {}
      let selfClosing = false
      for (;;) {
        while (j < n && text.charCodeAt(j) <= 32) j++
        if (j >= n) fail("unterminated start tag", lt)
        const ch = text.charCodeAt(j)
        if (ch === 62) {
          j++
          break
        }
        if (ch === 47) {
          if (text.charCodeAt(j + 1) !== 62) fail("bad '/' in tag", j)
          selfClosing = true
          j += 2
          break
        }
        const a0 = j
        while (j < n && isNameChar(text.charCodeAt(j))) j++
        const aname = text.slice(a0, j)
        while (j < n && text.charCodeAt(j) <= 32) j++
        if (aname === "" || text.charCodeAt(j) !== 61) fail("bad attribute", j)
        j++
        while (j < n && text.charCodeAt(j) <= 32) j++
        const q = text.charCodeAt(j)
        if (q !== 34 && q !== 39) fail("unquoted attribute value", j)
        const qEnd = text.indexOf(q === 34 ? '"' : "'", j + 1)
        if (qEnd < 0) fail("unterminated attribute value", j)
        const value = decodeEntities(text.slice(j + 1, qEnd))
        // "__proto__" becomes a plain own key, never a prototype change.
        if (aname === "__proto__") Object.defineProperty(attrs, aname, { value, enumerable: true, writable: true, configurable: true })
        else attrs[aname] = value
        j = qEnd + 1
      }
      sawRoot = true
      const name = localName(qname)
      handler.open(name, attrs, selfClosing)
      if (selfClosing) handler.close(name)
      else stack.push(qname)
      i = j
    }
  }
  if (stack.length > 0) fail(`unclosed <${stack[stack.length - 1]}>`, n)
  if (!sawRoot) fail("no root element", 0)
}

/**
 * Parse an XML document and return its root element. Throws InputError "invalid_xlsx" on malformed markup.
 * @example parseXml('<a x="1"><b>t</b></a>').children // [{ name: "b", attrs: {}, children: ["t"] }]
 */
export const parseXml = (text: string): XmlElement => {
  type Open = { name: string; attrs: Readonly<Record<string, string>>; children: Array<XmlElement | string> }
  const top: Open = { name: "#document", attrs: {}, children: [] }
  const stack: Open[] = [top]
  scanXml(text, {
    open: (name, attrs) => {
      const el: Open = { name, attrs, children: [] }
      stack[stack.length - 1]!.children.push(el)
      stack.push(el)
    },
    close: () => {
      stack.pop()
    },
    text: (t) => {
      stack[stack.length - 1]!.children.push(t)
    },
  })
  return top.children[0] as XmlElement
}

/**
 * Child elements of `el` with local name `name`.
 * @example childrenNamed(parseXml("<r><c/><d/><c/></r>"), "c").length // 2
 */
export const childrenNamed = (el: XmlElement, name: string): XmlElement[] =>
  el.children.filter((x): x is XmlElement => typeof x !== "string" && x.name === name)

/**
 * First child element of `el` with local name `name`, or undefined.
 * @example childNamed(parseXml("<r><c>1</c></r>"), "c")?.children // ["1"]
 */
export const childNamed = (el: XmlElement, name: string): XmlElement | undefined =>
  el.children.find((x): x is XmlElement => typeof x !== "string" && x.name === name)

/**
 * Attribute by local name, whatever its prefix ("r:id" matches "id" when no plain "id" exists).
 * @example attr(parseXml('<sheet r:id="rId1"/>'), "id") // "rId1"
 */
export const attr = (el: XmlElement, name: string): string | undefined => {
  if (Object.hasOwn(el.attrs, name)) return el.attrs[name]
  for (const k of Object.keys(el.attrs)) if (localName(k) === name) return el.attrs[k]
  return undefined
}

/**
 * Concatenated text of an element's direct text children.
 * @example textOf(parseXml("<t>a<b/>c</t>")) // "ac"
 */
export const textOf = (el: XmlElement): string => {
  let s = ""
  for (const x of el.children) if (typeof x === "string") s += x
  return s
}

/**
 * Escape text for an XML text node or attribute value.
 * @example escapeXml('a<b & "c"') // "a&lt;b &amp; &quot;c&quot;"
 */
export const escapeXml = (s: string): string => s.replace(/[<>&"]/g, (ch) => (ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch === "&" ? "&amp;" : "&quot;"))
