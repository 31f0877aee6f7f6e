/** Analyses on data sent with the request, answered at once or through the job queue. */
import * as Schema from "effect/Schema"
import {
  ConcentrationRequest,
  CouplingRequest,
  DensityRequest,
  DisparityRequest,
  GearyRequest,
  GwrRequest,
  HotspotsRequest,
  MarkovRequest,
  MoranRequest,
  PanelRequest,
  RegressRequest,
  ThresholdRequest,
  WeightsAnalysisRequest,
} from "../../analyses/AnalysisRequest.js"
import { endpoint } from "../Endpoint.js"
import { AnalysisDocument, JobCreated, JobState } from "../Jobs.js"

const now = <const Id extends string, const Name extends string, S extends Schema.Top>(id: Id, name: Name, request: S, summary: { zh: string; en: string }) =>
  endpoint({
    id,
    method: "post",
    path: `/v1/analyses/${name}`,
    tag: "analyses",
    summary,
    access: "signed_in",
    body: request,
    success: { status: 200, schema: AnalysisDocument },
    errors: [401, 404, 413, 415, 422, 503],
  })

const queued = <const Id extends string, const Name extends string, S extends Schema.Top>(
  id: Id,
  name: Name,
  request: S,
  summary: { zh: string; en: string },
) =>
  endpoint({
    id,
    method: "post",
    path: `/v1/analyses/${name}/jobs`,
    tag: "analyses",
    summary: { zh: `${summary.zh}（后台任务）`, en: `${summary.en} (as a job)` },
    access: "signed_in",
    body: request,
    success: { status: 202, schema: JobCreated },
    errors: [401, 404, 413, 415, 422],
  })

const coupling = { zh: "耦合协调度", en: "Coupling coordination degree of 2+ subsystems" }
const weights = { zh: "构建并概括空间权重", en: "Build and summarise spatial weights" }
const moran = { zh: "全局莫兰指数", en: "Global Moran's I" }
const lisa = { zh: "局部莫兰指数与集聚象限", en: "Local Moran's I (LISA) and quadrants" }
const regress = { zh: "回归：OLS、空间滞后与空间误差模型", en: "Regression: OLS, spatial lag and spatial error models" }
const panel = { zh: "面板固定效应与空间面板模型", en: "Fixed-effects panel and spatial panel models" }
const concentration = { zh: "区位熵与产业集聚指数", en: "Location quotients and concentration indices" }
const geary = { zh: "吉尔里系数", en: "Geary's C" }
const hotspots = { zh: "冷热点分析（Getis–Ord G_i / G*_i）", en: "Hot and cold spots (Getis–Ord G_i / G*_i)" }
const gwr = { zh: "地理加权回归", en: "Geographically weighted regression" }
const threshold = { zh: "面板门槛回归（Hansen 1999）", en: "Panel threshold regression (Hansen 1999)" }
const disparity = { zh: "区域差异：Dagum 基尼系数与泰尔指数分解", en: "Regional disparity: Dagum's Gini and Theil's T" }
const density = { zh: "核密度估计", en: "Gaussian kernel density" }
const markov = { zh: "传统与空间马尔可夫链", en: "Classic and spatial Markov chains" }

/** GET /v1/analyses */
export const listAnalyses = endpoint({
  id: "listAnalyses",
  method: "get",
  path: "/v1/analyses",
  tag: "analyses",
  summary: { zh: "可用的分析方法", en: "The analyses offered" },
  access: "signed_in",
  success: {
    status: 200,
    schema: Schema.Struct({ items: Schema.Array(Schema.Struct({ name: Schema.String, summary: Schema.Struct({ zh: Schema.String, en: Schema.String }) })) }),
  },
  errors: [401],
})

export const analyseCoupling = now("analyseCoupling", "coupling", CouplingRequest, coupling)
export const analyseWeights = now("analyseWeights", "weights", WeightsAnalysisRequest, weights)
export const analyseMoran = now("analyseMoran", "moran", MoranRequest, moran)
export const analyseLisa = now("analyseLisa", "lisa", MoranRequest, lisa)
export const analyseRegress = now("analyseRegress", "regress", RegressRequest, regress)
export const analysePanel = now("analysePanel", "panel", PanelRequest, panel)
export const analyseConcentration = now("analyseConcentration", "concentration", ConcentrationRequest, concentration)

export const analyseGeary = now("analyseGeary", "geary", GearyRequest, geary)
export const analyseHotspots = now("analyseHotspots", "hotspots", HotspotsRequest, hotspots)
export const analyseGwr = now("analyseGwr", "gwr", GwrRequest, gwr)
export const analyseThreshold = now("analyseThreshold", "threshold", ThresholdRequest, threshold)
export const analyseDisparity = now("analyseDisparity", "disparity", DisparityRequest, disparity)
export const analyseDensity = now("analyseDensity", "density", DensityRequest, density)
export const analyseMarkov = now("analyseMarkov", "markov", MarkovRequest, markov)

export const queueCoupling = queued("queueCoupling", "coupling", CouplingRequest, coupling)
export const queueWeights = queued("queueWeights", "weights", WeightsAnalysisRequest, weights)
export const queueMoran = queued("queueMoran", "moran", MoranRequest, moran)
export const queueLisa = queued("queueLisa", "lisa", MoranRequest, lisa)
export const queueRegress = queued("queueRegress", "regress", RegressRequest, regress)
export const queuePanel = queued("queuePanel", "panel", PanelRequest, panel)
export const queueConcentration = queued("queueConcentration", "concentration", ConcentrationRequest, concentration)

export const queueGeary = queued("queueGeary", "geary", GearyRequest, geary)
export const queueHotspots = queued("queueHotspots", "hotspots", HotspotsRequest, hotspots)
export const queueGwr = queued("queueGwr", "gwr", GwrRequest, gwr)
export const queueThreshold = queued("queueThreshold", "threshold", ThresholdRequest, threshold)
export const queueDisparity = queued("queueDisparity", "disparity", DisparityRequest, disparity)
export const queueDensity = queued("queueDensity", "density", DensityRequest, density)
export const queueMarkov = queued("queueMarkov", "markov", MarkovRequest, markov)

/** GET /v1/jobs/{id} */
export const getJob = endpoint({
  id: "getJob",
  method: "get",
  path: "/v1/jobs/{id}",
  tag: "analyses",
  summary: { zh: "后台任务状态与结果", en: "A job's state and result" },
  access: "signed_in",
  params: Schema.Struct({ id: Schema.String }),
  success: { status: 200, schema: JobState },
  errors: [401, 404],
})
