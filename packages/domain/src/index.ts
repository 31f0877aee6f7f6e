export * from "./model/index.js"
export * from "./io/index.js"
export * from "./econometrics/index.js"
export * from "./assessment/index.js"
