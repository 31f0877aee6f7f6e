/** Observations: a zone's submissions of one period, corrections, its series, queries across zones, file imports. */
import * as Schema from "effect/Schema"
import { Observation } from "../../model/Observation.js"
import { endpoint, fileBody } from "../Endpoint.js"
import { ImportFileName, ImportReceipt, ObservationList, ObservationQuery, SeriesQuery, Submission, SubmissionReceipt } from "../Observations.js"
import { Page } from "../Page.js"

const ZonePeriod = Schema.Struct({ id: Schema.String, period: Schema.String })

/** POST /v1/clusters/{id}/observations */
export const submitPeriod = endpoint({
  id: "submitPeriod",
  method: "post",
  path: "/v1/clusters/{id}/observations",
  tag: "observations",
  summary: { zh: "提交一期指标数据（原子操作）", en: "Submit one period's values (all or none)" },
  access: "zone_writer",
  params: Schema.Struct({ id: Schema.String }),
  body: Submission,
  success: { status: 201, schema: SubmissionReceipt },
  errors: [400, 401, 403, 404, 409, 413, 415, 422],
})

/** PUT /v1/clusters/{id}/observations/{period} */
export const correctPeriod = endpoint({
  id: "correctPeriod",
  method: "put",
  path: "/v1/clusters/{id}/observations/{period}",
  tag: "observations",
  summary: { zh: "更正一期指标数据", en: "Correct one period's values" },
  access: "zone_writer",
  params: ZonePeriod,
  body: Submission,
  success: { status: 200, schema: SubmissionReceipt },
  errors: [400, 401, 403, 404, 409, 413, 415, 422],
})

/** GET /v1/clusters/{id}/observations */
export const clusterSeries = endpoint({
  id: "clusterSeries",
  method: "get",
  path: "/v1/clusters/{id}/observations",
  tag: "observations",
  summary: { zh: "集聚区时间序列", en: "A zone's time series" },
  access: "zone_reader",
  params: Schema.Struct({ id: Schema.String }),
  query: SeriesQuery,
  success: { status: 200, schema: ObservationList },
  errors: [401, 403, 422],
})

/** GET /v1/observations */
export const queryObservations = endpoint({
  id: "queryObservations",
  method: "get",
  path: "/v1/observations",
  tag: "observations",
  summary: { zh: "按集聚区、指标和期间查询观测值（分页）", en: "Observations by zones, indicators and periods (pages)" },
  access: "zone_reader",
  query: ObservationQuery,
  success: { status: 200, schema: Page(Observation) },
  errors: [401, 403, 422],
})

/** POST /v1/observations/import */
export const importObservations = endpoint({
  id: "importObservations",
  method: "post",
  path: "/v1/observations/import",
  tag: "observations",
  summary: {
    zh: "导入 CSV/XLSX 文件（请求体为文件内容）；全部有效才写入",
    en: "Import a CSV/XLSX file (body: the file's bytes); all rows or none",
  },
  access: "admin",
  query: Schema.Struct({
    fileName: ImportFileName,
    format: Schema.optional(Schema.Literals(["long", "wide"])),
  }),
  body: fileBody,
  success: { status: 201, schema: ImportReceipt },
  errors: [400, 401, 403, 413, 415, 422],
})
