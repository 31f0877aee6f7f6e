import { IndicatorDefinition, Subsystem } from "@jiju/domain/model"
import { indicatorRepo } from "@jiju/store"
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

/** A indicator as PUT and POST take it: the domain value (plus the `archivedAt` a client read, ignored). */
const IndicatorDefinitionBody = Schema.Struct({ ...IndicatorDefinition.fields, ...ArchivedAtField })

const indicatorEntry: EntrySpec<IndicatorDefinition> = { table: "indicators", entity: "indicator", get: (db, code) => indicatorRepo(db).get(code) }

/** Query of GET /v1/indicators. */
export const IndicatorListQuery = Schema.Struct({ ...PageQuery, ...ArchivedQuery, subsystem: Schema.optional(Subsystem) })

/** The indicator catalogue: list, read, add, replace and archive (If-Match). */
export const indicatorRoutes = (s: Services) =>
  new Hono<AppEnv>()
    .get("/", queryParams(IndicatorListQuery), async (c) => {
      requireRole(c)
      const q = c.req.valid("query")
      const listed = (await s.indicators.list()).filter((i) => !q.subsystem || i.subsystem === q.subsystem)
      const all = await withArchiveStates(s.db, "indicators", listed, (i) => i.code, q.archived)
      return c.json(paginate(all, q, { id: (i) => i.code, text: (i) => [i.code, i.zh, i.en], fields: ["code", "subsystem", "zh", "en"] }))
    })
    .get("/:code", async (c) => {
      requireRole(c)
      const ind = await shownEntry(s.db, "indicators", c.req.param("code"), s.indicators.get)
      if (!ind) throw problems.notFound("indicator", c.req.param("code"))
      c.header("ETag", etagOf(ind))
      return c.json(ind)
    })
    .post("/", jsonBody(IndicatorDefinitionBody, "indicator"), async (c) => {
      const who = requireRole(c, "admin")
      const { archivedAt: _ignored, ...def } = c.req.valid("json")
      await s.db.transaction(async (tx) => {
        const repo = indicatorRepo(tx)
        if (await repo.get(def.code)) throw problems.conflict("duplicate_id", `indicator ${def.code} exists`, `指标 ${def.code} 已存在`)
        await repo.upsert([def])
        await s.audit.record(tx, { actor: actorOf(who), entity: "indicator", entityId: def.code, action: "create", before: null, after: def })
      })
      s.catalogue.invalidate()
      const shown = { ...def, archivedAt: null }
      c.header("ETag", etagOf(shown))
      c.header("Location", `/v1/indicators/${def.code}`)
      return c.json(shown, 201)
    })
    .put("/:code", jsonBody(IndicatorDefinitionBody, "indicator"), async (c) => {
      const who = requireRole(c, "admin")
      const code = c.req.param("code")
      const { archivedAt: _ignored, ...def } = c.req.valid("json")
      if (def.code !== code)
        throw problems.invalid("id_mismatch", `the body's code ${def.code} is not ${code}`, `请求体中的代码 ${def.code} 与路径 ${code} 不一致`, "code")
      const shown = await guardedChange(s, c, who, indicatorEntry, code, "update", async (tx, before) => {
        await indicatorRepo(tx).upsert([def])
        const { archivedAt, ...plain } = before
        return { shown: { ...def, archivedAt }, before: plain, after: def }
      })
      s.catalogue.invalidate()
      c.header("ETag", etagOf(shown))
      return c.json(shown)
    })
    .route("/", archiveRoutes(s, { ...indicatorEntry, onChange: () => s.catalogue.invalidate() }))
