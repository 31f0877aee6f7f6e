/**
 * The words and number format of the 通报 bulletin, shared by its Word document (ReportDocuments.ts) and its HTML
 * twin that Chromium prints to PDF (ReportHtml.ts), so that the two read the same.
 */

/** A score or figure as the bulletin prints it: two decimals at most, "—" when missing. @example r2(81.456) // "81.46" */
export const r2 = (x: number | null): string => (x === null ? "—" : String(Number(x.toFixed(2))))

/** The bulletin's headings, column heads and fixed phrases, in Chinese and English. */
export const bulletinWords = {
  draft: { zh: "未发布", en: "DRAFT — NOT PUBLISHED" },
  noIssuer: { zh: "（发文机关未配置）", en: "(issuing body not configured)" },
  summary: { zh: "一、总体情况", en: "1. Overview" },
  rankings: { zh: "二、排名情况", en: "2. Rankings" },
  unranked: { zh: "三、未参加排名的集聚区", en: "3. Zones not ranked" },
  none: { zh: "无。", en: "None." },
  annex: { zh: "附件", en: "Annex" },
  rank: { zh: "名次", en: "Rank" },
  zone: { zh: "集聚区", en: "Zone" },
  score: { zh: "得分", en: "Score" },
  change: { zh: "名次变化", en: "Change" },
  stars: { zh: "星级", en: "Stars" },
  reward: { zh: "奖励", en: "Reward" },
  sanctions: { zh: "处理", en: "Sanctions" },
  yes: { zh: "是", en: "yes" },
  explanation: { zh: "得分与排名", en: "Score and rank" },
  diagnosis: { zh: "诊断", en: "Diagnosis" },
  certification: { zh: "认定", en: "Certification" },
  strengths: { zh: "优势", en: "Strengths" },
  shortfalls: { zh: "短板", en: "Shortfalls" },
  measures: { zh: "措施建议", en: "Measures" },
  positions: { zh: "单项指标排位", en: "Single-indicator positions" },
  indicator: { zh: "指标", en: "Indicator" },
  position: { zh: "位次", en: "Position" },
  positionChange: { zh: "位次变化", en: "Change" },
  checkup: { zh: "体检报告", en: "check-up" },
  noProblem: { zh: "未发现问题。", en: "No problem found." },
} as const
