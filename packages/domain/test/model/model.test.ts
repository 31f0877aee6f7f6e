import { describe, expect, it } from "vitest"
import {
  Cluster,
  decodeOrThrow,
  findIndicator,
  IndicatorDefinition,
  InputError,
  indicatorCatalogue,
  infrastructureReadiness,
  Period,
  previousPeriod,
  Region,
} from "../../src/model/index.js"

const goodCluster = {
  id: "hb-baoshan",
  name: "宝山循环经济产业集聚区",
  kind: "industrial",
  form: null,
  level: "provincial",
  group: "urban_district",
  region: "410602",
  plannedArea: 17.6,
  established: "2009",
  leadingIndustries: ["煤化工", "金属镁"],
  managementBody: "宝山管委会",
  planning: [{ kind: "master_plan", state: "approved" }],
  infrastructure: {
    road: true,
    water: true,
    power: true,
    drainage: true,
    telecom: true,
    gas: true,
    heat: false,
    levelledSite: true,
    sewagePlant: true,
  },
  standardFactoryArea: 120000,
  financing: { count: 2, registeredCapital: 5, cumulativeFinancing: 12.5 },
  isDemo: false,
}

const issuesOf = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return (e as InputError).issues ?? []
  }
  throw new Error("expected an InputError")
}

describe("model decoding", () => {
  it("accepts a valid cluster and keeps its values", () => {
    const c = decodeOrThrow(Cluster, goodCluster, "cluster")
    expect(c.region).toBe("410602")
    expect(infrastructureReadiness(c.infrastructure)).toBe("three_one")
  })

  it("names every bad field with the reason in English and Chinese", () => {
    const issues = issuesOf(() => decodeOrThrow(Cluster, { ...goodCluster, region: "4106", plannedArea: -3, kind: "factory", extra: 1 }, "cluster"))
    const byField = Object.fromEntries(issues.map((i) => [i.column, i]))
    expect(Object.keys(byField).sort()).toEqual(["extra", "kind", "plannedArea", "region"])
    expect(byField.plannedArea!.en).toContain("greater than 0")
    expect(byField.plannedArea!.zh).toBe("plannedArea：应大于 0")
    expect(byField.region!.zh).toContain("6 位 GB/T 2260")
    expect(byField.kind!.zh).toContain('"industrial"')
    expect(byField.extra!.zh).toContain("不允许的字段")
  })

  it("reports nested paths and missing keys", () => {
    const { financing: _f, ...noFinancing } = goodCluster
    const issues = issuesOf(() => decodeOrThrow(Cluster, { ...noFinancing, planning: [{ kind: "master_plan", state: "yes" }] }, "cluster"))
    expect(issues.map((i) => i.column).sort()).toEqual(["financing", "planning.0.state"])
    expect(issues.find((i) => i.column === "financing")!.zh).toContain("缺少必填字段")
  })

  it("validates regions and periods", () => {
    expect(() =>
      decodeOrThrow(Region, { code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false }),
    ).not.toThrow()
    expect(() => decodeOrThrow(Period, "2025Q5")).toThrow(/period like/)
    expect(previousPeriod("2025")).toBe("2024")
    expect(previousPeriod("2025Q1")).toBe("2024Q4")
    expect(previousPeriod("2025-01")).toBe("2024-12")
  })
})

describe("indicator catalogue", () => {
  it("has at least 45 valid, uniquely coded, bilingual indicators", () => {
    expect(indicatorCatalogue.length).toBeGreaterThanOrEqual(45)
    for (const d of indicatorCatalogue) expect(() => decodeOrThrow(IndicatorDefinition, d)).not.toThrow()
    expect(new Set(indicatorCatalogue.map((d) => d.code)).size).toBe(indicatorCatalogue.length)
    expect(new Set(indicatorCatalogue.map((d) => d.zh)).size).toBe(indicatorCatalogue.length)
  })

  it("covers the indicators the documents name", () => {
    for (const zh of [
      "主营业务收入",
      "投资强度",
      "容积率",
      "本地配套率",
      "单位增加值能耗",
      "污水集中处理率",
      "金融集聚区位熵",
      "实际使用外资",
      "亿元以上项目数",
    ]) {
      expect(findIndicator(zh), zh).toBeDefined()
    }
    expect(findIndicator("单位增加值能耗")!.direction).toBe("negative")
    expect(findIndicator("Investment intensity")!.unit).toBe("万元/亩")
  })
})
