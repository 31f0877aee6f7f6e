import { type FiscalIncentivePolicy, fiscalIncentive, henanFiscalIncentive } from "@jiju/domain"
import { numberFlag, parseFlags } from "../args.js"
import { findCluster, fmt, unknownPeriod, withAssessmentData } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** The provincial share when none is given: an assumption, printed with the result (the documents give none). */
export const DEFAULT_PROVINCIAL_SHARE = 0.25

const year = (value: string | undefined, flag: string, fallback?: number): number | undefined => {
  const n = numberFlag(value, flag, fallback)
  if (n !== undefined && !(Number.isInteger(n) && n >= 1900 && n <= 2099)) throw new CliError("usage", `--${flag} expects a year like 2010; got "${value}"`, 2)
  return n
}

/**
 * The policy the flags describe: no --rule and no range gives Henan's (full return for the three years after the
 * base year, then three years of year-on-year return); --rule full_refund or yoy applies one rule over
 * --from..--to.
 */
export const policyFromFlags = (flags: { baseYear: number; from?: number | undefined; to?: number | undefined; rule?: string | undefined; share: number }): FiscalIncentivePolicy => {
  const { baseYear, share } = flags
  if (flags.rule !== undefined && flags.rule !== "full_refund" && flags.rule !== "yoy") throw new CliError("usage", `--rule must be full_refund or yoy; got "${flags.rule}"`, 2)
  if (flags.rule === undefined && flags.from === undefined && flags.to === undefined) {
    const h = henanFiscalIncentive(share)
    const shift = baseYear - h.baseYear
    return { ...h, baseYear, fullReturn: { from: h.fullReturn.from + shift, to: h.fullReturn.to + shift }, increaseReturn: { from: h.increaseReturn!.from + shift, to: h.increaseReturn!.to + shift } }
  }
  const rule = flags.rule ?? "full_refund"
  const from = flags.from ?? (rule === "full_refund" ? baseYear + 1 : baseYear + 4)
  const to = flags.to ?? (rule === "full_refund" ? baseYear + 3 : baseYear + 6)
  if (from > to) throw new CliError("usage", `--from ${from} is after --to ${to}`, 2)
  if (rule === "full_refund" && from <= baseYear) throw new CliError("usage", `--from ${from} must come after the base year ${baseYear}`, 2)
  // An empty full-return range (from > to) leaves only the year-on-year rule.
  return rule === "full_refund"
    ? { baseYear, fullReturn: { from, to }, increaseReturn: null, provincialShare: share }
    : { baseYear, fullReturn: { from: to + 1, to }, increaseReturn: { from, to }, provincialShare: share }
}

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
    const baseYear = year(values["base-year"], "base-year", 2009)!
    const share = numberFlag(values.share, "share", DEFAULT_PROVINCIAL_SHARE)!
    if (!(share >= 0 && share <= 1)) throw new CliError("usage", `--share must be between 0 and 1; got "${values.share}"`, 2)
    const policy = policyFromFlags({ baseYear, from: year(values.from, "from"), to: year(values.to, "to"), rule: values.rule, share })
    const last = Math.max(policy.fullReturn.to, policy.increaseReturn?.to ?? 0)
    return withAssessmentData(io, values, { from: String(baseYear), to: String(last) }, async (data) => {
      const zones = values.cluster !== undefined ? [findCluster(data.input.clusters, values.cluster)] : data.input.clusters
      if (!data.periods.includes(String(baseYear))) throw unknownPeriod(String(baseYear), data.periods)
      const results = fiscalIncentive(policy, zones.map((c) => c.id), data.input.value).map((z, i) => ({ name: zones[i]!.name, ...z }))
      const assumptions =
        values.share === undefined
          ? [{ zh: `省级分成比例取 ${DEFAULT_PROVINCIAL_SHARE}（假设，文件未规定；用 --share 设定）`, en: `provincial share ${DEFAULT_PROVINCIAL_SHARE} (an assumption: the documents give none; set it with --share)` }]
          : []
      if (values.json === true) {
        printJson(io, { policy, assumptions, source: data.source, demo: data.hasDemo, results })
        return 0
      }
      const years = results[0]?.years.map((y) => y.year) ?? []
      io.stdout.write(
        table(
          ["编号 ID", "名称 Name", `基数 Base ${baseYear}`, ...years.map((y) => `${y} 返还`), "合计 Total", "缺数据 Missing"],
          results.map((r) => [r.clusterId, r.name, fmt(r.base.total), ...r.years.map((y) => fmt(y.returned)), fmt(r.totalReturned), r.missingYears.join(",")]),
        ),
      )
      io.stdout.write("单位 unit: 亿元 100m CNY\n")
      for (const a of assumptions) io.stdout.write(`假设 assumption: ${a.zh} · ${a.en}\n`)
      return 0
    })
  },
}
