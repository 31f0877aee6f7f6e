import { Schema } from "effect"
import { type Operation, operations } from "./operations.js"

type Json = Record<string, unknown>

// Effect emits local "#/$defs/X" references; in OpenAPI they live under components.schemas.
const relink = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(relink)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.entries(v).map(([k, x]) => [k, k === "$ref" && typeof x === "string" ? x.replace("#/$defs/", "#/components/schemas/") : relink(x)]),
        )
      : v

const jsonSchema = (schema: Schema.Top, defs: Json): Json => {
  const doc = Schema.toJsonSchemaDocument(schema as never) as { schema: Json; definitions?: Json }
  Object.assign(defs, relink(doc.definitions ?? {}))
  return relink(doc.schema) as Json
}

const problem = {
  type: "object",
  required: ["type", "title", "status", "detail", "code", "errors"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    code: { type: "string" },
    errors: { type: "array", items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } } },
  },
}

const operationObject = (op: Operation, defs: Json): Json => {
  const params: Json[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }))
  if (op.query?.fields)
    for (const [name, field] of Object.entries(op.query.fields)) params.push({ name, in: "query", required: false, schema: jsonSchema(field, defs) })
  if (op.ifMatch) params.push({ name: "If-Match", in: "header", required: true, schema: { type: "string" }, description: "The ETag you read" })
  params.push({ name: "Accept-Language", in: "header", required: false, schema: { type: "string" }, description: "zh (default) or en" })
  const responses: Json = {}
  for (const [status, description] of Object.entries(op.responses))
    responses[status] =
      Number(status) >= 400 ? { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } } : { description }
  return {
    operationId: op.id,
    tags: [op.tag],
    summary: `${op.summary.en} · ${op.summary.zh}`,
    description: `Access: ${op.access}`,
    parameters: params,
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, defs) } } } } : {}),
    responses,
    ...(op.access === "public" ? { security: [] } : {}),
  }
}

/**
 * The OpenAPI 3.1 description of the API, built from the Schemas the routes validate with.
 *
 * @example
 * const doc = openApiDocument() // doc.paths["/v1/clusters"].get.operationId === "listClusters"
 */
export const openApiDocument = (): Json => {
  const defs: Json = { Problem: problem }
  const paths: Record<string, Json> = {}
  for (const op of operations) {
    const item = paths[op.path] ?? {}
    item[op.method] = operationObject(op, defs)
    paths[op.path] = item
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Jiju API · 集聚 产业集聚区评估接口",
      version: "1",
      description: "Register of cluster zones, indicator observations, spatial econometrics and assessments. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: defs,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "jiju_session" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  }
}
