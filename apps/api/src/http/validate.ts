import { decodeOrThrow } from "@jiju/domain/model"
import type { Schema } from "effect"
import type { MiddlewareHandler } from "hono"
import type { AppEnv } from "./env.js"
import { ApiProblem, problems } from "./problem.js"

/**
 * Validate a JSON body with an Effect Schema: 401 without credentials (unless `anonymous`), 415 for
 * another media type, 400 for malformed JSON, 422 listing every field for a body that does not match. Routes read the decoded value with `c.req.valid("json")`.
 *
 * @example
 * app.post("/regions", jsonBody(Region, "region"), (c) => c.json(c.req.valid("json")))
 */
export const jsonBody =
  <S extends Schema.Top>(
    schema: S,
    what: string,
    opts: { anonymous?: boolean } = {},
  ): MiddlewareHandler<AppEnv, string, { in: { json: S["Encoded"] }; out: { json: S["Type"] } }> =>
  async (c, next) => {
    // Credentials first: an anonymous caller learns nothing about what a valid body looks like.
    if (!opts.anonymous && !c.get("principal")) throw problems.unauthorized()
    const type = c.req.header("content-type") ?? ""
    if (!/^application\/(.+\+)?json\b/i.test(type))
      throw new ApiProblem(415, "unsupported_media_type", {
        en: "send the body as application/json",
        zh: "请求体应为 application/json",
      })
    const text = await c.req.text()
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      throw new ApiProblem(400, "malformed_json", { en: "the body is not valid JSON", zh: "请求体不是有效的 JSON" })
    }
    c.req.addValidatedData("json", decodeOrThrow(schema, raw, what) as object)
    await next()
  }

/**
 * Validate the query string with a Schema over string values (convert numbers in the route).
 *
 * @example
 * app.get("/clusters", queryParams(ListQuery), (c) => c.json(c.req.valid("query")))
 */
export const queryParams =
  <S extends Schema.Top>(schema: S): MiddlewareHandler<AppEnv, string, { in: { query: S["Encoded"] }; out: { query: S["Type"] } }> =>
  async (c, next) => {
    c.req.addValidatedData("query", decodeOrThrow(schema, c.req.query(), "query") as object)
    await next()
  }
