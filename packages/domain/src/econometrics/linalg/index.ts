export * from "./Matrix.js"
