import { inputError } from "@jiju/domain/model"

/**
 * InputError "id_mismatch": a replace whose body names another entry than its path.
 * @example idMismatch("code", "410100", "410000").code // "id_mismatch"
 */
export const idMismatch = (field: string, inBody: string, inPath: string) =>
  inputError(
    "id_mismatch",
    `the body's ${field} ${inBody} is not ${inPath}`,
    `请求体中的${field === "code" ? "代码" : "编号"} ${inBody} 与路径 ${inPath} 不一致`,
    {
      column: field,
      value: inBody,
    },
  )
