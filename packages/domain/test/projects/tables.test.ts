import { describe, expect, it } from "vitest"
import { parseCsv } from "../../src/io/csv.js"
import { southAreaExample, westAreaExample } from "../../src/projects/Admission.js"
import { validateProjectTable } from "../../src/projects/ProjectTable.js"
import { parseProblems, validateReportTable } from "../../src/projects/ReportTable.js"
import { cellDate } from "../../src/projects/TableCells.js"

const register = {
  clusters: [
    { id: "hb-qibin", name: "金山产业集聚区", archivedAt: null },
    { id: "hb-old", name: "旧园区", archivedAt: "2024-01-01T00:00:00Z" },
  ],
  areas: [
    { cluster: "hb-qibin", ...southAreaExample },
    { cluster: "hb-qibin", ...westAreaExample },
  ],
  firms: [{ id: "f-zk" }],
  projectIds: ["p-existing"],
}

describe("the project table", () => {
  it("reads Chinese headers with units, dates as spreadsheets write them, and builds the history", () => {
    const csv = [
      "项目编号,项目名称,集聚区,片区,投资方,企业编号,项目类型,项目特征,总投资（万元）,固定资产投资（万元）,用地（亩）,签约日期,供地日期,开工日期,经度,纬度",
      "p-1,电子元件,金山产业集聚区,south,中科公司,f-zk,工业,高新技术,1500,1000,20,2024/3/5,2024年5月1日,2024-06-10,114.3,35.7",
    ].join("\n")
    const v = validateProjectTable(parseCsv(csv), register, "2025-06-30")
    expect(v.ok).toBe(true)
    if (!v.ok) return
    expect(v.projects).toHaveLength(1)
    const p = v.projects[0]!
    expect(p.row).toBe(2)
    expect(p.entry).toMatchObject({
      id: "p-1",
      cluster: "hb-qibin",
      area: "south",
      firm: "f-zk",
      type: "industrial",
      traits: ["high_tech"],
      fixedInvestment: 1000,
    })
    expect(p.entry.location).toEqual({ lon: 114.3, lat: 35.7 })
    expect(p.entry.history.map((h) => [h.status, h.on])).toEqual([
      ["signed", "2024-03-05"],
      ["land_supplied", "2024-05-01"],
      ["started", "2024-06-10"],
    ])
    expect(p.admission.admitted).toBe(true)
  })

  it("refuses the whole file, reporting every bad row at its cell, the admission rule with its source", () => {
    const csv = [
      "id,name,cluster,area,investor,type,traits,total_investment,fixed_investment,signed_on,started_on",
      "p-ok,好项目,hb-qibin,west,甲公司,industrial,labour_intensive,600,500,2024-03-05,",
      "p-small,小项目,hb-qibin,south,乙公司,industrial,high_tech,1200,999,2024-03-05,",
      "p-existing,重复,hb-qibin,,丙公司,industrial,,100,50,2024-03-05,",
      "p-ok,同号,hb-old,,丁公司,warehouse,,100,50,2024-03-05,2024-02-01",
      "P_bad,坏号,hb-qibin,,戊公司,service,,abc,50,2024-13-01,",
    ].join("\n")
    const v = validateProjectTable(parseCsv(csv), register, "2025-06-30")
    expect(v.ok).toBe(false)
    if (v.ok) return
    expect(v.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "fixed_investment", "below_min_investment"],
      [4, "id", "duplicate_id"],
      [5, "id", "duplicate_key"],
      [5, "type", "bad_type"],
      [6, "id", "bad_id"],
      [6, "total_investment", "not_numeric"],
      [6, "signed_on", "bad_date"],
    ])
    const small = v.issues[0]!
    expect(small.value).toBe(999)
    expect(small.zh).toContain("南区主要安排固定资产投资1000万元的高新技术项目")
    // Exactly 1,000万 in the south area is admitted.
    const exact = csv.split("\n").slice(0, 1).concat("p-k,整千万,hb-qibin,south,乙公司,industrial,high_tech,1200,1000,2024-03-05,").join("\n")
    expect(validateProjectTable(parseCsv(exact), register, "2025-06-30").ok).toBe(true)
  })

  it("names an archived zone, and a start before the signing at the start date", () => {
    const csv = [
      "id,name,cluster,investor,type,total_investment,fixed_investment,signed_on,started_on",
      "p-2,项目,hb-old,甲,industrial,100,50,2024-03-05,2024-02-01",
    ].join("\n")
    const v = validateProjectTable(parseCsv(csv), register, "2025-06-30")
    expect(v.ok ? [] : v.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "cluster", "cluster_archived"],
      [2, "started_on", "first_not_signed"],
    ])
  })

  it("names a missing column once, at the header", () => {
    const v = validateProjectTable(parseCsv("id,name\np,q"), register, "2025-06-30")
    expect(v.ok ? [] : v.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [1, "cluster", "missing_column"],
      [1, "investor", "missing_column"],
      [1, "type", "missing_column"],
      [1, "total_investment", "missing_column"],
      [1, "fixed_investment", "missing_column"],
      [1, "signed_on", "missing_column"],
    ])
  })
})

describe("the weekly report table", () => {
  const projects = [
    {
      id: "p-1",
      cluster: "hb-qibin",
      milestones: { signedOn: "2024-06-01", landRecoveredOn: null },
      reports: [{ week: "2025-W09", investmentToDate: 1000, progressPercent: 20 }],
    },
  ]
  const now = new Date("2025-03-20T02:00:00Z")

  it("reads weeks or days, problems as 部门：问题, and checks each report against the stored series", () => {
    const csv = [
      "项目编号,周次,本周完成投资,累计完成投资,形象进度（%）,需协调解决的问题,报送时间",
      "p-1,2025-W10,100,1100,25,国土局：用地指标未落实；供电公司：专线未接通,2025-03-10 09:30",
      "p-1,2025-03-12,50,1150,26,,",
    ].join("\n")
    const v = validateReportTable(parseCsv(csv), projects, now, "2025-03-20")
    expect(v.ok).toBe(true)
    if (!v.ok) return
    expect(v.reports.map((r) => [r.row, r.report.week, r.submittedAt])).toEqual([
      [2, "2025-W10", "2025-03-10T01:30:00.000Z"],
      [3, "2025-W11", null],
    ])
    expect(v.reports[0]!.report.problems).toEqual([
      { department: "国土局", description: "用地指标未落实" },
      { department: "供电公司", description: "专线未接通" },
    ])
  })

  it("refuses the file when any row breaks the rule, naming the cell", () => {
    const csv = [
      "project,week,investment_this_week,investment_to_date,progress_percent,problems,submitted_at",
      "p-1,2025-W10,100,900,25,,",
      "p-2,2025-W10,1,1,1,,",
      "p-1,2025-W13,1,2000,120,无部门的问题,",
      "p-1,2025-W11,1,2000,30,,2025-03-01",
      "p-1,2025-W11,1,2000,30,,",
    ].join("\n")
    const v = validateReportTable(parseCsv(csv), projects, now, "2025-03-20")
    expect(v.ok ? [] : v.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "investment_to_date", "to_date_decreased"],
      [3, "project", "unknown_project"],
      [4, "progress_percent", "percent_range"],
      [4, "problems", "bad_problem"],
      [5, "submitted_at", "submitted_before_week"],
      [6, "week", "duplicate_key"],
    ])
  })

  it("parses problem lists and dates", () => {
    expect(parseProblems("环保局: 环评批复待下达")).toEqual([{ department: "环保局", description: "环评批复待下达" }])
    expect(parseProblems("没有冒号")).toBeUndefined()
    expect(cellDate("2025.3.9")).toBe("2025-03-09")
    expect(cellDate("2025-03-09 00:00:00")).toBe("2025-03-09")
    expect(cellDate("2025-02-30")).toBeUndefined()
  })
})
