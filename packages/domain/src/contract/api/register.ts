/** The register: regions, indicators and cluster zones. */
import * as Schema from "effect/Schema"
import { Region, RegionLevel, StoredRegion } from "../../model/Region.js"
import { endpoint } from "../Endpoint.js"
import { ArchivedFilter, Page, pageQueryFields } from "../Page.js"

const Code = Schema.Struct({ code: Schema.String })

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
  body: Region,
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
