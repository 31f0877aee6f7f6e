import { createHash } from "node:crypto"
import { type AssessmentScheme, type AssessmentSchemeJson, builtInSchemes, decodeScheme } from "@jiju/domain/assessment"
import { InputError } from "@jiju/domain/model"
import type { Db, Row } from "../db/Db.js"
import { isoTime } from "../repos/audit.js"

/** A scheme kept in the store (read from a file once, reusable by id). */
export interface StoredScheme {
  readonly id: string
  readonly name: { readonly zh: string; readonly en: string }
  readonly definition: AssessmentScheme
  readonly checksum: string
  readonly createdBy: string
  readonly createdAt: string
  readonly updatedAt: string
}

/**
 * A scheme's fingerprint: md5 of its JSON text with keys in a fixed order, so the same definition always gives
 * the same checksum whatever order the file listed its keys in.
 * @example schemeChecksum(henan2017Scheme).length // 32
 */
export const schemeChecksum = (scheme: AssessmentScheme | AssessmentSchemeJson): string => {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v
  return createHash("md5")
    .update(JSON.stringify(canonical(scheme)))
    .digest("hex")
}

const toScheme = (r: Row): StoredScheme => ({
  id: String(r.id),
  name: { zh: String(r.name), en: String(r.name_en) },
  // Stored definitions were checked when saved; decoding again restores the Schema's types.
  definition: decodeScheme(r.definition),
  checksum: String(r.checksum),
  createdBy: String(r.created_by),
  createdAt: isoTime(r.created_at),
  updatedAt: isoTime(r.updated_at),
})

/** Stored assessment schemes. Built-in schemes are never stored: their ids are reserved. */
export interface SchemeRepo {
  /**
   * Save (or replace) a checked scheme under its id. InputError "scheme_id_taken" when the id is a built-in
   * scheme's and the definition differs from it (the built-in's results would be mixed with another scheme's).
   */
  save(scheme: AssessmentScheme, actor?: string, tx?: Db): Promise<StoredScheme>
  get(id: string): Promise<StoredScheme | undefined>
  list(): Promise<ReadonlyArray<StoredScheme>>
}

/** Build the scheme repository over a database handle. */
export const schemeRepo = (db: Db): SchemeRepo => ({
  save: async (scheme, actor = "", tx) => {
    const checksum = schemeChecksum(scheme)
    const builtIn = builtInSchemes[scheme.id]
    if (builtIn && schemeChecksum(builtIn) !== checksum) {
      const en = `scheme id "${scheme.id}" belongs to a built-in scheme; give the modified scheme its own id`
      const zh = `方案编号“${scheme.id}”为内置方案所用；修改后的方案请另取编号`
      throw new InputError({ code: "scheme_id_taken", message: en, zh, issues: [{ column: "id", value: scheme.id, en, zh }] })
    }
    const [row] = await (tx ?? db).query(
      `insert into assessment_schemes (id, name, name_en, definition, checksum, created_by)
       values ($1, $2, $3, $4::jsonb, $5, $6)
       on conflict (id) do update set name = excluded.name, name_en = excluded.name_en, definition = excluded.definition,
         checksum = excluded.checksum, updated_at = case when assessment_schemes.checksum = excluded.checksum
           then assessment_schemes.updated_at else now() end
       returning *`,
      [scheme.id, scheme.name.zh, scheme.name.en, JSON.stringify(scheme), checksum, actor],
    )
    return toScheme(row!)
  },
  get: async (id) => {
    const [row] = await db.query("select * from assessment_schemes where id = $1", [id])
    return row ? toScheme(row) : undefined
  },
  list: async () => (await db.query("select * from assessment_schemes order by id")).map(toScheme),
})

/**
 * A scheme by id: a built-in one, else one stored earlier; undefined when neither.
 * @example const found = await findScheme(store.db, "henan-2017") // { scheme, from: "built_in" }
 */
export const findScheme = async (db: Db, id: string): Promise<{ scheme: AssessmentScheme; from: "built_in" | "stored" } | undefined> => {
  const builtIn = builtInSchemes[id]
  if (builtIn) return { scheme: builtIn, from: "built_in" }
  const stored = await schemeRepo(db).get(id)
  return stored ? { scheme: stored.definition, from: "stored" } : undefined
}
