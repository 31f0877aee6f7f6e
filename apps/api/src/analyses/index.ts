import type { Schema } from "effect"
import { MoranWithRequest, runLisaWith, runMoranWith } from "./bivariate.js"
import { ConcentrationRequest, runConcentration } from "./concentration.js"
import { CouplingRequest, runCoupling } from "./coupling.js"
import { DensityRequest, DisparityRequest, runDensity, runDisparity } from "./disparity.js"
import { GearyRequest, runGeary } from "./geary.js"
import { GwrRequest, runGwr } from "./gwr.js"
import { HotspotsRequest, runHotspots } from "./hotspots.js"
import { MarkovRequest, runMarkov } from "./markov.js"
import { PanelRequest, runPanel } from "./panel.js"
import { RegressRequest, runRegress } from "./regress.js"
import { runWeights, WeightsRequest } from "./spatial.js"
import { runThreshold, ThresholdRequest } from "./threshold.js"

/** One analysis the API offers: the Schema of its body and the function computing the CLI's JSON. */
export interface Analysis {
  readonly schema: Schema.Top
  readonly summary: { readonly en: string; readonly zh: string }
  readonly run: (input: never, progress: (fraction: number) => Promise<void>) => unknown
}

/**
 * The analyses by name (POST /v1/analyses/{name}); each mirrors the `jiju {name} --json` command.
 * Kinds whose domain module has not landed yet are absent and answer 404.
 */
export const analyses: Readonly<Record<string, Analysis>> = {
  coupling: {
    schema: CouplingRequest,
    summary: { en: "Coupling coordination degree of 2+ subsystems", zh: "耦合协调度" },
    run: (input: CouplingRequest) => runCoupling(input),
  },
  weights: {
    schema: WeightsRequest,
    summary: { en: "Build and summarise spatial weights", zh: "构建并概括空间权重" },
    run: (input: typeof WeightsRequest.Type) => runWeights(input),
  },
  moran: {
    schema: MoranWithRequest,
    summary: { en: "Global Moran's I (bivariate with `with`)", zh: "全局莫兰指数（给出 with 时为双变量）" },
    run: (input: MoranWithRequest) => runMoranWith(input),
  },
  lisa: {
    schema: MoranWithRequest,
    summary: { en: "Local Moran's I (LISA) and quadrants (bivariate with `with`)", zh: "局部莫兰指数与集聚象限（给出 with 时为双变量）" },
    run: (input: MoranWithRequest) => runLisaWith(input),
  },
  geary: {
    schema: GearyRequest,
    summary: { en: "Geary's C", zh: "吉尔里系数" },
    run: (input: GearyRequest) => runGeary(input),
  },
  hotspots: {
    schema: HotspotsRequest,
    summary: { en: "Hot and cold spots (local Getis–Ord G_i / G*_i)", zh: "冷热点分析（Getis–Ord G_i*）" },
    run: (input: HotspotsRequest) => runHotspots(input),
  },
  regress: {
    schema: RegressRequest,
    summary: { en: "Regression: OLS, spatial lag and spatial error models", zh: "回归：OLS、空间滞后与空间误差模型" },
    run: (input: RegressRequest) => runRegress(input),
  },
  panel: {
    schema: PanelRequest,
    summary: { en: "Fixed-effects panel and spatial panel models", zh: "面板固定效应与空间面板模型" },
    run: (input: PanelRequest) => runPanel(input),
  },
  gwr: {
    schema: GwrRequest,
    summary: { en: "Geographically weighted regression", zh: "地理加权回归" },
    run: (input: GwrRequest) => runGwr(input),
  },
  threshold: {
    schema: ThresholdRequest,
    summary: { en: "Panel threshold regression (Hansen 1999)", zh: "面板门槛回归（Hansen 1999）" },
    run: (input: ThresholdRequest, progress) => runThreshold(input, progress),
  },
  disparity: {
    schema: DisparityRequest,
    summary: { en: "Regional disparity: Dagum Gini and Theil decompositions", zh: "区域差异：Dagum 基尼系数与泰尔指数分解" },
    run: (input: DisparityRequest) => runDisparity(input),
  },
  density: {
    schema: DensityRequest,
    summary: { en: "Kernel density (as R density())", zh: "核密度估计" },
    run: (input: DensityRequest) => runDensity(input),
  },
  markov: {
    schema: MarkovRequest,
    summary: { en: "Classic and spatial Markov chains", zh: "马尔可夫链与空间马尔可夫链" },
    run: (input: MarkovRequest) => runMarkov(input),
  },
  concentration: {
    schema: ConcentrationRequest,
    summary: { en: "Location quotients and concentration indices", zh: "区位熵与产业集聚指数" },
    run: (input: ConcentrationRequest) => runConcentration(input),
  },
}
