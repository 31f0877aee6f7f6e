/** The register: regions, indicators and cluster zones. */
import * as Schema from "effect/Schema"
import { Cluster, ClusterKind, ClusterLevel, RankingGroup, StoredCluster } from "../../model/Cluster.js"
import { IndicatorDefinition, StoredIndicator, Subsystem } from "../../model/Indicator.js"
import { Region, RegionLevel, StoredRegion } from "../../model/Region.js"
import { AuditTrail } from "../AuditTrail.js"
import { endpoint } from "../Endpoint.js"
import { ArchivedFilter, Page, pageQueryFields } from "../Page.js"
import { Replacement } from "../Replacement.js"

const Code = Schema.Struct({ code: Schema.String })
const Id = Schema.Struct({ id: Schema.String })

/** GET /v1/regions */
export const listRegions = endpoint({
  id: "listRegions",
  method: "get",
  path: "/v1/regions",
  tag: "register",
  summary: { zh: "区域列表（筛选、排序、游标分页）", en: "Regions (filter, sort, cursor pages)" },
  access: "signed_in",
  query: Schema.Struct({
    ...pageQueryFields,
    archived: Schema.optional(ArchivedFilter),
    level: Schema.optional(RegionLevel),
    parent: Schema.optional(Schema.String),
  }),
  success: { status: 200, schema: Page(StoredRegion) },
  errors: [401, 422],
})

/** GET /v1/regions/{code} */
export const getRegion = endpoint({
  id: "getRegion",
  method: "get",
  path: "/v1/regions/{code}",
  tag: "register",
  summary: { zh: "读取区域（含 ETag）", en: "One region, with its ETag" },
  access: "signed_in",
  params: Code,
  success: { status: 200, schema: StoredRegion },
  errors: [401, 404],
})

/** POST /v1/regions */
export const createRegion = endpoint({
  id: "createRegion",
  method: "post",
  path: "/v1/regions",
  tag: "register",
  summary: { zh: "新增区域", en: "Add a region" },
  access: "admin",
  body: Region,
  success: { status: 201, schema: StoredRegion },
  errors: [401, 403, 409, 422],
})

/** PUT /v1/regions/{code} */
export const replaceRegion = endpoint({
  id: "replaceRegion",
  method: "put",
  path: "/v1/regions/{code}",
  tag: "register",
  summary: { zh: "修改区域（需 If-Match）", en: "Replace a region (If-Match)" },
  access: "admin",
  params: Code,
  body: Replacement(Region),
  ifMatch: true,
  success: { status: 200, schema: StoredRegion },
  errors: [401, 403, 404, 412, 422, 428],
})

/** POST /v1/regions/{code}/archive */
export const archiveRegion = endpoint({
  id: "archiveRegion",
  method: "post",
  path: "/v1/regions/{code}/archive",
  tag: "register",
  summary: { zh: "归档区域（需 If-Match）：保留数据，不再列出", en: "Archive a region (If-Match): kept, left out of lists" },
  access: "admin",
  params: Code,
  ifMatch: true,
  success: { status: 200, schema: StoredRegion },
  errors: [401, 403, 404, 412, 428],
})

/** POST /v1/regions/{code}/unarchive */
export const unarchiveRegion = endpoint({
  id: "unarchiveRegion",
  method: "post",
  path: "/v1/regions/{code}/unarchive",
  tag: "register",
  summary: { zh: "恢复已归档区域（需 If-Match）", en: "Bring an archived region back (If-Match)" },
  access: "admin",
  params: Code,
  ifMatch: true,
  success: { status: 200, schema: StoredRegion },
  errors: [401, 403, 404, 412, 428],
})

/** GET /v1/indicators */
export const listIndicators = endpoint({
  id: "listIndicators",
  method: "get",
  path: "/v1/indicators",
  tag: "register",
  summary: { zh: "指标目录（筛选、排序、游标分页）", en: "The indicator catalogue (filter, sort, cursor pages)" },
  access: "signed_in",
  query: Schema.Struct({ ...pageQueryFields, archived: Schema.optional(ArchivedFilter), subsystem: Schema.optional(Subsystem) }),
  success: { status: 200, schema: Page(StoredIndicator) },
  errors: [401, 422],
})

/** GET /v1/indicators/{code} */
export const getIndicator = endpoint({
  id: "getIndicator",
  method: "get",
  path: "/v1/indicators/{code}",
  tag: "register",
  summary: { zh: "读取指标（含 ETag）", en: "One indicator, with its ETag" },
  access: "signed_in",
  params: Code,
  success: { status: 200, schema: StoredIndicator },
  errors: [401, 404],
})

/** POST /v1/indicators */
export const createIndicator = endpoint({
  id: "createIndicator",
  method: "post",
  path: "/v1/indicators",
  tag: "register",
  summary: { zh: "新增指标", en: "Add an indicator" },
  access: "admin",
  body: IndicatorDefinition,
  success: { status: 201, schema: StoredIndicator },
  errors: [401, 403, 409, 422],
})

/** PUT /v1/indicators/{code} */
export const replaceIndicator = endpoint({
  id: "replaceIndicator",
  method: "put",
  path: "/v1/indicators/{code}",
  tag: "register",
  summary: { zh: "修改指标（需 If-Match）", en: "Replace an indicator (If-Match)" },
  access: "admin",
  params: Code,
  body: Replacement(IndicatorDefinition),
  ifMatch: true,
  success: { status: 200, schema: StoredIndicator },
  errors: [401, 403, 404, 412, 422, 428],
})

/** POST /v1/indicators/{code}/archive */
export const archiveIndicator = endpoint({
  id: "archiveIndicator",
  method: "post",
  path: "/v1/indicators/{code}/archive",
  tag: "register",
  summary: { zh: "归档指标（需 If-Match）：保留数据，不再接收填报", en: "Archive an indicator (If-Match): kept, closed to new values" },
  access: "admin",
  params: Code,
  ifMatch: true,
  success: { status: 200, schema: StoredIndicator },
  errors: [401, 403, 404, 412, 428],
})

/** POST /v1/indicators/{code}/unarchive */
export const unarchiveIndicator = endpoint({
  id: "unarchiveIndicator",
  method: "post",
  path: "/v1/indicators/{code}/unarchive",
  tag: "register",
  summary: { zh: "恢复已归档指标（需 If-Match）", en: "Bring an archived indicator back (If-Match)" },
  access: "admin",
  params: Code,
  ifMatch: true,
  success: { status: 200, schema: StoredIndicator },
  errors: [401, 403, 404, 412, 428],
})

/** GET /v1/clusters */
export const listClusters = endpoint({
  id: "listClusters",
  method: "get",
  path: "/v1/clusters",
  tag: "register",
  summary: { zh: "集聚区列表（筛选、排序、游标分页）", en: "Cluster zones (filter, sort, cursor pages)" },
  access: "signed_in",
  query: Schema.Struct({
    ...pageQueryFields,
    archived: Schema.optional(ArchivedFilter),
    /** A region code: zones in it and in the regions below it. */
    region: Schema.optional(Schema.String),
    kind: Schema.optional(ClusterKind),
    group: Schema.optional(RankingGroup),
    level: Schema.optional(ClusterLevel),
  }),
  success: { status: 200, schema: Page(StoredCluster) },
  errors: [401, 422],
})

/** GET /v1/clusters/{id} */
export const getCluster = endpoint({
  id: "getCluster",
  method: "get",
  path: "/v1/clusters/{id}",
  tag: "register",
  summary: { zh: "读取集聚区（含 ETag）", en: "One cluster zone, with its ETag" },
  access: "signed_in",
  params: Id,
  success: { status: 200, schema: StoredCluster },
  errors: [401, 404],
})

/** GET /v1/clusters/{id}/history */
export const clusterHistory = endpoint({
  id: "clusterHistory",
  method: "get",
  path: "/v1/clusters/{id}/history",
  tag: "register",
  summary: { zh: "集聚区修改记录", en: "The audit trail of a cluster zone" },
  access: "admin",
  params: Id,
  success: { status: 200, schema: AuditTrail },
  errors: [401, 403],
})

/** POST /v1/clusters */
export const createCluster = endpoint({
  id: "createCluster",
  method: "post",
  path: "/v1/clusters",
  tag: "register",
  summary: { zh: "登记集聚区", en: "Register a cluster zone" },
  access: "admin",
  body: Cluster,
  success: { status: 201, schema: StoredCluster },
  errors: [401, 403, 409, 422],
})

/** PUT /v1/clusters/{id} */
export const replaceCluster = endpoint({
  id: "replaceCluster",
  method: "put",
  path: "/v1/clusters/{id}",
  tag: "register",
  summary: { zh: "修改集聚区（需 If-Match）", en: "Replace a cluster zone (If-Match)" },
  access: "admin",
  params: Id,
  body: Replacement(Cluster),
  ifMatch: true,
  success: { status: 200, schema: StoredCluster },
  errors: [401, 403, 404, 412, 422, 428],
})

/** POST /v1/clusters/{id}/archive */
export const archiveCluster = endpoint({
  id: "archiveCluster",
  method: "post",
  path: "/v1/clusters/{id}/archive",
  tag: "register",
  summary: {
    zh: "归档集聚区（需 If-Match）：保留数据，不再排名和接收填报",
    en: "Archive a cluster zone (If-Match): kept, out of rankings and closed to new values",
  },
  access: "admin",
  params: Id,
  ifMatch: true,
  success: { status: 200, schema: StoredCluster },
  errors: [401, 403, 404, 412, 428],
})

/** POST /v1/clusters/{id}/unarchive */
export const unarchiveCluster = endpoint({
  id: "unarchiveCluster",
  method: "post",
  path: "/v1/clusters/{id}/unarchive",
  tag: "register",
  summary: { zh: "恢复已归档集聚区（需 If-Match）", en: "Bring an archived cluster zone back (If-Match)" },
  access: "admin",
  params: Id,
  ifMatch: true,
  success: { status: 200, schema: StoredCluster },
  errors: [401, 403, 404, 412, 428],
})
