import { incentive } from "@jiju/app"
import { DEFAULT_PROVINCIAL_SHARE, IncentiveDocument, type IncentiveRule, incentivePeriodRange } from "@jiju/domain"
import { wireDocument } from "@jiju/domain/contract"
import { checkOptions, numberFlag, parseFlags } from "../args.js"
import { fmt, judge, sourceFromFlags } from "../assessmentData.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** `jiju incentive`: the fiscal incentive (核定基数、超收全返、一定三年) per zone and year, with the arithmetic. */
export const incentiveCommand: Command = {
  name: "incentive",
  summary: { zh: "财政激励（超收全返）测算", en: "fiscal incentive: tax above the base returned" },
  usage: [
    "jiju incentive [--base-year 2009] [--from 2010 --to 2012] [--rule full_refund|yoy] [--share S] [--cluster ID]",
    "               [--data F [--clusters F]] [--json]",
    "  --base-year Y   the year whose 增值税 + 营业税 + 企业所得税 (vat, business_tax, corporate_income_tax) fix the base",
    "  --rule R        full_refund: the provincial share above the base is returned; yoy: its year-on-year increase",
    "                  (default without --rule and range: Henan's, full refund 3 years then yoy 3 years)",
    `  --share S       the province's share of the three taxes, 0–1 (default ${DEFAULT_PROVINCIAL_SHARE}, an assumption: the documents give none)`,
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
        results.map((r) => [r.clusterId, r.name, fmt(r.base.total), ...r.years.map((y) => fmt(y.returned)), fmt(r.totalReturned), r.missingYears.join(",")]),
      ),
    )
    io.stdout.write("单位 unit: 亿元 100m CNY\n")
    for (const a of assumptions) io.stdout.write(`假设 assumption: ${a.zh} · ${a.en}\n`)
    return 0
  },
}
