/**
 * A WHERE clause joining conditions with AND, or nothing when there are none.
 * @example `select * from t ${whereClause(["a = $1", "b = $2"])}` // "select * from t where a = $1 and b = $2"
 */
export const whereClause = (conditions: ReadonlyArray<string>): string => (conditions.length ? `where ${conditions.join(" and ")}` : "")
