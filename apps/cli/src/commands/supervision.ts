import { SupervisionCandidatesDocument, SupervisionDecision, SupervisionDecisionsDocument, supervisionMeasureNames } from "@jiju/domain/assessment"
import { wireDocument } from "@jiju/domain/contract"
import { checkOptions, numberFlag, parseFlags, required } from "../args.js"
import { fmt, judge, sourceFromFlags } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

const usage = `jiju supervision — 督导：候选名单、委员会决定与月度报告（篇8）· supervision: candidates, decisions, monthly reports

usage: jiju supervision [list] [--period P] [--cluster ID] [--revoked] [--json]     the decisions in force (--revoked: all)
       jiju supervision candidates --period P [--indicator CODE] [--count N] [--data F [--clusters F]] [--json]
       jiju supervision decide --cluster ID --period P --measure M --reason TEXT [--reason-en TEXT]
                               [--ranking NAME] [--run ID] [--evidence TEXT] [--json]
       jiju supervision report ID --month YYYY-MM --text TEXT [--text-en TEXT] [--json]
       jiju supervision revoke ID [--json]

Measures: on_site_supervision 现场督导 (发展速度慢的10多家, reported monthly), yellow_card 黄牌警告 (工作不主动、措施不得力的
10家), model_zone 典型推广 (23家体现“四集一转”的县域集聚区), model_exchange 典型交流 (10个经济基础差、发展速度快的县域集聚区).
The candidate lists are support only: the slowest industrial zones by growth of --indicator (default revenue) against
the period before, and the fastest county zones whose previous value is below the county median; yellow cards and
model zones have no measurable criterion. The decision is the commission's, recorded with its reason; at the
command line you act as the operator (an admin).`

const measureName = (m: SupervisionDecision["measure"]) => `${supervisionMeasureNames[m].zh} ${supervisionMeasureNames[m].en}`

const printDecision = (io: Parameters<Command["run"]>[1], d: SupervisionDecision, verb: string) => {
  io.stdout.write(`${verb} ${d.id}: ${d.cluster} ${d.period} ${measureName(d.measure)} — ${d.reason.zh}${d.reason.en ? ` · ${d.reason.en}` : ""}\n`)
  for (const r of d.reports) io.stdout.write(`  ${r.month} 月报 report: ${r.text.zh}${r.text.en ? ` · ${r.text.en}` : ""}\n`)
}

/** `jiju supervision`: 篇8's supervision — candidate lists, the commission's decisions, monthly reports. */
export const supervisionCommand: Command = {
  name: "supervision",
  summary: { zh: "督导：候选名单、委员会决定与月度报告（篇8）", en: "supervision: candidate lists, decisions and monthly reports (篇8)" },
  usage,
  async run(argv, io) {
    const { values: f, positionals } = parseFlags(
      argv,
      {
        json: { type: "boolean" },
        period: { type: "string" },
        cluster: { type: "string" },
        revoked: { type: "boolean" },
        indicator: { type: "string" },
        count: { type: "string" },
        data: { type: "string" },
        clusters: { type: "string" },
        measure: { type: "string" },
        reason: { type: "string" },
        "reason-en": { type: "string" },
        ranking: { type: "string" },
        run: { type: "string" },
        evidence: { type: "string" },
        month: { type: "string" },
        text: { type: "string" },
        "text-en": { type: "string" },
      },
      true,
    )
    const [action = "list", arg, ...extra] = positionals
    const json = f.json === true
    if (extra.length > 0) throw new CliError("usage", `unexpected arguments: ${extra.join(" ")}`, 2)
    const app = await import("@jiju/app")
    const { withApp } = await import("../app.js")
    const single = (d: SupervisionDecision, verb: string) => {
      if (json) printJson(io, wireDocument(SupervisionDecision, d))
      else printDecision(io, d, verb)
      return 0
    }
    if (action === "list") {
      if (arg !== undefined) throw new CliError("usage", "jiju supervision list takes flags only", 2)
      return withApp(io, async (cli) => {
        const doc = await cli.run(app.supervisionDecisions(cli.actor, { period: f.period, cluster: f.cluster, revoked: f.revoked === true }))
        if (json) printJson(io, wireDocument(SupervisionDecisionsDocument, doc))
        else {
          io.stdout.write(
            table(
              ["编号 ID", "集聚区 Zone", "期间 Period", "措施 Measure", "理由 Reason", "决定人 By", "月报 Reports", "状态 State"],
              doc.items.map((d) => [
                d.id,
                d.cluster,
                d.period,
                measureName(d.measure),
                d.reason.zh,
                d.decidedBy,
                d.reports.map((r) => r.month).join(",") || "—",
                d.revokedAt === null ? "有效 in force" : "已撤销 revoked",
              ]),
            ),
          )
          if (doc.items.length === 0) io.stdout.write("没有督导决定 no decisions\n")
        }
        return 0
      })
    }
    if (action === "candidates") {
      if (arg !== undefined) throw new CliError("usage", "jiju supervision candidates takes flags only", 2)
      const options = { period: required(f.period, "period"), indicator: f.indicator, count: numberFlag(f.count, "count") }
      const { supervisionCandidatesRanges } = await import("@jiju/domain/assessment")
      checkOptions(() => supervisionCandidatesRanges(options))
      const source = await sourceFromFlags(io, f)
      const doc = await judge(io, source, (actor) => app.supervisionCandidateLists(actor, { ...options, source }))
      if (json) {
        printJson(io, wireDocument(SupervisionCandidatesDocument, doc))
        return 0
      }
      io.stdout.write(`${doc.indicatorName.zh} ${doc.indicatorName.en}：${doc.period} 对比 vs ${doc.against}\n`)
      for (const l of doc.lists) {
        io.stdout.write(`\n${l.name.zh} ${l.name.en}（文件 ${l.count} 家 the document's ${l.count}）\n`)
        if (l.candidates.length > 0)
          io.stdout.write(
            table(
              ["位次 Place", "编号 ID", "名称 Name", "组 Group", "增长 Growth", "本期 Now", "上期 Before"],
              l.candidates.map((c) => [String(c.position), c.clusterId, c.name, c.group, `${fmt(c.growth * 100, 1)}%`, fmt(c.value), fmt(c.previous)]),
            ),
          )
        io.stdout.write(`  ${l.note.zh} · ${l.note.en}\n  依据 ${l.rule.id}: ${l.rule.source.quote ?? l.rule.source.note?.zh ?? ""}\n`)
      }
      if (doc.missing.length > 0) io.stdout.write(`\n缺数据不列入 No growth (${doc.missing.length}): ${doc.missing.map((z) => z.id).join(", ")}\n`)
      io.stdout.write(`${doc.note.zh} · ${doc.note.en}\n`)
      if (doc.demo) io.stdout.write("（含演示数据 includes demo data）\n")
      return 0
    }
    if (action === "decide") {
      if (arg !== undefined) throw new CliError("usage", "jiju supervision decide takes flags only", 2)
      const period = required(f.period, "period")
      const evidence =
        f.ranking !== undefined || f.run !== undefined || f.evidence !== undefined
          ? { ranking: f.ranking ?? null, period, runId: f.run ?? null, note: f.evidence ?? null }
          : undefined
      const decision = {
        cluster: required(f.cluster, "cluster"),
        period,
        measure: required(f.measure, "measure") as SupervisionDecision["measure"],
        reasonZh: required(f.reason, "reason"),
        ...(f["reason-en"] !== undefined ? { reasonEn: f["reason-en"] } : {}),
        ...(evidence ? { evidence } : {}),
      }
      return withApp(io, async (cli) => single(await cli.run(app.decideSupervision(cli.actor, decision)), "已记录 recorded"))
    }
    if (action === "report" || action === "revoke") {
      if (arg === undefined) throw new CliError("usage", `expected the decision's ID: jiju supervision ${action} ID`, 2)
      if (action === "revoke") return withApp(io, async (cli) => single(await cli.run(app.revokeSupervision(cli.actor, arg)), "已撤销 revoked"))
      const r = { month: required(f.month, "month"), textZh: required(f.text, "text"), textEn: f["text-en"] }
      return withApp(io, async (cli) => single(await cli.run(app.reportSupervision(cli.actor, arg, r)), "已报告 reported"))
    }
    throw new CliError("usage", `unknown action "${action}": list, candidates, decide, report or revoke`, 2)
  },
}
