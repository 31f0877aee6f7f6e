export { type AppDeps, type AppType, buildApi, makeApp } from "./app.js"
export { type ApiClient, makeClient } from "./client.js"
export { type ApiConfig, configFromEnv, defaultConfig } from "./config.js"
