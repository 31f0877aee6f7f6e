import { type InputError, inputError } from "../../model/errors.js"

/** An arithmetic expression as written inside a formula term, I(), or a function call. */
export type Expr =
  | { readonly kind: "num"; readonly value: number }
  | { readonly kind: "var"; readonly name: string }
  | { readonly kind: "call"; readonly fn: string; readonly args: ReadonlyArray<Expr> }
  | { readonly kind: "neg"; readonly arg: Expr }
  | { readonly kind: "bin"; readonly op: "+" | "-" | "*" | "/" | "^"; readonly left: Expr; readonly right: Expr }

/** One variable of the model: an expression and its label (the source text without spaces, e.g. "log(b)"). */
export interface Factor {
  readonly label: string
  readonly expr: Expr
}

/** A model term: a product of one or more factors; label "a" or "d:e". */
export interface Term {
  readonly label: string
  readonly factors: ReadonlyArray<Factor>
}

/** A parsed R-style formula `response ~ terms`. Terms are ordered as R orders them (by degree, then appearance). */
export interface Formula {
  readonly text: string
  readonly response: Factor
  readonly terms: ReadonlyArray<Term>
  readonly intercept: boolean
}

type Tok =
  | { readonly t: "id"; readonly v: string; readonly s: number; readonly e: number }
  | { readonly t: "num"; readonly v: number; readonly s: number; readonly e: number }
  | { readonly t: "op"; readonly v: string; readonly s: number; readonly e: number }

const syntax = (text: string, at: number, what: string, zhWhat: string): InputError =>
  inputError("formula_syntax", `Formula "${text}": ${what} at position ${at + 1}`, `公式“${text}”第 ${at + 1} 个字符处${zhWhat}`, { value: text })

const tokenize = (text: string): Tok[] => {
  const out: Tok[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (/\s/.test(ch)) {
      i++
      continue
    }
    if (ch === "`") {
      const end = text.indexOf("`", i + 1)
      if (end < 0) throw syntax(text, i, "unclosed backquote", "反引号未闭合")
      out.push({ t: "id", v: text.slice(i + 1, end), s: i, e: end + 1 })
      i = end + 1
      continue
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i))
    if (num) {
      out.push({ t: "num", v: Number(num[0]), s: i, e: i + num[0].length })
      i += num[0].length
      continue
    }
    const id = /^[\p{L}_.][\p{L}\p{N}_.]*/u.exec(text.slice(i))
    if (id) {
      out.push({ t: "id", v: id[0], s: i, e: i + id[0].length })
      i += id[0].length
      continue
    }
    if ("~+-*/^:(),".includes(ch)) {
      out.push({ t: "op", v: ch, s: i, e: i + 1 })
      i++
      continue
    }
    throw syntax(text, i, `unexpected character "${ch}"`, `出现意外字符“${ch}”`)
  }
  return out
}

// A set of terms at formula level (before ordering); keys are factor labels.
interface TermSet {
  readonly terms: ReadonlyArray<ReadonlyArray<string>>
  readonly intercept: 0 | 1 | null
}

const sameTerm = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => a.length === b.length && a.every((f) => b.includes(f))

const union = (a: ReadonlyArray<ReadonlyArray<string>>, b: ReadonlyArray<ReadonlyArray<string>>) => {
  const out = [...a]
  for (const t of b) if (!out.some((u) => sameTerm(u, t))) out.push(t)
  return out
}

const interact = (a: TermSet, b: TermSet): TermSet => {
  const terms: string[][] = []
  for (const x of a.terms)
    for (const y of b.terms) {
      const t = [...x]
      for (const f of y) if (!t.includes(f)) t.push(f)
      if (!terms.some((u) => sameTerm(u, t))) terms.push(t)
    }
  return { terms, intercept: null }
}

class Parser {
  pos = 0
  readonly factors = new Map<string, Factor>()
  constructor(
    readonly text: string,
    readonly toks: ReadonlyArray<Tok>,
  ) {}

  peek(): Tok | undefined {
    return this.toks[this.pos]
  }
  isOp(v: string): boolean {
    const t = this.peek()
    return t !== undefined && t.t === "op" && t.v === v
  }
  expect(v: string): Tok {
    const t = this.peek()
    if (t === undefined || t.t !== "op" || t.v !== v) throw syntax(this.text, t?.s ?? this.text.length, `expected "${v}"`, `应为“${v}”`)
    this.pos++
    return t
  }
  label(s: number, e: number): string {
    return this.text.slice(s, e).replace(/\s+/g, "")
  }

  // ---- arithmetic (inside calls and I(), and the response) ----
  arith(): Expr {
    let left = this.arithProduct()
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.toks[this.pos++]!.v as "+" | "-"
      left = { kind: "bin", op, left, right: this.arithProduct() }
    }
    return left
  }
  arithProduct(): Expr {
    let left = this.arithUnary()
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.toks[this.pos++]!.v as "*" | "/"
      left = { kind: "bin", op, left, right: this.arithUnary() }
    }
    return left
  }
  arithUnary(): Expr {
    if (this.isOp("-")) {
      this.pos++
      return { kind: "neg", arg: this.arithUnary() }
    }
    if (this.isOp("+")) {
      this.pos++
      return this.arithUnary()
    }
    return this.arithPower()
  }
  arithPower(): Expr {
    const base = this.arithAtom()
    if (this.isOp("^")) {
      this.pos++
      // Right-associative, binds tighter than unary minus on its left (as in R: -2^2 = -4).
      return { kind: "bin", op: "^", left: base, right: this.arithUnary() }
    }
    return base
  }
  arithAtom(): Expr {
    const t = this.peek()
    if (t === undefined) throw syntax(this.text, this.text.length, "unexpected end", "意外结束")
    if (t.t === "num") {
      this.pos++
      return { kind: "num", value: t.v }
    }
    if (t.t === "id") {
      this.pos++
      if (this.isOp("(")) return this.call(t.v)
      return { kind: "var", name: t.v }
    }
    if (t.v === "(") {
      this.pos++
      const e = this.arith()
      this.expect(")")
      return e
    }
    throw syntax(this.text, t.s, `unexpected "${t.v}"`, `出现意外的“${t.v}”`)
  }
  call(fn: string): Expr {
    this.expect("(")
    const args: Expr[] = []
    if (!this.isOp(")")) {
      args.push(this.arith())
      while (this.isOp(",")) {
        this.pos++
        args.push(this.arith())
      }
    }
    this.expect(")")
    return { kind: "call", fn, args }
  }

  // ---- formula level: + - * / : ^ on terms ----
  factor(s: number, expr: Expr): TermSet {
    const label = this.label(s, this.toks[this.pos - 1]!.e)
    if (!this.factors.has(label)) this.factors.set(label, { label, expr })
    return { terms: [[label]], intercept: null }
  }
  sum(): TermSet {
    let acc: TermSet = { terms: [], intercept: null }
    let first = true
    for (;;) {
      let sign: "+" | "-" = "+"
      if (this.isOp("+") || this.isOp("-")) sign = this.toks[this.pos++]!.v as "+" | "-"
      else if (!first) break
      first = false
      const b = this.product()
      if (sign === "+") acc = { terms: union(acc.terms, b.terms), intercept: b.intercept ?? acc.intercept }
      else
        acc = {
          terms: acc.terms.filter((t) => !b.terms.some((u) => sameTerm(u, t))),
          intercept: b.intercept === 1 ? 0 : b.intercept === 0 ? 1 : acc.intercept,
        }
      if (!(this.isOp("+") || this.isOp("-"))) break
    }
    return acc
  }
  product(): TermSet {
    let a = this.interaction()
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.toks[this.pos++]!.v
      const b = this.interaction()
      a =
        op === "*"
          ? { terms: union(union(a.terms, b.terms), interact(a, b).terms), intercept: a.intercept ?? b.intercept }
          : // a/b = a + a:b, where a:b interacts b with all factors of a together.
            {
              terms: union(a.terms, interact({ terms: [a.terms.flat()], intercept: null }, b).terms),
              intercept: a.intercept,
            }
    }
    return a
  }
  interaction(): TermSet {
    let a = this.power()
    while (this.isOp(":")) {
      this.pos++
      a = interact(a, this.power())
    }
    return a
  }
  power(): TermSet {
    const a = this.termAtom()
    if (this.isOp("^")) {
      const at = this.toks[this.pos]!.s
      this.pos++
      const t = this.peek()
      if (t === undefined || t.t !== "num" || !Number.isInteger(t.v) || t.v < 1)
        throw syntax(this.text, at, "formula power needs a positive integer (use I(x^2) for arithmetic)", "公式中的幂需为正整数（算术幂请写 I(x^2)）")
      this.pos++
      let acc = a
      for (let k = 1; k < t.v; k++) acc = { terms: union(acc.terms, interact(acc, a).terms), intercept: a.intercept }
      return acc
    }
    return a
  }
  termAtom(): TermSet {
    const t = this.peek()
    if (t === undefined) throw syntax(this.text, this.text.length, "unexpected end", "意外结束")
    if (t.t === "num") {
      this.pos++
      if (t.v === 0) return { terms: [], intercept: 0 }
      if (t.v === 1) return { terms: [], intercept: 1 }
      throw syntax(this.text, t.s, `a number in a formula must be 0 or 1 (use I(${t.v} * x))`, `公式中的数字只能是 0 或 1`)
    }
    if (t.t === "id") {
      this.pos++
      if (this.isOp("(")) return this.factor(t.s, this.call(t.v))
      return this.factor(t.s, { kind: "var", name: t.v })
    }
    if (t.v === "(") {
      this.pos++
      const inner = this.sum()
      this.expect(")")
      return inner
    }
    throw syntax(this.text, t.s, `unexpected "${t.v}"`, `出现意外的“${t.v}”`)
  }
}

/**
 * Parse an R-style formula. Supports functions (log, log10, log2, log1p, exp, sqrt, abs), I() arithmetic
 * (+ − * / ^), interactions `a:b`, crossing `a*b` (= a + b + a:b), nesting `a/b`, powers `(a+b)^2`,
 * `- 1` / `+ 0` for no intercept, and backquoted names for columns with spaces.
 * Throws InputError "formula_syntax" with the position of the problem.
 * @example
 * const f = parseFormula("log(y) ~ a*b + I(c^2) - 1")
 * f.terms.map((t) => t.label) // ["a", "b", "I(c^2)", "a:b"]
 * f.intercept // false
 */
export const parseFormula = (text: string): Formula => {
  const toks = tokenize(text)
  const tilde = toks.findIndex((t) => t.t === "op" && t.v === "~")
  if (tilde <= 0)
    throw inputError(
      "formula_syntax",
      `Formula "${text}" needs a response on the left of "~", e.g. "y ~ x1 + x2"`,
      `公式“${text}”需要在“~”左侧写出因变量，例如“y ~ x1 + x2”`,
      { value: text },
    )
  const lhs = new Parser(text, toks.slice(0, tilde))
  const responseExpr = lhs.arith()
  if (lhs.pos !== tilde) throw syntax(text, toks[lhs.pos]!.s, "unexpected token in the response", "因变量中出现意外符号")
  const response: Factor = { label: lhs.label(toks[0]!.s, toks[tilde - 1]!.e), expr: responseExpr }
  const rhs = new Parser(text, toks.slice(tilde + 1))
  if (rhs.toks.length === 0) throw syntax(text, text.length, 'no terms after "~"', "“~”后没有自变量")
  const set = rhs.sum()
  if (rhs.pos !== rhs.toks.length) {
    const t = rhs.toks[rhs.pos]!
    throw syntax(text, t.s, `unexpected "${t.t === "num" ? t.v : t.v}"`, `出现意外的“${t.v}”`)
  }
  // R orders factors inside a term by first appearance in the formula, and terms by degree (stable).
  const order = [...rhs.factors.keys()]
  const terms = set.terms
    .map((fs) => [...fs].sort((a, b) => order.indexOf(a) - order.indexOf(b)))
    .map((fs, i) => ({ fs, i }))
    .sort((a, b) => a.fs.length - b.fs.length || a.i - b.i)
    .map(({ fs }) => ({ label: fs.join(":"), factors: fs.map((f) => rhs.factors.get(f)!) }))
  return { text, response, terms, intercept: set.intercept !== 0 }
}

/**
 * Parse a bare arithmetic expression such as "log(x)" or "I(a / b)" (no "~").
 * @example parseExpression("log(gdp / pop)")
 */
export const parseExpression = (text: string): Factor => {
  const toks = tokenize(text)
  if (toks.length === 0) throw syntax(text, 0, "empty expression", "表达式为空")
  const p = new Parser(text, toks)
  const expr = p.arith()
  if (p.pos !== toks.length) throw syntax(text, toks[p.pos]!.s, "unexpected token", "出现意外符号")
  return { label: text.replace(/\s+/g, ""), expr }
}
