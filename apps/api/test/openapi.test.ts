import type { Db } from "@jiju/store"
import { describe, expect, it } from "vitest"
import { makeApp } from "../src/app.js"
import { operations } from "../src/openapi/operations.js"

// The description and the docs page need no database.
const noDb = {
  engine: "pglite",
  location: "none",
  query: async () => [],
  exec: async () => {},
  transaction: async (f: (tx: Db) => unknown) => f(noDb),
  close: async () => {},
} as unknown as Db
const app = makeApp({ db: noDb })

describe("OpenAPI description and reference page", () => {
  it("documents exactly the routes the app serves", () => {
    const served = new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`))
    const documented = new Set(operations.map((o) => `${o.method} ${o.path.replace(/^\/v1\/analyses\/(?!\{)[a-z]+$/, "/v1/analyses/{kind}")}`))
    expect([...served].filter((r) => !documented.has(r))).toEqual([])
    expect([...documented].filter((r) => !served.has(r))).toEqual([])
  })

  it("serves OpenAPI 3.1 with request schemas taken from the validating Schemas", async () => {
    const r = await app.request("/v1/openapi.json")
    expect(r.status).toBe(200)
    const doc = (await r.json()) as {
      openapi: string
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string
            requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> }
            parameters: Array<{ name: string; in: string }>
          }
        >
      >
    }
    expect(doc.openapi).toBe("3.1.0")
    const create = doc.paths["/v1/clusters"]!.post!
    expect(create.operationId).toBe("createCluster")
    const body = create.requestBody!.content["application/json"]!.schema
    expect(body.required).toEqual(expect.arrayContaining(["id", "name", "kind", "region", "plannedArea"]))
    expect(body.properties.kind).toEqual({ type: "string", enum: ["industrial", "modern_service", "financial", "shipping_logistics"] })
    const list = doc.paths["/v1/clusters"]!.get!
    expect(list.parameters.filter((p) => p.in === "query").map((p) => p.name)).toEqual(
      expect.arrayContaining(["q", "sort", "limit", "cursor", "region", "kind", "group", "archived"]),
    )
    const put = doc.paths["/v1/clusters/{id}"]!.put!
    expect(put.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["id", "If-Match"]))
  })

  it("serves a self-contained reference page listing every operation", async () => {
    const r = await app.request("/v1/docs")
    expect(r.headers.get("content-type")).toContain("text/html")
    const html = await r.text()
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/)
    for (const op of operations) expect(html).toContain(op.path)
  })

  it("answers unknown endpoints with a 404 problem", async () => {
    const r = await app.request("/v1/nothing-here", { headers: { "accept-language": "en" } })
    expect(r.status).toBe(404)
    expect(await r.json()).toMatchObject({ status: 404, code: "no_route", title: "Not found", errors: [] })
  })
})
