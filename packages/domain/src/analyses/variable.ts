import { evaluateExpression } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { numericColumn } from "../io/index.js"
import { inputError } from "../model/errors.js"

/**
 * The analysed variable: a column name, or an expression such as log(gdp) or I(sid / births).
 * A missing value is an error naming the row and id (Moran's I needs every unit).
 * @example variableValues(table, "log(CRIME)", ids)
 */
export const variableValues = (table: DataTable, expr: string, ids: ReadonlyArray<string>): Float64Array => {
  const x = table.columns.includes(expr) ? numericColumn(table, expr) : evaluateExpression(table, expr)
  const bad = x.findIndex((v) => !Number.isFinite(v))
  if (bad >= 0)
    throw inputError(
      "missing_value",
      `var "${expr}" has no value in data row ${bad + 1} (id "${ids[bad]}"); every unit needs one`,
      `变量“${expr}”在第 ${bad + 1} 行（编号 ${ids[bad]}）缺少数值；每个单元都需要数值`,
      { row: bad + 1, column: expr },
    )
  return x
}
