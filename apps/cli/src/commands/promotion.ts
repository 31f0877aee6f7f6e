import { promotion } from "@jiju/app"
import { type BasicThreshold, PROMOTION_BASE_YEAR, PROMOTION_TARGET_YEAR, PromotionDocument, promotionRange } from "@jiju/domain/assessment"
import { wireDocument } from "@jiju/domain/contract"
import { checkOptions, numberFlag, parseFlags } from "../args.js"
import { fmt, judge, sourceFromFlags } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** "revenue=30,tax_total=5" as a threshold; CliError "usage" for a malformed pair. */
const thresholdFlag = (text: string | undefined): BasicThreshold | undefined => {
  if (text === undefined) return undefined
  const out: Record<string, number> = {}
  for (const pair of text.split(",")) {
    const [k, v, ...rest] = pair.split("=")
    const n = Number(v)
    if (!k || v === undefined || v.trim() === "" || rest.length > 0 || !Number.isFinite(n))
      throw new CliError("usage", `--threshold expects INDICATOR=NUMBER pairs such as revenue=30,employment=2; got "${pair}"`, 2)
    out[k.trim()] = n
  }
  return out as BasicThreshold
}

/** `jiju promotion`: 篇8's 考核晋级, the doubling of revenue, employment and tax and the basic threshold. */
export const promotionCommand: Command = {
  name: "promotion",
  summary: { zh: "考核晋级：主要指标翻番与基本门槛（篇8）", en: "promotion: doubling of the main indicators and the basic threshold (篇8)" },
  usage: [
    "jiju promotion [--base YEAR] [--target YEAR] [--threshold revenue=X,employment=Y,tax_total=Z] [--cluster ID]",
    "               [--data F [--clusters F]] [--json]",
    `  --base YEAR     the base year (default ${PROMOTION_BASE_YEAR}, a Jiju default: 篇8 says 现在)`,
    `  --target YEAR   the target year (default ${PROMOTION_TARGET_YEAR}: 篇8 到2012年…要实现翻番)`,
    "  --threshold     the basic threshold (基本门槛) weak-base zones must also reach in the target year, in the",
    "                  catalogue's units (亿元, 万人); the documents give no numbers: the commission's",
    "Doubled means target ≥ 2 × base (exactly doubled counts). Weak base is the commission's fact weak_base (jiju facts).",
    "A missing value or a base of zero gives incomplete, never a verdict.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, {
      json: { type: "boolean" },
      base: { type: "string" },
      target: { type: "string" },
      threshold: { type: "string" },
      cluster: { type: "string" },
      data: { type: "string" },
      clusters: { type: "string" },
    })
    const options = {
      baseYear: numberFlag(values.base, "base"),
      targetYear: numberFlag(values.target, "target"),
      threshold: thresholdFlag(values.threshold),
      cluster: values.cluster,
    }
    checkOptions(() => promotionRange(options))
    const source = await sourceFromFlags(io, values)
    const doc = await judge(io, source, (actor) => promotion(actor, { ...options, source }))
    if (values.json === true) {
      printJson(io, wireDocument(PromotionDocument, doc))
      return 0
    }
    io.stdout.write(`考核晋级 Promotion — ${doc.baseYear} → ${doc.targetYear}\n`)
    const ratio = (z: (typeof doc.zones)[number], k: string) => {
      const c = z.checks.find((x) => x.indicator === k)!
      return c.ratio === null ? "—" : `${fmt(c.ratio)}×${c.reached === false ? "（未达门槛 below）" : ""}`
    }
    io.stdout.write(
      table(
        ["编号 ID", "名称 Name", "基础单薄 Weak", "营业收入 Revenue", "从业人员 Employment", "税收 Tax", "结论 Verdict", "理由 Reason"],
        doc.zones.map((z) => [
          z.id,
          z.name,
          z.weakBase === null ? "未认定 —" : z.weakBase ? "是 yes" : "否 no",
          ratio(z, "revenue"),
          ratio(z, "employment"),
          ratio(z, "tax_total"),
          `${z.verdictName.zh} ${z.verdictName.en}`,
          z.reason.zh,
        ]),
      ),
    )
    const c = doc.counts
    io.stdout.write(
      `晋级 promoted ${c.promoted}，保持 unchanged ${c.kept}，降级摘牌警示 demotion warning ${c.demotionWarning}，不完整 incomplete ${c.incomplete}\n`,
    )
    for (const s of doc.settings) io.stdout.write(`参数 ${s.name} = ${s.value ?? "—"}（${s.source.kind}）\n`)
    for (const r of doc.rules) io.stdout.write(`依据 ${r.id}: ${r.source.quote ?? r.source.note?.zh ?? ""}\n`)
    if (doc.demo) io.stdout.write("（含演示数据 includes demo data）\n")
    return 0
  },
}
