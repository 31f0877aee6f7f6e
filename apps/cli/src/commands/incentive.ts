import { incentive } from "@jiju/app"
import { IncentiveDocument, type IncentiveRule, incentivePeriodRange } from "@jiju/domain"
import { wireDocument } from "@jiju/domain/contract"
import { checkOptions, numberFlag, parseFlags } from "../args.js"
import { fmt, judge, sourceFromFlags } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** `jiju incentive`: the fiscal incentive (核定基数、超收全返、一定三年) per zone and year, with the arithmetic. */
export const incentiveCommand: Command = {
  name: "incentive",
  summary: { zh: "财政激励（超收全返）测算", en: "fiscal incentive: tax above the base returned" },
  usage: [
    "jiju incentive --share S [--base-year 2009] [--from 2010 --to 2012] [--rule full_refund|yoy|full_refund_then_yoy]",
    "               [--cluster ID] [--data F [--clusters F]] [--json]",
    "  --share S       required: the province's share of the three taxes (按比例上缴省财政部分), 0–1; the documents give none",
    "  --base-year Y   the year whose 增值税 + 营业税 + 企业所得税 (vat, business_tax, corporate_income_tax) fix the base",
    "  --rule R        full_refund (default, 篇8): the provincial share above the base is returned, the three years after",
    "                  the base year unless --from/--to; yoy: its year-on-year increase; full_refund_then_yoy: three",
    "                  years of each (Henan's 2013–2015 practice, outside the documents)",
    "  A year without complete tax data is missing: its return and the zone's total are shown as —, never 0.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, {
      json: { type: "boolean" },
      "base-year": { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      rule: { type: "string" },
      share: { type: "string" },
      cluster: { type: "string" },
      data: { type: "string" },
      clusters: { type: "string" },
    })
    const options = {
      baseYear: numberFlag(values["base-year"], "base-year"),
      from: numberFlag(values.from, "from"),
      to: numberFlag(values.to, "to"),
      rule: values.rule as IncentiveRule | undefined,
      share: numberFlag(values.share, "share"),
      cluster: values.cluster,
    }
    if (options.share === undefined)
      throw new CliError(
        "missing_share",
        "missing required flag --share: the province's share of the three taxes (按比例上缴省财政部分), 0–1; the documents give none, so the commission states it",
        2,
      )
    checkOptions(() => incentivePeriodRange(options))
    const source = await sourceFromFlags(io, values)
    const doc = await judge(io, source, (actor) => incentive(actor, { ...options, source }))
    if (values.json === true) {
      printJson(io, wireDocument(IncentiveDocument, doc))
      return 0
    }
    const { policy, results, assumptions } = doc
    const years = results[0]?.years.map((y) => y.year) ?? []
    io.stdout.write(
      table(
        ["编号 ID", "名称 Name", `基数 Base ${policy.baseYear}`, ...years.map((y) => `${y} 返还`), "合计 Total", "缺数据 Missing"],
        results.map((r) => [
          r.clusterId,
          r.name,
          fmt(r.base.total),
          ...r.years.map((y) => fmt(y.returned)),
          r.totalReturned === null ? `— (≥ ${fmt(r.knownReturned)})` : fmt(r.totalReturned),
          r.missingYears.join(","),
        ]),
      ),
    )
    io.stdout.write("单位 unit: 亿元 100m CNY\n")
    for (const a of assumptions) io.stdout.write(`假设 assumption: ${a.zh} · ${a.en}\n`)
    for (const r of doc.rules)
      io.stdout.write(
        `依据 ${r.id}: ${r.source.quote ?? r.source.note?.zh ?? ""}${r.source.kind === "practice" ? "（文件以外的做法 outside practice）" : ""}\n`,
      )
    return 0
  },
}
