export type * from "./DataTable.js"
