import { decodeOrThrow, IndicatorDefinition, indicatorCatalogue } from "@jiju/domain/model"
import type { Db, Row } from "../db/Db.js"

/** The indicator definitions known to this store (the built-in catalogue plus any added). */
export interface IndicatorRepo {
  list(): Promise<ReadonlyArray<IndicatorDefinition>>
  get(code: string): Promise<IndicatorDefinition | undefined>
  /** Insert or replace definitions. Returns how many were written. */
  upsert(defs: ReadonlyArray<IndicatorDefinition>): Promise<number>
  /** Add the built-in catalogue's indicators that are missing (existing definitions are kept). */
  ensureCatalogue(): Promise<number>
}

const COLUMNS = "code, zh, en, unit, unit_en, direction, subsystem, frequency, allow_negative, description"

/** A database row to a domain IndicatorDefinition. */
export const indicatorFromRow = (r: Row): IndicatorDefinition =>
  decodeOrThrow(
    IndicatorDefinition,
    {
      code: r.code,
      zh: r.zh,
      en: r.en,
      unit: r.unit,
      unitEn: r.unit_en,
      direction: r.direction,
      subsystem: r.subsystem,
      frequency: r.frequency,
      allowNegative: r.allow_negative,
      ...(r.description != null ? { description: r.description } : {}),
    },
    "indicator",
  )

const write = async (db: Db, defs: ReadonlyArray<IndicatorDefinition>, replace: boolean): Promise<number> => {
  if (defs.length === 0) return 0
  const rows = await db.query(
    `insert into indicators (${COLUMNS})
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::boolean[], $10::text[])
     ${
       replace
         ? `on conflict (code) do update set zh = excluded.zh, en = excluded.en, unit = excluded.unit,
              unit_en = excluded.unit_en, direction = excluded.direction, subsystem = excluded.subsystem,
              frequency = excluded.frequency, allow_negative = excluded.allow_negative, description = excluded.description`
         : "on conflict (code) do nothing"
     }
     returning code`,
    [
      defs.map((d) => d.code),
      defs.map((d) => d.zh),
      defs.map((d) => d.en),
      defs.map((d) => d.unit),
      defs.map((d) => d.unitEn),
      defs.map((d) => d.direction),
      defs.map((d) => d.subsystem),
      defs.map((d) => d.frequency),
      defs.map((d) => d.allowNegative),
      defs.map((d) => d.description ?? null),
    ],
  )
  return rows.length
}

/** Build the indicator repository over a database handle. */
export const indicatorRepo = (db: Db): IndicatorRepo => ({
  list: async () => (await db.query(`select ${COLUMNS} from indicators order by code`)).map(indicatorFromRow),
  get: async (code) => {
    const [row] = await db.query(`select ${COLUMNS} from indicators where code = $1`, [code])
    return row ? indicatorFromRow(row) : undefined
  },
  upsert: (defs) => write(db, defs, true),
  ensureCatalogue: () => write(db, indicatorCatalogue, false),
})
