/** The service's own endpoints: liveness, readiness, the OpenAPI description and the reference page. */
import * as Schema from "effect/Schema"
import { endpoint } from "../Endpoint.js"

/** GET /health */
export const health = endpoint({
  id: "health",
  method: "get",
  path: "/health",
  tag: "service",
  summary: { zh: "存活检查", en: "Liveness" },
  access: "public",
  success: { status: 200, schema: Schema.Struct({ status: Schema.Literal("ok") }) },
  errors: [],
})

/** GET /ready */
export const ready = endpoint({
  id: "ready",
  method: "get",
  path: "/ready",
  tag: "service",
  summary: { zh: "就绪检查（数据库可用）", en: "Readiness (the database answers)" },
  access: "public",
  success: { status: 200, schema: Schema.Struct({ status: Schema.Literal("ready"), engine: Schema.Literals(["pglite", "postgres"]) }) },
  errors: [503],
})

/** GET /v1/openapi.json */
export const openapi = endpoint({
  id: "openapi",
  method: "get",
  path: "/v1/openapi.json",
  tag: "service",
  summary: { zh: "OpenAPI 3.1 接口说明", en: "The OpenAPI 3.1 description" },
  access: "public",
  success: { status: 200, schema: Schema.Record(Schema.String, Schema.Unknown) },
  errors: [],
})

/** GET /v1/docs */
export const docs = endpoint({
  id: "docs",
  method: "get",
  path: "/v1/docs",
  tag: "service",
  summary: { zh: "接口参考页", en: "The reference page" },
  access: "public",
  success: { status: 200, media: "text/html" },
  errors: [],
})

/** GET /v1/docs.js */
export const docsScript = endpoint({
  id: "docsScript",
  method: "get",
  path: "/v1/docs.js",
  tag: "service",
  summary: { zh: "接口参考页的脚本", en: "The reference page's script" },
  access: "public",
  success: { status: 200, media: "text/javascript" },
  errors: [],
})
