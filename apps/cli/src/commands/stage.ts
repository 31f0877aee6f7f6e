import { stage } from "@jiju/app"
import { StageDocument, stagePeriodRange } from "@jiju/domain"
import { wireDocument } from "@jiju/domain/contract"
import { checkOptions, parseFlags } from "../args.js"
import { judge, periodFlag, sourceFromFlags, zoneFlagOptions } from "../assessmentData.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** `jiju stage`: development stage (集中 / 集聚 / 集群) and reach of zones, with the proxy that decided. */
export const stageCommand: Command = {
  name: "stage",
  summary: { zh: "发展阶段判定", en: "development stage and reach" },
  usage: [
    "jiju stage --period P [--cluster ID] [--data F [--clusters F]] [--json]",
    "  --cluster ID    one zone (default: every zone)",
    "Proxies: leading_industry_lq, leading_industry_share (集聚); local_supply_ratio, rd_institutions, patents_granted,",
    "brands (集群); brands, rd_institutions (向内辐射); outside_supply_share, patents_granted (向外辐射). A missing proxy",
    "stops the step: the stage shown is the highest confirmed, marked provisional.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, zoneFlagOptions)
    const options = { period: periodFlag(values.period), cluster: values.cluster }
    checkOptions(() => stagePeriodRange(options))
    const source = await sourceFromFlags(io, values)
    const doc = await judge(io, source, (actor) => stage(actor, { ...options, source }))
    if (values.json === true) {
      printJson(io, wireDocument(StageDocument, doc))
      return 0
    }
    const { results } = doc
    const why = (d: (typeof results)[number]["stageDecidedBy"]) =>
      d === null ? "" : d.met === null ? `${d.indicator} 缺 missing` : `${d.indicator} ${d.value} < ${d.min}`
    io.stdout.write(
      table(
        ["编号 ID", "名称 Name", "阶段 Stage", "辐射 Reach", "暂定 Provisional", "决定因素 Decided by"],
        results.map((r) => [
          r.id,
          r.name,
          `${r.stageName.zh} ${r.stageName.en}`,
          r.reachName ? r.reachName.zh : "—",
          r.provisional ? "是 yes" : "",
          why(r.stageDecidedBy),
        ]),
      ),
    )
    io.stdout.write(`${results.length} 个集聚区 zones${doc.demo ? "（含演示数据 includes demo data）" : ""}\n`)
    return 0
  },
}
