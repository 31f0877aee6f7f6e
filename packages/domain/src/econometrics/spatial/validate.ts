import { type Bilingual, InputError, type InputLocation } from "../../model/errors.js"
import type { Matrix } from "../linalg/Matrix.js"
import { type QR, qrDecompose } from "../linalg/qr.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"

/**
 * Check y, X, names and weights agree in size, are finite and X has full column rank; returns the QR
 * decomposition of X that showed the rank (`formed`, when the caller had it), for the fit to reuse. @internal
 */
export const validateRegression = (
  y: ArrayLike<number>,
  X: Matrix,
  names: ReadonlyArray<string>,
  weights: SpatialWeights | undefined,
  nExpected: number,
  formed?: QR,
): QR => {
  const issues: Array<InputLocation & Bilingual> = []
  if (y.length !== nExpected)
    issues.push({
      value: y.length,
      en: `y has ${y.length} values but the weights have ${nExpected} units`,
      zh: `y 有 ${y.length} 个值，而权重有 ${nExpected} 个单元`,
    })
  if (X.rows !== y.length) issues.push({ value: X.rows, en: `X has ${X.rows} rows, y has ${y.length}`, zh: `X 有 ${X.rows} 行，y 有 ${y.length} 个值` })
  if (names.length !== X.cols)
    issues.push({
      value: names.length,
      en: `${names.length} names for ${X.cols} columns of X`,
      zh: `X 有 ${X.cols} 列，但给出 ${names.length} 个名称`,
    })
  if (issues.length > 0) throw new InputError({ code: "dimension_mismatch", message: issues[0]!.en, zh: issues[0]!.zh, issues })
  for (let i = 0; i < y.length; i++)
    if (!Number.isFinite(y[i]!))
      issues.push({ row: i + 1, column: "y", value: y[i], en: `y is not a finite number in row ${i + 1}`, zh: `第 ${i + 1} 行 y 不是有限数值` })
  for (let i = 0; i < X.rows; i++)
    for (let j = 0; j < X.cols; j++) {
      const v = X.data[i * X.cols + j]!
      if (!Number.isFinite(v))
        issues.push({
          row: i + 1,
          column: names[j],
          value: v,
          en: `${names[j]} is not a finite number in row ${i + 1}`,
          zh: `第 ${i + 1} 行 ${names[j]} 不是有限数值`,
        })
    }
  if (issues.length > 0) throw new InputError({ code: "not_finite", message: issues[0]!.en, zh: issues[0]!.zh, issues: issues.slice(0, 100) })
  if (weights !== undefined && weights.ids.length !== weights.rowPtr.length - 1)
    throw new InputError({ code: "bad_weights", message: "weights: ids and rows differ in length", zh: "权重：ids 与行数不一致" })
  if (formed !== undefined && (formed.n !== X.rows || formed.p !== X.cols))
    throw new RangeError(`the QR decomposition given is of a ${formed.n}×${formed.p} matrix, X is ${X.rows}×${X.cols}`)
  const qr = formed ?? qrDecompose(X)
  if (qr.rank < X.cols) {
    const aliased = Array.from(qr.pivot.subarray(qr.rank), (j) => names[j]!)
    throw new InputError({
      code: "singular_design",
      message: `the explanatory variables are collinear: ${aliased.join(", ")} ${aliased.length > 1 ? "are" : "is"} aliased`,
      zh: `解释变量存在完全共线性：${aliased.join("、")} 被其他变量线性表示`,
      issues: aliased.map((column) => ({ column, en: `${column} is aliased`, zh: `${column} 与其他变量共线` })),
    })
  }
  return qr
}
