/**
 * The JSON casing of the HTTP contract: snake_case on the wire, camelCase in TypeScript. The conversion is
 * guided by the Schema, so that only struct fields are renamed: the keys of records (indicator codes, cluster
 * ids) are data and pass unchanged.
 */
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { inputError } from "../model/errors.js"

/**
 * A camelCase field name in snake_case.
 * @example snakeCase("plannedArea") // "planned_area"
 */
export const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

type SnakeKey<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Uppercase<H> ? (H extends Lowercase<H> ? H : `_${Lowercase<H>}`) : H}${SnakeKey<T>}`
  : S

/** A value's type as it travels: struct keys in snake_case, record keys and scalars unchanged. */
export type Snake<T> = T extends string | number | boolean | null | undefined | bigint | symbol
  ? T
  : T extends ReadonlyArray<infer U>
    ? ReadonlyArray<Snake<U>>
    : T extends object
      ? { [K in keyof T as K extends string ? SnakeKey<K> : K]: Snake<T[K]> }
      : T

type Direction = "out" | "in"

const memberTest = new WeakMap<AST.AST, (u: unknown) => boolean>()
const matches = (ast: AST.AST, v: unknown): boolean => {
  let test = memberTest.get(ast)
  if (!test) {
    test = Schema.is(Schema.make(ast)) as (u: unknown) => boolean
    memberTest.set(ast, test)
  }
  return test(v)
}

const walk = (ast: AST.AST, v: unknown, dir: Direction): unknown => {
  if (v === null || typeof v !== "object") return v
  switch (ast._tag) {
    case "Suspend":
      return walk(ast.thunk(), v, dir)
    case "Objects": {
      if (Array.isArray(v)) return v
      const out: Record<string, unknown> = {}
      const props = new Map<string, AST.PropertySignature>()
      for (const p of ast.propertySignatures) if (typeof p.name === "string") props.set(dir === "out" ? p.name : snakeCase(p.name), p)
      const index = ast.indexSignatures[0]
      for (const [k, x] of Object.entries(v)) {
        const p = props.get(k)
        if (p) out[dir === "out" ? snakeCase(k) : (p.name as string)] = walk(p.type, x, dir)
        else if (dir === "in" && !index && k !== snakeCase(k) && props.has(snakeCase(k)))
          // A camelCase field sent where the wire says snake_case: name the right spelling.
          throw inputError("wrong_case", `field "${k}" is written "${snakeCase(k)}"`, `字段“${k}”应写作“${snakeCase(k)}”`, { column: k, value: x })
        else out[k] = index ? walk(index.type, x, dir) : x // an excess key stays for the decoder to name
      }
      return out
    }
    case "Arrays": {
      if (!Array.isArray(v)) return v
      return v.map((x, i) => {
        const t = i < ast.elements.length ? ast.elements[i] : ast.rest[0]
        return t ? walk(t, x, dir) : x
      })
    }
    case "Union": {
      const objectish = ast.types.filter((t) => t._tag === "Objects" || t._tag === "Arrays" || t._tag === "Suspend" || t._tag === "Union")
      if (objectish.length === 0) return v
      if (objectish.length === 1) return walk(objectish[0]!, v, dir)
      // Several struct members: the one the value (or its converted form) belongs to.
      for (const t of objectish) {
        if (dir === "out" && matches(t, v)) return walk(t, v, dir)
        if (dir === "in") {
          const w = walk(t, v, dir)
          if (matches(t, w)) return w
        }
      }
      return walk(objectish[0]!, v, dir)
    }
    default:
      return v
  }
}

const encodedAst = new WeakMap<Schema.Top, AST.AST>()
const encodedOf = (schema: Schema.Top): AST.AST => {
  let a = encodedAst.get(schema)
  if (!a) {
    a = AST.toEncoded(schema.ast)
    encodedAst.set(schema, a)
  }
  return a
}

/**
 * An encoded value (camelCase) as it goes on the wire (snake_case), by its Schema.
 * @example toWire(Schema.Struct({ plannedArea: Schema.Number }), { plannedArea: 3 }) // { planned_area: 3 }
 */
export const toWire = (schema: Schema.Top, encoded: unknown): unknown => walk(encodedOf(schema), encoded, "out")

/**
 * A document as it is printed and answered: encoded by its Schema (which checks it and keeps only the fields the
 * Schema names), then in snake_case. `jiju … --json` and the API answer the same bytes for the same document.
 * @example wireDocument(Schema.Struct({ setId: Schema.String }), { setId: "hengshui" }) // { set_id: "hengshui" }
 */
export const wireDocument = <S extends Schema.Top>(schema: S, value: S["Type"]): unknown =>
  toWire(schema, Schema.encodeUnknownSync(schema as unknown as Schema.Codec<unknown, unknown>)(value))

/**
 * Wire JSON (snake_case) back to the encoded form a Schema decodes (camelCase). Keys the Schema does not know are
 * kept as they came, so that decoding names them as excess.
 * @example fromWire(Schema.Struct({ plannedArea: Schema.Number }), { planned_area: 3 }) // { plannedArea: 3 }
 */
export const fromWire = (schema: Schema.Top, json: unknown): unknown => walk(encodedOf(schema), json, "in")

/**
 * A field path as a wire client names it ("planning.0.approvedOn" → "planning.0.approved_on").
 * @example wirePath("financing.registeredCapital") // "financing.registered_capital"
 */
export const wirePath = (path: string): string => path.split(".").map(snakeCase).join(".")

type Json = Record<string, unknown>

const renameJsonSchema = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(renameJsonSchema)
  if (v === null || typeof v !== "object") return v
  const out: Json = {}
  for (const [k, x] of Object.entries(v as Json)) {
    if (k === "properties" && x && typeof x === "object" && !Array.isArray(x))
      out[k] = Object.fromEntries(Object.entries(x as Json).map(([p, s]) => [snakeCase(p), renameJsonSchema(s)]))
    else if (k === "required" && Array.isArray(x)) out[k] = x.map((p) => (typeof p === "string" ? snakeCase(p) : p))
    else out[k] = renameJsonSchema(x)
  }
  return out
}

/**
 * The JSON Schema (draft 2020-12) of a Schema's wire form: struct properties in snake_case, records unchanged.
 * `definitions` collects the named sub-schemas it refers to (`$ref: "#/$defs/…"`).
 * @example wireJsonSchema(Schema.Struct({ nameEn: Schema.String })).schema.properties // { name_en: { type: "string" } }
 */
export const wireJsonSchema = (schema: Schema.Top): { readonly schema: Json; readonly definitions: Json } => {
  const doc = Schema.toJsonSchemaDocument(schema as never) as { schema: Json; definitions?: Json }
  return { schema: renameJsonSchema(doc.schema) as Json, definitions: renameJsonSchema(doc.definitions ?? {}) as Json }
}
