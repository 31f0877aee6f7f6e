/** A cell read from a file: numbers stay numbers, blanks become null. */
export type Cell = string | number | boolean | null

/** A geometry carried with a row (GeoJSON coordinates, WGS84 or any planar system). */
export type Geometry =
  | { readonly type: "Point"; readonly coordinates: readonly [number, number] }
  | { readonly type: "Polygon"; readonly coordinates: ReadonlyArray<ReadonlyArray<readonly [number, number]>> }
  | {
      readonly type: "MultiPolygon"
      readonly coordinates: ReadonlyArray<ReadonlyArray<ReadonlyArray<readonly [number, number]>>>
    }

/**
 * A rectangular table as read from CSV, XLSX, JSON or GeoJSON.
 * `rows[i][column]` is the cell; `geometry[i]` is the row's geometry when the source had one.
 * Row numbers in error messages are 1-based data rows (the header is row 1 in a spreadsheet, so data row i is line i + 1).
 */
export interface DataTable {
  /** Column names in file order (header names, trimmed and unique). */
  readonly columns: ReadonlyArray<string>
  /** Data rows, 0-based in the array; error messages call `rows[i]` data row i + 1. */
  readonly rows: ReadonlyArray<Readonly<Record<string, Cell>>>
  /** One geometry per row (same index as `rows`), present only when the source had geometries (GeoJSON). */
  readonly geometry?: ReadonlyArray<Geometry | null>
}
