import type { ProjectEntry, StatusChange } from "../../src/projects/Project.js"

/** A project entry with sensible fields; override what a test is about. */
export const entry = (over: Partial<ProjectEntry> = {}): ProjectEntry => ({
  id: "p-1",
  name: "电子元件项目",
  cluster: "hb-qibin" as ProjectEntry["cluster"],
  area: null,
  investor: "某电子有限公司",
  firm: null,
  industry: "电子信息",
  type: "industrial",
  traits: [],
  totalInvestment: 20_000,
  fixedInvestment: 15_000,
  land: 50,
  floorArea: 40_000,
  storeys: 3,
  contract: { investmentIntensity: 300, floorAreaRatio: 1.2, startBy: null, completeBy: null },
  location: null,
  specialReason: null,
  note: null,
  isDemo: false,
  history: [{ status: "signed", on: "2024-01-10" }],
  ...over,
})

/** History steps from pairs. */
export const steps = (...pairs: ReadonlyArray<readonly [StatusChange["status"], string]>): StatusChange[] => pairs.map(([status, on]) => ({ status, on }))

/** A weekly report with defaults. */
export const report = (
  project: string,
  week: string,
  over: Partial<{ investmentThisWeek: number; investmentToDate: number; progressPercent: number }> = {},
) => ({
  project,
  week,
  investmentThisWeek: 0,
  investmentToDate: 0,
  progressPercent: 0,
  ...over,
})
