import {
  type AssessedCluster,
  type CertificationDocument,
  decodeScheme,
  ruleSource,
  runAssessment,
  runReport,
  type ValueRow,
  valueLookup,
} from "@jiju/domain/assessment"
import { xml } from "@jiju/domain/io"
import { unzipSync } from "fflate"

// Two indicators (revenue 60 points, energy per value added 40 points, less is better), min-max within each
// group, one zone rewarded per group, a pollution veto; zone names that a spreadsheet would take for formulas.
const scheme = decodeScheme({
  id: "test",
  name: { zh: "测试方案", en: "Test scheme" },
  totalPoints: 100,
  dimensions: [
    {
      id: "all",
      name: { zh: "全部", en: "All" },
      indicators: [
        { code: "revenue", weight: 60 },
        { code: "energy_per_value_added", weight: 40 },
      ],
    },
  ],
  weighting: { method: "given" },
  normalisation: { method: "minmax" },
  normaliseWithin: "group",
  rewards: { urban_district: 1, county: 1 },
  veto: [
    { id: "pollution", kind: "indicator", indicator: "serious_pollution", op: ">", threshold: 0, reason: { zh: "重大环境污染", en: "serious pollution" } },
  ],
})
const names: Record<string, string> = { a: '=HYPERLINK("http://x")', b: "乙区", c: "丙区", d: "+丁区", e: "戊区", f: "己区" }
const zone = (id: string, group: AssessedCluster["group"]): AssessedCluster => ({
  id,
  name: names[id]!,
  group,
  planning: [{ kind: "master_plan", state: "approved" }],
})
const clusters = [zone("a", "urban_district"), zone("b", "urban_district"), zone("c", "county"), zone("d", "county"), zone("e", "county"), zone("f", "county")]
const rows = (period: string, data: Record<string, [number, number]>): ValueRow[] =>
  Object.entries(data).flatMap(([clusterId, [rev, energy]]) => [
    { clusterId, indicator: "revenue", period, value: rev },
    { clusterId, indicator: "energy_per_value_added", period, value: energy },
  ])
const value = valueLookup([
  ...rows("2024", { a: [30, 1], b: [20, 3], c: [10, 2], d: [20, 1], e: [5, 4] }),
  ...rows("2025", { a: [20, 2], b: [40, 1], c: [30, 1], d: [10, 3], e: [5, 4], f: [50, 1] }),
  { clusterId: "f", indicator: "serious_pollution", period: "2025", value: 1 },
])
export const previous = runAssessment(scheme, { clusters: clusters.filter((c) => c.id !== "f"), value }, "2024")
export const result = runAssessment(scheme, { clusters, value }, "2025", previous)

// One certification with a failed condition, as `certify` words it (the writer only copies it).
const certification: CertificationDocument = {
  period: "2025",
  source: "store",
  demo: false,
  rules: [],
  results: [
    {
      id: "c",
      name: "丙区",
      level: "county",
      tableChosen: false,
      table: "county-service-agglomeration",
      tableId: "county-service-agglomeration",
      form: "cbd",
      status: "not_certified",
      certified: false,
      direct: false,
      failed: [
        {
          id: "revenue",
          requirement: { zh: "营业收入超过 5.6 亿元", en: "revenue above 0.56bn CNY" },
          op: ">",
          required: 5.6,
          actual: 4.1,
          unit: "亿元",
          unitEn: "100m CNY",
          shortfall: 1.5,
          passed: false,
          note: null,
          source: ruleSource("p10.cbd.revenue"),
          evidence: null,
        },
      ],
      passed: [],
      unknown: [],
      text: { zh: "不予认定：营业收入差 1.5 亿元", en: "not certified: revenue short by 1.5" },
    },
  ],
}

/** The report of a draft run of the fixture, with a yellow card. */
export const draftReport = (published = false) =>
  runReport({
    run: { id: "run_1", scheme: "test", period: "2025", published, createdAt: "2026-01-10T00:00:00.000Z" },
    result,
    compared: previous,
    certification,
    issuer: "测试领导小组办公室",
    date: "2026-01-15",
    yellowCards: [{ clusterId: "d", reason: "工作不主动" }],
  })

const walk = (el: xml.XmlElement, visit: (e: xml.XmlElement) => boolean | undefined): void => {
  for (const c of el.children) if (typeof c !== "string" && visit(c) !== false) walk(c, visit)
}

const textIn = (el: xml.XmlElement): string => {
  let s = ""
  walk(el, (e) => {
    if (e.name === "t") s += xml.textOf(e)
    return true
  })
  return s
}

/** A .docx read back: the text of its body paragraphs (outside tables), its tables' cells, its headers' text. */
export const readDocx = (bytes: Uint8Array) => {
  const files = unzipSync(bytes)
  const doc = xml.parseXml(new TextDecoder().decode(files["word/document.xml"]!))
  const paragraphs: string[] = []
  const tables: string[][][] = []
  walk(doc, (e) => {
    if (e.name === "p") {
      paragraphs.push(textIn(e))
      return false
    }
    if (e.name === "tbl") {
      tables.push(xml.childrenNamed(e, "tr").map((tr) => xml.childrenNamed(tr, "tc").map(textIn)))
      return false
    }
    return true
  })
  const headers = Object.keys(files)
    .filter((f) => /^word\/header\d*\.xml$/.test(f))
    .map((f) => textIn(xml.parseXml(new TextDecoder().decode(files[f]!))))
  return { paragraphs, tables, headers }
}
