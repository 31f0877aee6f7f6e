export * from "./caught.js"
export * from "./engines.js"
export * from "./template.js"
export * from "./zones.js"
