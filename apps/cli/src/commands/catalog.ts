import type { Bilingual } from "@jiju/domain/model"
import type { Command } from "../Command.js"

/** A `jiju` subcommand as the help lists it, and how to load it. */
export interface CommandEntry {
  readonly name: string
  /** The same summary as the command's own (a test keeps them equal). */
  readonly summary: Bilingual
  /** Load the command's module: each command is its own chunk of the bundle, loaded only when it runs. */
  readonly load: () => Promise<Command>
}

/**
 * Every `jiju` subcommand, in the order `jiju --help` lists them. Nothing here loads a command: `jiju --help` and
 * the dispatch read this table alone, and a command's code (and the domain, store or effect behind it) loads only
 * when that command runs. Each command lives in its own module in this folder.
 */
export const commandCatalog: ReadonlyArray<CommandEntry> = [
  {
    name: "clusters",
    summary: { zh: "列出集聚区名录", en: "list the register of cluster zones" },
    load: async () => (await import("./clusters.js")).clustersCommand,
  },
  { name: "regions", summary: { zh: "列出行政区划", en: "list regions (GB/T 2260)" }, load: async () => (await import("./regions.js")).regionsCommand },
  {
    name: "indicators",
    summary: { zh: "列出指标目录", en: "list the indicator catalogue" },
    load: async () => (await import("./indicators.js")).indicatorsCommand,
  },
  {
    name: "import",
    summary: { zh: "从 CSV/XLSX 导入指标数据（全部有效才写入）", en: "import observations from CSV/XLSX (all or nothing)" },
    load: async () => (await import("./import.js")).importCommand,
  },
  {
    name: "export",
    summary: { zh: "导出整个数据库为 JSON", en: "export the whole store as JSON" },
    load: async () => (await import("./export.js")).exportCommand,
  },
  {
    name: "restore",
    summary: { zh: "从导出文件恢复数据库", en: "restore the store from an export" },
    load: async () => (await import("./restore.js")).restoreCommand,
  },
  {
    name: "demo",
    summary: { zh: "向空数据库载入演示数据（合成）", en: "load synthetic demo data into an empty store" },
    load: async () => (await import("./demo.js")).demoCommand,
  },

  {
    name: "coupling",
    summary: { zh: "耦合协调度分析", en: "coupling coordination degree" },
    load: async () => (await import("./coupling.js")).couplingCommand,
  },
  {
    name: "concentration",
    summary: { zh: "区位熵与产业集聚指数", en: "location quotients and concentration indices" },
    load: async () => (await import("./concentration.js")).concentrationCommand,
  },
  {
    name: "weights",
    summary: { zh: "构建并概括空间权重", en: "build and summarise spatial weights" },
    load: async () => (await import("./weights.js")).weightsCommand,
  },
  {
    name: "moran",
    summary: { zh: "全局莫兰指数（空间自相关，含双变量）", en: "global Moran's I (spatial autocorrelation, bivariate too)" },
    load: async () => (await import("./moran.js")).moranCommand,
  },
  {
    name: "lisa",
    summary: { zh: "局部莫兰指数与集聚象限（含双变量）", en: "local Moran's I (LISA) and cluster quadrants, bivariate too" },
    load: async () => (await import("./lisa.js")).lisaCommand,
  },
  {
    name: "geary",
    summary: { zh: "吉尔里系数（空间自相关）", en: "Geary's C (spatial autocorrelation)" },
    load: async () => (await import("./geary.js")).gearyCommand,
  },
  {
    name: "hotspots",
    summary: { zh: "冷热点分析（Getis–Ord G_i*）", en: "hot and cold spots (Getis–Ord G_i*)" },
    load: async () => (await import("./hotspots.js")).hotspotsCommand,
  },
  {
    name: "regress",
    summary: {
      zh: "回归：OLS、空间滞后、空间误差、SLX、空间杜宾（SDM、SDEM）与 SAC 模型",
      en: "regression: OLS, spatial lag, spatial error, SLX, spatial Durbin (SDM, SDEM) and SAC models",
    },
    load: async () => (await import("./regress.js")).regressCommand,
  },
  {
    name: "panel",
    summary: { zh: "面板固定效应、随机效应与空间面板模型", en: "fixed-effects, random-effects and spatial panel models" },
    load: async () => (await import("./panel.js")).panelCommand,
  },
  {
    name: "gwr",
    summary: { zh: "地理加权回归（GWR）", en: "geographically weighted regression (GWR)" },
    load: async () => (await import("./gwr.js")).gwrCommand,
  },
  {
    name: "threshold",
    summary: { zh: "面板门槛回归（Hansen 1999）", en: "panel threshold regression (Hansen 1999)" },
    load: async () => (await import("./threshold.js")).thresholdCommand,
  },
  {
    name: "disparity",
    summary: { zh: "区域差异：Dagum 基尼系数与泰尔指数分解", en: "regional disparity: Dagum Gini and Theil decompositions" },
    load: async () => (await import("./disparity.js")).disparityCommand,
  },
  {
    name: "density",
    summary: { zh: "核密度估计（分布动态）", en: "kernel density (distribution over time)" },
    load: async () => (await import("./density.js")).densityCommand,
  },
  {
    name: "markov",
    summary: { zh: "马尔可夫链与空间马尔可夫链", en: "classic and spatial Markov chains" },
    load: async () => (await import("./markov.js")).markovCommand,
  },
  { name: "user", summary: { zh: "管理接口账户", en: "manage API accounts" }, load: async () => (await import("./user.js")).userCommand },
  {
    name: "token",
    summary: { zh: "创建、列出或撤销访问令牌", en: "create, list or revoke API tokens" },
    load: async () => (await import("./token.js")).tokenCommand,
  },
  { name: "serve", summary: { zh: "启动接口与网页服务", en: "run the HTTP API and web app" }, load: async () => (await import("./serve.js")).serveCommand },
  {
    name: "assess",
    summary: { zh: "综合考核排名（含解释）", en: "comprehensive evaluation and ranking, explained" },
    load: async () => (await import("./assess.js")).assessCommand,
  },
  {
    name: "certify",
    summary: { zh: "服务业集聚区认定", en: "certify service agglomerations" },
    load: async () => (await import("./certify.js")).certifyCommand,
  },
  { name: "stage", summary: { zh: "发展阶段判定", en: "development stage and reach" }, load: async () => (await import("./stage.js")).stageCommand },
  {
    name: "incentive",
    summary: { zh: "财政激励（超收全返）测算", en: "fiscal incentive: tax above the base returned" },
    load: async () => (await import("./incentive.js")).incentiveCommand,
  },
  { name: "targets", summary: { zh: "发展目标跟踪", en: "track development targets" }, load: async () => (await import("./targets.js")).targetsCommand },
  {
    name: "report",
    summary: { zh: "生成考核结果工作簿、通报或体检报告", en: "write a run's workbook, bulletin (通报) or a zone's check-up" },
    load: async () => (await import("./report.js")).reportCommand,
  },
  {
    name: "diagnose",
    summary: { zh: "问题诊断与对策", en: "diagnose problems and recommend measures" },
    load: async () => (await import("./diagnose.js")).diagnoseCommand,
  },
  {
    name: "facts",
    summary: { zh: "集聚区事实：查看、记录、导入、审核", en: "zone facts: read, record, import, decide" },
    load: async () => (await import("./facts.js")).factsCommand,
  },
  {
    name: "positions",
    summary: { zh: "全省单项指标位次与变化（篇8）", en: "province-wide positions on one indicator (篇8)" },
    load: async () => (await import("./positions.js")).positionsCommand,
  },
  {
    name: "land-quota",
    summary: {
      zh: "用地指标：投入产出强度后 20 位扣减、前 20 位奖励（篇8）",
      en: "land quota: the last 20 on input–output intensity lose, the first 20 gain (篇8)",
    },
    load: async () => (await import("./land-quota.js")).landQuotaCommand,
  },
  {
    name: "promotion",
    summary: { zh: "考核晋级：主要指标翻番与基本门槛（篇8）", en: "promotion: doubling of the main indicators and the basic threshold (篇8)" },
    load: async () => (await import("./promotion.js")).promotionCommand,
  },
  {
    name: "supervision",
    summary: { zh: "督导：候选名单、委员会决定与月度报告（篇8）", en: "supervision: candidate lists, decisions and monthly reports (篇8)" },
    load: async () => (await import("./supervision.js")).supervisionCommand,
  },
  {
    name: "projects",
    summary: { zh: "项目库：入园项目、档案、进展节点、自动发现、推算指标", en: "the project register: projects, files, status, findings, derived indicators" },
    load: async () => (await import("./projects.js")).projectsCommand,
  },
  {
    name: "progress",
    summary: { zh: "项目周汇报与督导视图", en: "weekly project reports and the supervision view" },
    load: async () => (await import("./progress.js")).progressCommand,
  },
]
