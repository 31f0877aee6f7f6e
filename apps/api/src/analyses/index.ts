import type { Schema } from "effect"
import { ConcentrationRequest, runConcentration } from "./concentration.js"
import { CouplingRequest, runCoupling } from "./coupling.js"
import { PanelRequest, runPanel } from "./panel.js"
import { RegressRequest, runRegress } from "./regress.js"
import { MoranRequest, runLisa, runMoran, runWeights, WeightsRequest } from "./spatial.js"

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
    schema: MoranRequest,
    summary: { en: "Global Moran's I", zh: "全局莫兰指数" },
    run: (input: MoranRequest) => runMoran(input),
  },
  lisa: {
    schema: MoranRequest,
    summary: { en: "Local Moran's I (LISA) and quadrants", zh: "局部莫兰指数与集聚象限" },
    run: (input: MoranRequest) => runLisa(input),
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
  concentration: {
    schema: ConcentrationRequest,
    summary: { en: "Location quotients and concentration indices", zh: "区位熵与产业集聚指数" },
    run: (input: ConcentrationRequest) => runConcentration(input),
  },
}
