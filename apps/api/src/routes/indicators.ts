import { IndicatorDefinition, Subsystem } from "@jiju/domain/model"
import { indicatorRepo } from "@jiju/store"
import { Schema } from "effect"
import { Hono } from "hono"
import type { AppEnv } from "../http/env.js"
import { checkIfMatch, etagOf } from "../http/etag.js"
import { PageQuery, paginate } from "../http/list.js"
import { problems } from "../http/problem.js"
import { jsonBody, queryParams } from "../http/validate.js"
import { actorOf, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"

/** Query of GET /v1/indicators. */
export const IndicatorListQuery = Schema.Struct({ ...PageQuery, subsystem: Schema.optional(Subsystem) })

/** The indicator catalogue: list, read, add, replace (If-Match). */
export const indicatorRoutes = (s: Services) =>
  new Hono<AppEnv>()
    .get("/", queryParams(IndicatorListQuery), async (c) => {
      requireRole(c)
      const q = c.req.valid("query")
      const all = (await s.indicators.list()).filter((i) => !q.subsystem || i.subsystem === q.subsystem)
      return c.json(paginate(all, q, { id: (i) => i.code, text: (i) => [i.code, i.zh, i.en], fields: ["code", "subsystem", "zh", "en"] }))
    })
    .get("/:code", async (c) => {
      requireRole(c)
      const ind = await s.indicators.get(c.req.param("code"))
      if (!ind) throw problems.notFound("indicator", c.req.param("code"))
      c.header("ETag", etagOf(ind))
      return c.json(ind)
    })
    .post("/", jsonBody(IndicatorDefinition, "indicator"), async (c) => {
      const who = requireRole(c, "admin")
      const def = c.req.valid("json")
      await s.db.transaction(async (tx) => {
        const repo = indicatorRepo(tx)
        if (await repo.get(def.code))
          throw problems.conflict("duplicate_id", `indicator ${def.code} exists`, `指标 ${def.code} 已存在`)
        await repo.upsert([def])
        await s.audit.record(tx, { actor: actorOf(who), entity: "indicator", entityId: def.code, action: "create", before: null, after: def })
      })
      s.catalogue.invalidate()
      c.header("ETag", etagOf(def))
      c.header("Location", `/v1/indicators/${def.code}`)
      return c.json(def, 201)
    })
    .put("/:code", jsonBody(IndicatorDefinition, "indicator"), async (c) => {
      const who = requireRole(c, "admin")
      const code = c.req.param("code")
      const def = c.req.valid("json")
      if (def.code !== code)
        throw problems.invalid("id_mismatch", `the body's code ${def.code} is not ${code}`, `请求体中的代码 ${def.code} 与路径 ${code} 不一致`, "code")
      await s.db.transaction(async (tx) => {
        await tx.query("select code from indicators where code = $1 for update", [code])
        const repo = indicatorRepo(tx)
        const before = await repo.get(code)
        if (!before) throw problems.notFound("indicator", code)
        checkIfMatch(c, etagOf(before))
        await repo.upsert([def])
        await s.audit.record(tx, { actor: actorOf(who), entity: "indicator", entityId: code, action: "update", before, after: def })
      })
      s.catalogue.invalidate()
      c.header("ETag", etagOf(def))
      return c.json(def)
    })
