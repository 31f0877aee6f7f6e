import { hc } from "hono/client"
import type { AppType } from "./app.js"

/**
 * A typed client of the API for the web app and the CLI: paths, methods, bodies and responses come
 * from the server's routes.
 *
 * @example
 * const api = makeClient("http://127.0.0.1:8080", { headers: { authorization: `Bearer ${token}` } })
 * const res = await api.v1.clusters.$get({ query: { limit: "20" } })
 */
export const makeClient = (baseUrl: string, options?: Parameters<typeof hc>[1]) => hc<AppType>(baseUrl, options)

export type ApiClient = ReturnType<typeof makeClient>
export type { AppType }
