import { Region, RegionLevel } from "@jiju/domain/model"
import { regionRepo } from "@jiju/store"
import { Schema } from "effect"
import { Hono } from "hono"
import { ArchivedAtField, ArchivedQuery, archiveRoutes, type EntrySpec, guardedChange, shownEntry, withArchiveStates } from "../http/archive.js"
import type { AppEnv } from "../http/env.js"
import { etagOf } from "../http/etag.js"
import { PageQuery, paginate } from "../http/list.js"
import { problems } from "../http/problem.js"
import { jsonBody, queryParams } from "../http/validate.js"
import { actorOf, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"

/** A region as PUT and POST take it: the domain value (plus the `archivedAt` a client read, ignored). */
const RegionBody = Schema.Struct({ ...Region.fields, ...ArchivedAtField })

const regionEntry: EntrySpec<Region> = { table: "regions", entity: "region", get: (db, code) => regionRepo(db).get(code) }

/** Query of GET /v1/regions. */
export const RegionListQuery = Schema.Struct({
  ...PageQuery,
  ...ArchivedQuery,
  level: Schema.optional(RegionLevel),
  parent: Schema.optional(Schema.String),
})

/** Regions of the GB/T 2260 hierarchy: list, read, create, replace and archive (If-Match). */
export const regionRoutes = (s: Services) =>
  new Hono<AppEnv>()
    .get("/", queryParams(RegionListQuery), async (c) => {
      requireRole(c)
      const q = c.req.valid("query")
      const listed = await s.regions.list({
        ...(q.level ? { level: q.level } : {}),
        ...(q.parent ? { parent: q.parent } : {}),
      })
      const all = await withArchiveStates(s.db, "regions", listed, (r) => r.code, q.archived)
      return c.json(paginate(all, q, { id: (r) => r.code, text: (r) => [r.code, r.name, r.nameEn], fields: ["code", "name", "level"] }))
    })
    .get("/:code", async (c) => {
      requireRole(c)
      const region = await shownEntry(s.db, "regions", c.req.param("code"), s.regions.get)
      if (!region) throw problems.notFound("region", c.req.param("code"))
      c.header("ETag", etagOf(region))
      return c.json(region)
    })
    .post("/", jsonBody(RegionBody, "region"), async (c) => {
      const who = requireRole(c, "admin")
      const { archivedAt: _ignored, ...region } = c.req.valid("json")
      const created = await s.db.transaction(async (tx) => {
        const repo = regionRepo(tx)
        if (await repo.get(region.code)) throw problems.conflict("duplicate_id", `region ${region.code} exists`, `行政区划 ${region.code} 已存在`)
        if (region.parent !== null && !(await repo.get(region.parent)))
          throw problems.invalid("unknown_region", `unknown parent region ${region.parent}`, `未知的上级区划 ${region.parent}`, "parent")
        await repo.upsert([region])
        await s.audit.record(tx, { actor: actorOf(who), entity: "region", entityId: region.code, action: "create", before: null, after: region })
        return { ...region, archivedAt: null }
      })
      c.header("ETag", etagOf(created))
      c.header("Location", `/v1/regions/${created.code}`)
      return c.json(created, 201)
    })
    .put("/:code", jsonBody(RegionBody, "region"), async (c) => {
      const who = requireRole(c, "admin")
      const code = c.req.param("code")
      const { archivedAt: _ignored, ...region } = c.req.valid("json")
      if (region.code !== code)
        throw problems.invalid("id_mismatch", `the body's code ${region.code} is not ${code}`, `请求体中的代码 ${region.code} 与路径 ${code} 不一致`, "code")
      const saved = await guardedChange(s, c, who, regionEntry, code, "update", async (tx, before) => {
        await regionRepo(tx).upsert([region])
        const { archivedAt, ...plain } = before
        return { shown: { ...region, archivedAt }, before: plain, after: region }
      })
      c.header("ETag", etagOf(saved))
      return c.json(saved)
    })
    .route("/", archiveRoutes(s, regionEntry))
