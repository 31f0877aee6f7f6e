import { positions } from "@jiju/app"
import { PositionsDocument, positionsPeriods } from "@jiju/domain/assessment"
import { wireDocument } from "@jiju/domain/contract"
import { checkOptions, parseFlags } from "../args.js"
import { judge, periodFlag, sourceFromFlags } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** `jiju positions`: 篇8's province-wide positions on one indicator, their change, and the zones with no new project. */
export const positionsCommand: Command = {
  name: "positions",
  summary: { zh: "全省单项指标位次与变化（篇8）", en: "province-wide positions on one indicator (篇8)" },
  usage: [
    "jiju positions --indicator CODE --period P [--against P0] [--data F [--clusters F]] [--json]",
    "  --indicator     e.g. fixed_investment (总投资), infrastructure_investment (基础设施投资), revenue",
    "  --period P      a year, a half year (2025H1), a quarter or a month",
    "  --against P0    the earlier period compared with, e.g. the previous year-end 2024; default the period before",
    "Both groups are placed together (篇8: 宝山 at 95th of the province); ties share a place; a zone without a value is",
    "listed apart, never placed as zero. Also lists the zones whose 新开工项目数 is 0 in the period.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, {
      json: { type: "boolean" },
      indicator: { type: "string" },
      period: { type: "string" },
      against: { type: "string" },
      data: { type: "string" },
      clusters: { type: "string" },
    })
    if (values.indicator === undefined || values.indicator === "") throw new CliError("usage", "missing required flag --indicator", 2)
    const options = {
      indicator: values.indicator,
      period: periodFlag(values.period),
      against: values.against === undefined ? undefined : periodFlag(values.against, "against"),
    }
    checkOptions(() => positionsPeriods(options))
    const source = await sourceFromFlags(io, values)
    const doc = await judge(io, source, (actor) => positions(actor, { ...options, source }))
    if (values.json === true) {
      printJson(io, wireDocument(PositionsDocument, doc))
      return 0
    }
    const change = (c: number | null) => (c === null ? "—" : c > 0 ? `↑${c}` : c < 0 ? `↓${-c}` : "0")
    io.stdout.write(`${doc.indicatorName.zh} ${doc.indicatorName.en} — ${doc.period}（对比 vs ${doc.against}）\n`)
    io.stdout.write(
      table(
        ["位次 Position", "编号 ID", "名称 Name", "组 Group", "数值 Value", `${doc.against} 位次`, "变化 Change"],
        doc.positions.map((p) => [
          String(p.position),
          p.id,
          p.name,
          p.group,
          String(p.value),
          p.previousPosition === null ? "—" : String(p.previousPosition),
          change(p.change),
        ]),
      ),
    )
    if (doc.missing.length > 0) io.stdout.write(`缺数据未排位 No value (${doc.missing.length}): ${doc.missing.map((z) => z.id).join(", ")}\n`)
    io.stdout.write(
      `无新开工项目 No project started (${doc.noNewProjects.zones.length}): ${doc.noNewProjects.zones.map((z) => `${z.id} ${z.name}`).join("、") || "—"}\n`,
    )
    for (const r of doc.rules) io.stdout.write(`依据 ${r.id}: ${r.source.quote ?? r.source.note?.zh ?? ""}\n`)
    if (doc.demo) io.stdout.write("（含演示数据 includes demo data）\n")
    return 0
  },
}
