import { Cluster, ClusterKind, ClusterLevel, RankingGroup } from "@jiju/domain/model"
import { Schema } from "effect"
import { Hono } from "hono"
import type { AppEnv } from "../http/env.js"
import { etagOf, versionFromIfMatch } from "../http/etag.js"
import { PageQuery, paginate } from "../http/list.js"
import { problems } from "../http/problem.js"
import { jsonBody, queryParams } from "../http/validate.js"
import { actorOf, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"

/** Query of GET /v1/clusters. */
export const ClusterListQuery = Schema.Struct({
  ...PageQuery,
  region: Schema.optional(Schema.String),
  kind: Schema.optional(ClusterKind),
  group: Schema.optional(RankingGroup),
  level: Schema.optional(ClusterLevel),
  archived: Schema.optional(Schema.Literals(["exclude", "include", "only"])),
})

/** The register of cluster zones: list, read (ETag), create, replace and archive (If-Match). */
export const clusterRoutes = (s: Services) =>
  new Hono<AppEnv>()
    .get("/", queryParams(ClusterListQuery), async (c) => {
      requireRole(c)
      const q = c.req.valid("query")
      const all = await s.clusters.list({
        ...(q.region ? { region: q.region } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.group ? { group: q.group } : {}),
        ...(q.level ? { level: q.level } : {}),
        ...(q.archived ? { archived: q.archived } : {}),
      })
      return c.json(
        paginate(all, q, {
          id: (x) => x.id,
          text: (x) => [x.id, x.name, x.nameEn],
          fields: ["id", "name", "region", "plannedArea", "level", "group", "kind"],
        }),
      )
    })
    .get("/:id", async (c) => {
      requireRole(c)
      const cluster = await s.clusters.get(c.req.param("id"))
      if (!cluster) throw problems.notFound("cluster", c.req.param("id"))
      c.header("ETag", etagOf(cluster))
      return c.json(cluster)
    })
    .get("/:id/history", async (c) => {
      requireRole(c, "admin")
      return c.json({ items: await s.audit.history("cluster", c.req.param("id")) })
    })
    .post("/", jsonBody(Cluster, "cluster"), async (c) => {
      const who = requireRole(c, "admin")
      const created = await s.clusters.create(c.req.valid("json"), actorOf(who))
      c.header("ETag", etagOf(created))
      c.header("Location", `/v1/clusters/${created.id}`)
      return c.json(created, 201)
    })
    .put("/:id", jsonBody(Cluster, "cluster"), async (c) => {
      const who = requireRole(c, "admin")
      const body = c.req.valid("json")
      if (body.id !== c.req.param("id"))
        throw problems.invalid("id_mismatch", `the body's id ${body.id} is not ${c.req.param("id")}`, `请求体中的编号 ${body.id} 与路径不一致`, "id")
      const saved = await s.clusters.update(body, versionFromIfMatch(c), actorOf(who))
      c.header("ETag", etagOf(saved))
      return c.json(saved)
    })
    .post("/:id/archive", async (c) => {
      const who = requireRole(c, "admin")
      const saved = await s.clusters.archive(c.req.param("id"), versionFromIfMatch(c), actorOf(who))
      c.header("ETag", etagOf(saved))
      return c.json(saved)
    })
    .post("/:id/unarchive", async (c) => {
      const who = requireRole(c, "admin")
      const saved = await s.clusters.unarchive(c.req.param("id"), versionFromIfMatch(c), actorOf(who))
      c.header("ETag", etagOf(saved))
      return c.json(saved)
    })
