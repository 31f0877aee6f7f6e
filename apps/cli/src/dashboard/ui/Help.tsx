import { Box, Text } from "ink"
import { bi, fit, type Lang, tr } from "./text.js"

const keys: ReadonlyArray<readonly [string, string, string]> = [
  ["↑ ↓  j k", "移动 / 滚动", "move / scroll"],
  ["Tab  Shift+Tab", "切换屏幕：总览、集聚区、分析、目标、冷热点、项目督导", "screens: overview, cluster, analyses, targets, hot spots, projects"],
  ["Enter", "打开所选集聚区；在分析屏运行", "open the selected zone; run on the analyses screen"],
  ["Esc", "返回 / 取消筛选 / 取消计算", "back / clear filter / cancel a run"],
  ["/", "按名称、编号或区域筛选", "filter by name, id or region"],
  ["← →  g", "总览：组别；分析、冷热点：期间；目标：目标集；项目督导：周次", "overview: group; analyses, hot spots: period; targets: set; projects: week"],
  ["[ ]", "冷热点：上一个 / 下一个指标", "hot spots: previous / next indicator"],
  ["s", "切换考核方案", "switch assessment scheme"],
  ["p", "项目督导：周报、停滞项目、待解决问题、周例会议程", "projects: weekly reports, stalled projects, problems, meeting agenda"],
  ["Space", "分析：选择指标（第一个为因变量）", "analyses: pick indicators (the first is y)"],
  ["e", "导出本期已存考核结果的工作簿（.xlsx）到当前目录", "export the period's stored run as a workbook (.xlsx) to the current directory"],
  ["l", "中文 / English", "中文 / English"],
  ["?", "帮助（再按关闭）", "help (again to close)"],
  ["q", "退出", "quit"],
]

/** The help overlay listing every key. */
export const Help = ({ lang }: { lang: Lang }) => (
  <Box flexDirection="column">
    <Text bold>{tr(lang, bi("按键 Keys", "Keys 按键"))}</Text>
    {keys.map(([k, zh, en]) => (
      <Text key={k} wrap="truncate">
        {fit(k, 16)} {lang === "zh" ? zh : en}
      </Text>
    ))}
  </Box>
)
