export { buildApi, makeApp, type AppDeps, type AppType } from "./app.js"
export { type ApiConfig, configFromEnv, defaultConfig } from "./config.js"
export { startServer, type RunningServer, type ServerOptions } from "./server.js"
export { makeClient, type ApiClient } from "./client.js"
