import { findIndicator } from "@jiju/domain/model"
import { Box, Text } from "ink"
import { type AnalysisProgress, type AnalysisResult, analysisIndicators, subsystemName } from "../data/analyses.js"
import { PREFECTURE_WEIGHTS_NOTE } from "../data/prefectureGal.js"
import { type Line, Lines } from "./Lines.js"
import { bar, bi, fit, type Lang, num, pval, tr } from "./text.js"
import type { Theme } from "./theme.js"

/** The state of the Analyses screen. */
export interface AnalysesView {
  readonly mode: "select" | "running" | "results"
  readonly cursor: number
  readonly selected: ReadonlyArray<string>
  readonly period: string
  readonly progress: AnalysisProgress | null
  readonly result: AnalysisResult | null
  readonly message: { zh: string; en: string } | null
  readonly scroll: number
}

/** The documents of a run as lines (tables of coupling, Moran's I, LISA and the regression), as the core answered them. */
export const analysisLines = (r: AnalysisResult, lang: Lang): Line[] => {
  const L = (zh: string, en: string) => tr(lang, bi(zh, en))
  const name = (c: string) => {
    const d = findIndicator(c)
    return d ? tr(lang, { zh: d.zh, en: d.en }) : c
  }
  const out: Line[] = [
    `${L("期间", "Period")} ${r.period} · ${L("集聚区", "zones")} n = ${r.units} · ${L("变量", "variable")}: ${name(r.variable)}`,
    tr(lang, PREFECTURE_WEIGHTS_NOTE),
    "",
  ]
  out.push(L("— 耦合协调度 —", "— Coupling coordination —"))
  if ("error" in r.coupling) out.push(`  ${tr(lang, r.coupling.error)}`)
  else {
    const { document: model, subsystems } = r.coupling
    const rows = model.rows
    const mean = (f: (x: (typeof rows)[number]) => number) => rows.reduce((s, x) => s + f(x), 0) / Math.max(1, rows.length)
    out.push(`  ${fit(L("子系统", "Subsystem"), 22)} ${fit("mean U", 8, "right")}  ${L("指标权重（熵值法）", "indicator weights (entropy)")}`)
    for (const s of subsystems)
      out.push(
        `  ${fit(tr(lang, subsystemName(s)), 22)} ${fit(
          num(
            mean((x) => x.U[s] ?? 0),
            3,
          ),
          8,
          "right",
        )}  ${Object.entries(model.weights[s] ?? {})
          .map(([c, w]) => `${name(c)} ${num(w as number, 3)}`)
          .join(", ")}`,
      )
    out.push(
      `  mean C ${num(
        mean((x) => x.C),
        3,
      )} · mean T ${num(
        mean((x) => x.T),
        3,
      )} · mean D ${num(
        mean((x) => x.D),
        3,
      )}`,
    )
    const counts = new Map<number, { level: (typeof rows)[number]["level"]; n: number }>()
    for (const x of rows) counts.set(x.level.grade, { level: x.level, n: (counts.get(x.level.grade)?.n ?? 0) + 1 })
    for (const { level, n } of [...counts.values()].sort((a, b) => b.level.grade - a.level.grade))
      out.push(`  ${fit(tr(lang, level), 26)} ${bar(n / Math.max(1, rows.length), 20)} ${n}`)
  }
  out.push("")
  out.push(L("— 全局 Moran's I —", "— Global Moran's I —"))
  if ("error" in r.moran) out.push(`  ${tr(lang, r.moran.error)}`)
  else {
    const m = r.moran
    out.push(
      `  I = ${num(m.I, 4)}  E[I] = ${num(m.expected, 4)}  z = ${num(m.z_randomization, 3)}  p(${L("随机化", "randomisation")}) = ${pval(m.p_randomization)}`,
    )
    out.push(
      `  p(${L("正态", "normality")}) = ${pval(m.p_normality)}  p(${L("置换", "permutation")}, ${m.permutations}) = ${pval(m.p_permutation)}  n = ${m.n}`,
    )
  }
  out.push("")
  out.push(L("— 局部 Moran（LISA），置换 p < 0.05 —", "— Local Moran (LISA), permutation p < 0.05 —"))
  if ("error" in r.lisa) out.push(`  ${tr(lang, r.lisa.error)}`)
  else {
    const rows = r.lisa.rows
    const sig = rows.filter((x) => x.quadrant !== null && (x.p_permutation ?? x.p ?? 1) < 0.05)
    out.push(
      `  ${(["HH", "LL", "HL", "LH"] as const).map((q) => `${q} ${sig.filter((x) => x.quadrant === q).length}`).join("  ")}  · ${L("不显著", "not significant")} ${rows.length - sig.length}`,
    )
  }
  out.push("")
  out.push(L("— 回归（OLS）与空间诊断 —", "— Regression (OLS) and spatial diagnostics —"))
  if ("error" in r.regression) out.push(`  ${tr(lang, r.regression.error)}`)
  else {
    const f = r.regression
    const d = f.diagnostics
    out.push(
      `  ${fit(L("变量", "term"), 24)} ${fit(L("系数", "estimate"), 11, "right")} ${fit(L("标准误", "s.e."), 10, "right")} ${fit("t", 8, "right")} ${fit("p", 7, "right")}`,
    )
    for (const [term, c] of Object.entries(f.coefficients))
      out.push(
        `  ${fit(term === "(Intercept)" ? L("常数项", "(Intercept)") : name(term), 24)} ${fit(num(c.estimate, 4), 11, "right")} ${fit(num(c.se, 4), 10, "right")} ${fit(num(c.z, 2), 8, "right")} ${fit(pval(c.p), 7, "right")}`,
      )
    out.push(`  R² = ${num(f.r2, 3)}  adj. R² = ${num(f.adj_r2, 3)}  n = ${f.n}  AIC = ${num(f.aic, 1)}`)
    out.push(`  LM-lag ${num(d.lm_lag.statistic, 2)} (p ${pval(d.lm_lag.p)})  LM-error ${num(d.lm_error.statistic, 2)} (p ${pval(d.lm_error.p)})`)
    out.push(
      `  robust LM-lag ${num(d.robust_lm_lag.statistic, 2)} (p ${pval(d.robust_lm_lag.p)})  robust LM-error ${num(d.robust_lm_error.statistic, 2)} (p ${pval(d.robust_lm_error.p)})`,
    )
    out.push(`  ${L("建议模型", "suggested model")}: ${f.recommendation.model} — ${tr(lang, f.recommendation.reason)}`)
  }
  return out
}

/** The Analyses screen: choose indicators and period, run, watch progress, read the tables. */
export const AnalysesScreen = ({
  view,
  periods,
  lang,
  theme,
  width,
  height,
}: {
  view: AnalysesView
  periods: ReadonlyArray<string>
  lang: Lang
  theme: Theme
  width: number
  height: number
}) => {
  const L = (zh: string, en: string) => tr(lang, bi(zh, en))
  if (view.mode === "results" && view.result) return <Lines lines={analysisLines(view.result, lang)} scroll={view.scroll} height={height} />
  if (view.mode === "running") {
    const p = view.progress
    const share = p ? p.done / p.total : 0
    return (
      <Box flexDirection="column">
        <Text>{L("正在计算…", "Running…")}</Text>
        <Text color={theme.accent}>
          {bar(share, Math.max(10, Math.min(50, width - 20)))} {Math.round(share * 100)}%
        </Text>
        <Text>{p ? tr(lang, p.step) : ""}</Text>
        <Text dimColor={theme.dim}>{L("Esc 取消", "Esc cancels")}</Text>
      </Box>
    )
  }
  const visible = Math.max(3, height - 5)
  const start = Math.max(0, Math.min(view.cursor - Math.floor(visible / 2), analysisIndicators.length - visible))
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {L("期间", "Period")} ◀ {view.period} ▶ ({periods.length > 0 ? `${periods[0]}–${periods.at(-1)}` : "—"}, ←/→) ·{" "}
        {L("空格 选择 · Enter 运行", "Space toggles · Enter runs")}
      </Text>
      <Text wrap="truncate" dimColor={theme.dim}>
        {L(
          "第一个选中的指标为 Moran/LISA 变量和回归因变量；耦合按指标所属子系统分组",
          "The first selected indicator is the Moran/LISA variable and the regression's y; coupling groups by subsystem",
        )}
      </Text>
      {analysisIndicators.slice(start, start + visible).map((code, i) => {
        const d = findIndicator(code)
        const at = start + i === view.cursor
        const k = view.selected.indexOf(code)
        return (
          <Text key={code} wrap="truncate" inverse={at && theme.accent !== undefined}>
            {at ? "›" : " "} [{k >= 0 ? (k === 0 ? "y" : "x") : " "}] {fit(d ? tr(lang, { zh: d.zh, en: d.en }) : code, 24)}{" "}
            {fit(d ? tr(lang, subsystemName(d.subsystem)) : "", 16)} {code}
          </Text>
        )
      })}
      {view.message ? <Text color={theme.warn}>{tr(lang, view.message)}</Text> : null}
    </Box>
  )
}
