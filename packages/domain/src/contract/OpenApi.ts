import type * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { accessText, type Contract, type Endpoint, isFileBody } from "./Endpoint.js"
import { ProblemDocument, statusTitles } from "./Problem.js"
import { snakeCase, wireJsonSchema } from "./Wire.js"

type Json = Record<string, unknown>

// Effect names shared sub-schemas "#/$defs/X"; OpenAPI keeps them under components.schemas.
const relink = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(relink)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.entries(v).map(([k, x]) => [k, k === "$ref" && typeof x === "string" ? x.replace("#/$defs/", "#/components/schemas/") : relink(x)]),
        )
      : v

const jsonSchema = (schema: Schema.Top, defs: Json): Json => {
  const doc = wireJsonSchema(schema)
  Object.assign(defs, relink(doc.definitions))
  return relink(doc.schema) as Json
}

// The fields of a struct Schema (path and query parameters), with whether each is required.
const fieldsOf = (schema: Schema.Top): ReadonlyArray<{ readonly name: string; readonly schema: Schema.Top; readonly required: boolean }> => {
  const ast = AST.toEncoded(schema.ast)
  if (ast._tag !== "Objects") return []
  return ast.propertySignatures.map((p) => ({
    name: String(p.name),
    schema: { ast: p.type } as Schema.Top,
    required: !AST.isOptional(p.type),
  }))
}

const operation = (e: Endpoint, defs: Json): Json => {
  const parameters: Json[] = []
  if (e.params) for (const f of fieldsOf(e.params)) parameters.push({ name: f.name, in: "path", required: true, schema: jsonSchema(f.schema, defs) })
  if (e.query)
    for (const f of fieldsOf(e.query)) parameters.push({ name: snakeCase(f.name), in: "query", required: f.required, schema: jsonSchema(f.schema, defs) })
  if (e.ifMatch) parameters.push({ name: "If-Match", in: "header", required: true, schema: { type: "string" }, description: "The ETag you read" })
  parameters.push({ name: "Accept-Language", in: "header", required: false, schema: { type: "string" }, description: "zh (default) or en" })
  const responses: Json = {}
  const ok = e.success
  responses[String(ok.status)] = {
    description: ok.status === 201 ? "Created" : ok.status === 202 ? "Accepted" : ok.status === 204 ? "No content" : "OK",
    ...(ok.schema ? { content: { "application/json": { schema: jsonSchema(ok.schema, defs) } } } : ok.media ? { content: { [ok.media]: {} } } : {}),
  }
  for (const status of e.errors)
    responses[String(status)] = {
      description: statusTitles[status]?.en ?? "Error",
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    }
  const body = e.body
  return {
    operationId: e.id,
    tags: [e.tag],
    summary: `${e.summary.en} · ${e.summary.zh}`,
    description: `Access: ${accessText[e.access].en} · 权限：${accessText[e.access].zh}`,
    parameters,
    ...(body === undefined
      ? {}
      : isFileBody(body)
        ? { requestBody: { required: true, content: Object.fromEntries(body.media.map((m) => [m, { schema: { type: "string", format: "binary" } }])) } }
        : { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body, defs) } } } }),
    responses,
    ...(e.access === "public" ? { security: [] } : {}),
  }
}

/**
 * The OpenAPI 3.1 description of a contract: every operation with its parameters, request and response Schemas
 * (in their wire form: snake_case), its access rule and its error statuses. Nothing is listed by hand.
 * @example openApiDocument(jijuApi).paths["/v1/regions/{code}"].get.operationId // "getRegion"
 */
export const openApiDocument = (contract: Contract): Json => {
  const defs: Json = {}
  const problem = jsonSchema(ProblemDocument, defs)
  const paths: Record<string, Json> = {}
  for (const e of Object.values(contract)) {
    const item = paths[e.path] ?? {}
    item[e.method] = operation(e, defs)
    paths[e.path] = item
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Jiju API · 集聚 产业集聚区评估接口",
      version: "1",
      description:
        "Register of cluster zones, indicator observations, spatial econometrics and assessments. JSON in snake_case; errors are RFC 9457 problem details with located issues {code, row, column, value, en, zh}.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { ...defs, Problem: problem },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "jiju_session" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  }
}
