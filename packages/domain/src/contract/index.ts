/**
 * The HTTP contract of Jiju: every operation with the Schemas of its parameters, body and answer; the wire casing
 * (snake_case); the OpenAPI description and a typed client derived from them.
 *
 * @example
 * import { jijuApi, makeClient } from "@jiju/domain/contract"
 * const api = makeClient(jijuApi, { baseUrl: "http://127.0.0.1:8080" })
 */
export * from "./Accounts.js"
export * from "./AuditTrail.js"
export * from "./Client.js"
export * from "./Endpoint.js"
export * from "./JijuApi.js"
export * from "./Jobs.js"
export * from "./Observations.js"
export * from "./OpenApi.js"
export * from "./Page.js"
export * from "./Problem.js"
export * from "./Replacement.js"
export * from "./Wire.js"
