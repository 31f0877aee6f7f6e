import { type DataTable, parseCsv, parseGeoJson, parseJsonRecords } from "@jiju/domain/io"
import { Schema } from "effect"
import { ApiProblem } from "../http/problem.js"

/** The data of an analysis: JSON records (`data`) or CSV text (`csv`), exactly one. */
export const DataInput = {
  /** One object per row, flat values (as a `.json` file given to the CLI). */
  data: Schema.optional(Schema.Array(Schema.Record(Schema.String, Schema.Unknown))),
  /** CSV text with a header row (as a `.csv` file given to the CLI). */
  csv: Schema.optional(Schema.String),
  /** A GeoJSON FeatureCollection (object or text), its properties as columns and its geometries kept. */
  geojson: Schema.optional(Schema.Unknown),
}

/**
 * The DataTable of an analysis request, read by the same domain parsers the CLI uses for `.json`
 * and `.csv` files, so that the same data give the same numbers.
 */
export const tableOf = (input: { data?: ReadonlyArray<Record<string, unknown>> | undefined; csv?: string | undefined; geojson?: unknown }): DataTable => {
  const given = [input.data, input.csv, input.geojson].filter((x) => x !== undefined).length
  if (given !== 1)
    throw new ApiProblem(
      422,
      "data_required",
      { en: "give the rows as exactly one of data (JSON records), csv (text) or geojson", zh: "请以 data（JSON 记录）、csv（文本）或 geojson 之一提供数据" },
      [{ field: "data", en: "exactly one of data, csv and geojson", zh: "data、csv 与 geojson 三选一" }],
    )
  if (input.geojson !== undefined) return parseGeoJson(typeof input.geojson === "string" ? input.geojson : JSON.stringify(input.geojson))
  return input.csv !== undefined ? parseCsv(input.csv) : parseJsonRecords(JSON.stringify(input.data))
}
