import { landQuota } from "@jiju/app"
import { LAND_QUOTA_COUNT, LandQuotaDocument, landQuotaRange } from "@jiju/domain/assessment"
import { wireDocument } from "@jiju/domain/contract"
import { checkOptions, numberFlag, parseFlags, required } from "../args.js"
import { fmt, judge, sourceFromFlags } from "../assessmentData.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** `jiju land-quota`: 篇8's land quota, the last 20 on 投入产出强度 losing part of next year's 用地指标 to the first 20. */
export const landQuotaCommand: Command = {
  name: "land-quota",
  summary: {
    zh: "用地指标：投入产出强度后 20 位扣减、前 20 位奖励（篇8）",
    en: "land quota: the last 20 on input–output intensity lose, the first 20 gain (篇8)",
  },
  usage: [
    "jiju land-quota --period YEAR [--count N] [--cut X [--unit mu|share]] [--data F [--clusters F]] [--json]",
    `  --count N      places per list (default ${LAND_QUOTA_COUNT}: 篇8 排后20位 … 排名前20位)`,
    "  --cut X        the amount cut from each zone on the last list: X 亩 (--unit mu, default), or the share X (0–1)",
    "                 of its next-year quota (--unit share, read from land_quota of the next year); without --cut only",
    "                 the lists are drawn (篇8 says 适度扣减 without a number). What is cut is shared equally by the first list.",
    "投入产出强度 (output_intensity, 万元/亩): a reported value, else revenue × 10⁴ / (built_up_area km² × 1 500 亩).",
    "Industrial zones of both groups are placed together; ties share a place, so a tie at the last place lengthens a list.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, {
      json: { type: "boolean" },
      period: { type: "string" },
      count: { type: "string" },
      unit: { type: "string" },
      cut: { type: "string" },
      data: { type: "string" },
      clusters: { type: "string" },
    })
    const options = {
      period: required(values.period, "period"),
      count: numberFlag(values.count, "count"),
      unit: values.unit as "mu" | "share" | undefined,
      cut: numberFlag(values.cut, "cut"),
    }
    checkOptions(() => landQuotaRange(options))
    const source = await sourceFromFlags(io, values)
    const doc = await judge(io, source, (actor) => landQuota(actor, { ...options, source }))
    if (values.json === true) {
      printJson(io, wireDocument(LandQuotaDocument, doc))
      return 0
    }
    io.stdout.write(
      `${doc.indicatorName.zh} ${doc.indicatorName.en}（${doc.unit}）— ${doc.period}；${doc.quotaYear} 年用地指标 land quota of ${doc.quotaYear}\n`,
    )
    const rows = (list: typeof doc.first, which: string) =>
      list.map((e) => [which, String(e.position), String(e.positionFromLast), e.id, e.name, e.group, fmt(e.value), e.mu === null ? "—" : fmt(e.mu)])
    io.stdout.write(
      table(
        ["名单 List", "位次 Place", "倒数 From last", "编号 ID", "名称 Name", "组 Group", "强度 Intensity", "亩 mu"],
        [...rows(doc.first, "奖励 gain"), ...rows(doc.last, "扣减 cut")],
      ),
    )
    io.stdout.write(`参与排位 placed: ${doc.placed}；每份名单 ${doc.places} 个名次 places per list\n`)
    if (doc.pool !== null) io.stdout.write(`扣减合计 pool: ${fmt(doc.pool)} 亩 mu\n`)
    if (doc.missing.length > 0)
      io.stdout.write(`缺数据未排位 No intensity (${doc.missing.length}): ${doc.missing.map((z) => `${z.id}[${z.lacks.join("+")}]`).join(", ")}\n`)
    for (const n of doc.notes) io.stdout.write(`说明 ${n.zh} · ${n.en}\n`)
    for (const s of doc.settings) io.stdout.write(`参数 ${s.name} = ${s.value ?? "—"}（${s.source.kind}）\n`)
    for (const r of doc.rules) io.stdout.write(`依据 ${r.id}: ${r.source.quote ?? r.source.note?.zh ?? ""}\n`)
    if (doc.demo) io.stdout.write("（含演示数据 includes demo data）\n")
    return 0
  },
}
