/**
 * The workbook of a stored run (.xlsx): one sheet per table — the ranking of each group, the zones not ranked,
 * each zone's indicator values and points, certification with shortfalls, targets with the pace needed, the
 * single-indicator positions and each zone's explanation. Chinese headers by default, English on request;
 * frozen header rows; number formats that carry the unit; text that a spreadsheet would run as a formula is made
 * inert (`inertCell`).
 */
import { periodLabel, type RunReport, type SanctionKind } from "@jiju/domain/assessment"
import { inertCell } from "@jiju/domain/io"
import type { Bilingual, Language } from "@jiju/domain/model"
import ExcelJS from "exceljs"

/** A cell: text, a number (with its own format when the column has none), or empty. */
type Cell = string | number | boolean | null | { readonly n: number | null; readonly fmt: string }

interface Column {
  readonly header: Bilingual
  readonly width: number
  /** Number format of the column's numbers. */
  readonly fmt?: string
}

// A unit inside a number format is a quoted literal; a quote in it would end the literal.
const unitFormat = (decimals: string, unit: string) => (unit ? `${decimals}" ${unit.replace(/"/g, "")}"` : decimals)

const POINTS = { zh: "分", en: "pts" } as const

const yesNo = (lang: Language, b: boolean | null) => (b === null ? "" : lang === "zh" ? (b ? "是" : "否") : b ? "yes" : "no")

const sanctionWord: Record<SanctionKind, Bilingual> = {
  veto: { zh: "一票否决", en: "vetoed" },
  star_demotion: { zh: "降星", en: "lost stars" },
  yellow_card: { zh: "黄牌警告", en: "yellow card" },
}

const statusWord: Record<"ranked" | "vetoed" | "excluded", Bilingual> = {
  ranked: { zh: "参加排名", en: "ranked" },
  vetoed: { zh: "一票否决", en: "vetoed" },
  excluded: { zh: "缺少数据", en: "missing data" },
}

const certStatus: Record<"certified" | "not_certified" | "incomplete" | "no_table", Bilingual> = {
  certified: { zh: "认定", en: "certified" },
  not_certified: { zh: "不予认定", en: "not certified" },
  incomplete: { zh: "待补数据", en: "incomplete" },
  no_table: { zh: "未定认定标准", en: "no table chosen" },
}

const sheetNames = {
  cover: { zh: "说明", en: "About" },
  unranked: { zh: "未排名", en: "Not ranked" },
  values: { zh: "指标与得分", en: "Values and points" },
  certification: { zh: "认定", en: "Certification" },
  targets: { zh: "目标", en: "Targets" },
  positions: { zh: "单项排位", en: "Single indicators" },
  explanations: { zh: "说明与诊断", en: "Explanations" },
} as const

/**
 * The workbook of a run's report, as .xlsx bytes.
 * @example const bytes = await reportWorkbook(report, "zh")
 */
export const reportWorkbook = async (report: RunReport, lang: Language = "zh"): Promise<Uint8Array> => {
  const t = (b: Bilingual) => b[lang]
  const wb = new ExcelJS.Workbook()
  wb.creator = "Jiju"
  wb.title = t(report.title)
  const draftMark = report.draft ? (lang === "zh" ? "未发布" : "DRAFT — not published") : ""

  const addTable = (name: string, columns: ReadonlyArray<Column>, rows: ReadonlyArray<ReadonlyArray<Cell>>) => {
    const ws = wb.addWorksheet(name, {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
      // A draft says so on every printed page.
      headerFooter: report.draft ? { oddHeader: `&C&"-,Bold"&14${draftMark}`, evenHeader: `&C&"-,Bold"&14${draftMark}` } : {},
    })
    ws.columns = columns.map((c) => ({ header: inertCell(t(c.header)), width: c.width }))
    ws.getRow(1).font = { bold: true }
    for (const row of rows) {
      const added = ws.addRow(
        row.map((v) => {
          // A string cell is never run, but its text travels on (edited, saved as CSV): made inert as every
          // spreadsheet output of Jiju is.
          if (typeof v === "string") return inertCell(v)
          if (v !== null && typeof v === "object") return v.n
          return v
        }),
      )
      row.forEach((v, j) => {
        const fmt = v !== null && typeof v === "object" ? v.fmt : typeof v === "number" ? columns[j]?.fmt : undefined
        if (fmt) added.getCell(j + 1).numFmt = fmt
      })
    }
    return ws
  }

  // Cover: what the workbook is, who issues it, and whether it is published.
  addTable(
    t(sheetNames.cover),
    [
      { header: { zh: "项目", en: "Item" }, width: 16 },
      { header: { zh: "内容", en: "Value" }, width: 70 },
    ],
    [
      [lang === "zh" ? "标题" : "Title", t(report.title)],
      [lang === "zh" ? "考核方案" : "Scheme", t(report.schemeName)],
      [lang === "zh" ? "考核期" : "Period", t(periodLabel(report.period))],
      [lang === "zh" ? "对比期" : "Compared with", report.previousPeriod ? t(periodLabel(report.previousPeriod)) : ""],
      [lang === "zh" ? "发文机关" : "Issued by", report.issuer ?? (lang === "zh" ? "（发文机关未配置）" : "(issuing body not configured)")],
      [lang === "zh" ? "日期" : "Date", report.date],
      [lang === "zh" ? "状态" : "State", report.draft ? draftMark : lang === "zh" ? "已发布" : "published"],
      [lang === "zh" ? "运行编号" : "Run", report.run.id],
      ...(report.defaults ? [[lang === "zh" ? "默认值" : "Defaults", t(report.defaults)] as Cell[]] : []),
      [lang === "zh" ? "概述" : "Summary", t(report.summary.text)],
      ...report.warnings.map((w): Cell[] => [lang === "zh" ? "提示" : "Warning", t(w)]),
      ...report.notes.map((w): Cell[] => [lang === "zh" ? "未附" : "Left out", t(w)]),
    ],
  )

  const pts = `0.00" ${POINTS[lang]}"`
  for (const g of report.rankings) {
    addTable(
      lang === "zh" ? `${g.name.zh}组排名` : `Ranking ${g.name.en}`,
      [
        { header: { zh: "名次", en: "Rank" }, width: 8, fmt: "0" },
        { header: { zh: "代码", en: "Code" }, width: 14 },
        { header: { zh: "集聚区", en: "Zone" }, width: 24 },
        { header: { zh: "得分", en: "Score" }, width: 12, fmt: pts },
        { header: { zh: "上期名次", en: "Previous rank" }, width: 10, fmt: "0" },
        { header: { zh: "名次变化", en: "Change" }, width: 10, fmt: "+0;-0;0" },
        { header: { zh: "变化说明", en: "Change (text)" }, width: 14 },
        { header: { zh: "奖励", en: "Rewarded" }, width: 8 },
        { header: { zh: "星级", en: "Stars" }, width: 8, fmt: `0" ${lang === "zh" ? "星" : "★"}"` },
        { header: { zh: "处理", en: "Sanctions" }, width: 30 },
      ],
      g.rows.map((r) => [
        r.rank,
        r.clusterId,
        r.name,
        r.score,
        r.previousRank,
        r.rankChange,
        r.rankChangeText ? t(r.rankChangeText) : "",
        yesNo(lang, r.reward),
        r.stars,
        r.sanctions.map((s) => t(sanctionWord[s.kind])).join(lang === "zh" ? "、" : ", "),
      ]),
    )
  }

  addTable(
    t(sheetNames.unranked),
    [
      { header: { zh: "代码", en: "Code" }, width: 14 },
      { header: { zh: "集聚区", en: "Zone" }, width: 24 },
      { header: { zh: "情形", en: "Status" }, width: 12 },
      { header: { zh: "原因", en: "Reasons" }, width: 70 },
    ],
    report.unranked.map((u) => [u.clusterId, u.name, t(statusWord[u.status]), u.reasons.map(t).join(lang === "zh" ? "；" : "; ")]),
  )

  // Values and points: two columns per indicator, the value in its unit and the points earned.
  addTable(
    t(sheetNames.values),
    [
      { header: { zh: "代码", en: "Code" }, width: 14 },
      { header: { zh: "集聚区", en: "Zone" }, width: 24 },
      { header: { zh: "组别", en: "Group" }, width: 10 },
      { header: { zh: "状态", en: "Status" }, width: 10 },
      { header: { zh: "得分", en: "Score" }, width: 12, fmt: pts },
      ...report.indicators.flatMap((i): Column[] => [
        { header: { zh: `${i.name.zh}（${i.unit}）`, en: `${i.name.en} (${i.unit})` }, width: 16, fmt: unitFormat("#,##0.00", i.unit) },
        { header: { zh: `${i.name.zh}得分`, en: `${i.name.en} points` }, width: 12, fmt: pts },
      ]),
    ],
    report.zones.map(({ zone: z }) => [
      z.clusterId,
      z.name,
      t(report.rankings.find((g) => g.group === z.group)?.name ?? { zh: z.group, en: z.group }),
      t(statusWord[z.status]),
      z.score,
      ...report.indicators.flatMap((i): Cell[] => {
        const k = z.contributions.find((x) => x.code === i.code)
        return [k?.value ?? null, k?.points ?? null]
      }),
    ]),
  )

  // Certification: one row per condition, its threshold, the zone's figure and the shortfall.
  const cert = report.certification
  addTable(
    t(sheetNames.certification),
    [
      { header: { zh: "代码", en: "Code" }, width: 14 },
      { header: { zh: "集聚区", en: "Zone" }, width: 24 },
      { header: { zh: "认定结论", en: "Outcome" }, width: 12 },
      { header: { zh: "条件", en: "Condition" }, width: 40 },
      { header: { zh: "要求", en: "Required" }, width: 14 },
      { header: { zh: "实际", en: "Actual" }, width: 14 },
      { header: { zh: "差距", en: "Shortfall" }, width: 14 },
      { header: { zh: "是否达到", en: "Met" }, width: 10 },
    ],
    (cert?.results ?? []).flatMap((z) =>
      [...z.failed, ...z.unknown, ...z.passed].map((c): Cell[] => {
        const unit = lang === "zh" ? c.unit : c.unitEn
        const fmt = unitFormat("#,##0.##", unit)
        return [
          z.id,
          z.name,
          t(certStatus[z.status]),
          t(c.requirement),
          c.required === null ? null : { n: c.required, fmt },
          typeof c.actual === "boolean" ? yesNo(lang, c.actual) : c.actual === null ? null : { n: c.actual, fmt },
          c.shortfall === null ? null : { n: c.shortfall, fmt },
          c.passed === null ? (lang === "zh" ? "无法判断" : "unknown") : yesNo(lang, c.passed),
        ]
      }),
    ),
  )

  const targets = report.targets
  addTable(
    t(sheetNames.targets),
    [
      { header: { zh: "目标", en: "Target" }, width: 50 },
      { header: { zh: "实际", en: "Actual" }, width: 14, fmt: "#,##0.####" },
      { header: { zh: "目标值", en: "Target value" }, width: 14, fmt: "#,##0.####" },
      { header: { zh: "是否达成", en: "Attained" }, width: 10 },
      { header: { zh: "完成程度", en: "Attainment" }, width: 12, fmt: "0.0%" },
      { header: { zh: "差距", en: "Gap" }, width: 14, fmt: "#,##0.####" },
      { header: { zh: "每年所需增速", en: "Growth needed a year" }, width: 14, fmt: "0.00%" },
      { header: { zh: "每年所需增量", en: "Change needed a year" }, width: 14, fmt: "#,##0.####" },
      { header: { zh: "目标年份", en: "Target year" }, width: 10, fmt: "0" },
    ],
    targets
      ? targets.targets.map((x) => [
          t(x.description),
          x.actual,
          x.target,
          yesNo(lang, x.attained),
          x.attainment,
          x.gap,
          x.requiredAnnualGrowth,
          x.requiredAnnualChange,
          targets.targetYear,
        ])
      : [
          [
            lang === "zh"
              ? "未附目标跟踪：未指定目标集（jiju report --targets 或查询参数 targets），或无权查看（见“说明”页）"
              : "no target tracking: no target set given (jiju report --targets, or the targets query), or not yours to read (see About)",
          ],
        ],
  )

  addTable(
    t(sheetNames.positions),
    [
      { header: { zh: "指标", en: "Indicator" }, width: 22 },
      { header: { zh: "位次", en: "Position" }, width: 8, fmt: "0" },
      { header: { zh: "参与数", en: "Of" }, width: 8, fmt: "0" },
      { header: { zh: "代码", en: "Code" }, width: 14 },
      { header: { zh: "集聚区", en: "Zone" }, width: 24 },
      { header: { zh: "数值", en: "Value" }, width: 16 },
      { header: { zh: "上期位次", en: "Previous position" }, width: 10, fmt: "0" },
      { header: { zh: "位次变化", en: "Change" }, width: 10, fmt: "+0;-0;0" },
    ],
    report.positions.flatMap((p) =>
      p.positions.map((x): Cell[] => [
        t(p.name),
        x.position,
        p.size,
        x.clusterId,
        x.name,
        { n: x.value, fmt: unitFormat("#,##0.00", p.unit) },
        x.previousPosition,
        x.change,
      ]),
    ),
  )

  addTable(
    t(sheetNames.explanations),
    [
      { header: { zh: "代码", en: "Code" }, width: 14 },
      { header: { zh: "集聚区", en: "Zone" }, width: 24 },
      { header: { zh: "说明", en: "Explanation" }, width: 80 },
      { header: { zh: "诊断", en: "Diagnosis" }, width: 60 },
    ],
    report.zones.map((z) => [z.zone.clusterId, z.zone.name, t(z.zone.explanation), z.diagnosis ? t(z.diagnosis.text) : ""]),
  )

  return new Uint8Array(await wb.xlsx.writeBuffer())
}
