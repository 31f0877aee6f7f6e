/** Jiju's HTTP adapter: the Hono app over the application core, and the server that serves it with the web app. */
export * from "./HttpApp.js"
export * from "./http/bind.js"
export * from "./http/Problem.js"
export * from "./JobWorker.js"
export * from "./Server.js"
