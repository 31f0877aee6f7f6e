import { readFile } from "node:fs/promises"
import { basename, resolve } from "node:path"
import {
  AllFactsDocument,
  FactCatalogueDocument,
  FactDecisionDocument,
  FactImportReceipt,
  type FactInForce,
  FactProposalsDocument,
  type FactStatus,
  FactsRecordedDocument,
  factValueFromCell,
  type ZoneFactRecord,
  ZoneFactsDocument,
} from "@jiju/domain/assessment"
import { wireDocument } from "@jiju/domain/contract"
import { InputError } from "@jiju/domain/model"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { reportInvalidRows } from "./import.js"

const usage = `jiju facts — 集聚区事实（带日期与来源）· dated facts about zones, with provenance

usage: jiju facts [--cluster ID] [--as-of YYYY-MM-DD] [--json]        facts in force (one zone: with history and proposals)
       jiju facts catalogue [--json]                                   the facts Jiju knows, their types and sources
       jiju facts set --cluster ID --fact F --value V --as-of D [--evidence TEXT] [--json]
       jiju facts import FILE [--json]                                 CSV/XLSX: cluster, fact, value, as_of [, evidence]
       jiju facts proposals [--status proposed|accepted|rejected] [--json]
       jiju facts decide ID --accept|--reject [--note TEXT] [--json]

A fact holds from its as_of day until a later record replaces it; a period's judgement reads the facts in force on
its last day. At the command line you act as the operator (an admin): your records are accepted at once. Values:
yes/no facts take 是/否, true/false or 1/0; trunk_roads a whole number; site_readiness none, three_one or seven_one.
Any bad row of an import refuses the whole file.`

const show = (v: FactInForce["value"]) => (v === true ? "是 yes" : v === false ? "否 no" : String(v))
const origin = { stored: "记录 stored", file: "文件 file", register: "名录 register" } as const

/** `jiju facts`: read, record, import and decide dated facts about zones. */
export const factsCommand: Command = {
  name: "facts",
  summary: { zh: "集聚区事实：查看、记录、导入、审核", en: "zone facts: read, record, import, decide" },
  usage,
  async run(argv, io) {
    const { values: f, positionals } = parseFlags(
      argv,
      {
        cluster: { type: "string" },
        "as-of": { type: "string" },
        fact: { type: "string" },
        value: { type: "string" },
        evidence: { type: "string" },
        status: { type: "string" },
        accept: { type: "boolean" },
        reject: { type: "boolean" },
        note: { type: "string" },
        json: { type: "boolean" },
      },
      true,
    )
    const [action, arg, ...extra] = positionals
    const json = f.json === true
    const [{ withApp }, app] = await Promise.all([import("../app.js"), import("@jiju/app")])
    if (action === undefined) {
      return withApp(io, async (cli) => {
        if (f.cluster !== undefined) {
          const doc = await cli.run(app.zoneFactsOf(cli.actor, f.cluster, { asOf: f["as-of"] }))
          if (json) printJson(io, wireDocument(ZoneFactsDocument, doc))
          else {
            io.stdout.write(`${doc.cluster} ${doc.name} — ${doc.asOf}${doc.demo ? "（演示数据 demo data）" : ""}\n`)
            io.stdout.write(
              table(
                ["事实 Fact", "值 Value", "起始 As of", "来源 Origin", "记录人 By", "证据 Evidence"],
                doc.inForce.map((x) => [x.name.zh, show(x.value), x.asOf ?? "—", origin[x.origin], x.recordedBy ?? "", x.evidence ?? ""]),
              ),
            )
            const waiting = doc.proposals.filter((p) => p.status === "proposed")
            if (waiting.length > 0)
              io.stdout.write(`待决定的提议 proposals waiting: ${waiting.map((p) => `${p.id} ${p.fact}=${String(p.value)}`).join(", ")}\n`)
          }
          return 0
        }
        const doc = await cli.run(app.allZoneFacts(cli.actor, { asOf: f["as-of"] }))
        if (json) printJson(io, wireDocument(AllFactsDocument, doc))
        else {
          io.stdout.write(
            table(
              ["编号 ID", "名称 Name", "记录的事实 Stored facts"],
              doc.zones.map((z) => [
                z.cluster,
                z.name,
                z.inForce
                  .filter((x) => x.origin === "stored")
                  .map((x) => `${x.fact}=${String(x.value)}`)
                  .join(", "),
              ]),
            ),
          )
          io.stdout.write(`${doc.asOf}；待决定的提议 proposals waiting: ${doc.waiting}\n`)
        }
        return 0
      })
    }
    if (action === "catalogue") {
      return withApp(io, async (cli) => {
        const doc = await cli.run(app.factCatalogueOf(cli.actor))
        if (json) printJson(io, wireDocument(FactCatalogueDocument, doc))
        else
          io.stdout.write(
            table(
              ["代码 Code", "名称 Name", "类型 Type", "依据 Source"],
              doc.items.map((d) => [d.code, d.zh, d.type + (d.unit ? ` (${d.unit})` : ""), d.source.quote ?? d.source.note?.zh ?? ""]),
            ),
          )
        return 0
      })
    }
    if (action === "set") {
      if (arg !== undefined) throw new CliError("usage", "jiju facts set takes flags only", 2)
      const cluster = required(f.cluster, "cluster")
      const fact = required(f.fact, "fact")
      const text = required(f.value, "value")
      const asOf = required(f["as-of"], "as-of")
      const value = factValueFromCell(fact, text) ?? text
      return withApp(io, async (cli) => {
        const doc = await cli.run(app.recordZoneFacts(cli.actor, cluster, [{ fact, value: value as never, asOf, evidence: f.evidence ?? null }]))
        if (json) printJson(io, wireDocument(FactsRecordedDocument, doc))
        else
          io.stdout.write(
            `已记录 recorded ${cluster} ${fact} = ${String(value)} (${asOf})${doc.replaced.length > 0 ? "，替换了同日的记录 replaced the record of that day" : ""}\n`,
          )
        return 0
      })
    }
    if (action === "import") {
      if (arg === undefined || extra.length > 0) throw new CliError("usage", "expected exactly one FILE: jiju facts import FILE", 2)
      let bytes: Uint8Array
      try {
        bytes = await readFile(resolve(io.cwd, arg))
      } catch {
        throw new CliError("file_not_found", `cannot read ${arg} (无法读取文件)`, 1)
      }
      return withApp(io, async (cli) => {
        try {
          const doc = await cli.runtime.run(app.importZoneFacts(cli.actor, { bytes, fileName: basename(arg) }))
          if (json) printJson(io, wireDocument(FactImportReceipt, doc))
          else
            io.stdout.write(
              `已导入 ${doc.imported} 条事实 imported ${doc.imported} facts from ${arg}${doc.replaced ? `（替换 ${doc.replaced} 条 replaced ${doc.replaced}）` : ""}\n`,
            )
          return 0
        } catch (e) {
          if (e instanceof InputError && e.code === "invalid_rows") return reportInvalidRows(io, e, json)
          throw e
        }
      })
    }
    if (action === "proposals") {
      const status = f.status as FactStatus | undefined
      if (status !== undefined && !["proposed", "accepted", "rejected"].includes(status))
        throw new CliError("usage", `--status must be proposed, accepted or rejected; got "${status}"`, 2)
      return withApp(io, async (cli) => {
        const doc = await cli.run(app.factProposals(cli.actor, { status }))
        if (json) printJson(io, wireDocument(FactProposalsDocument, doc))
        else io.stdout.write(records(doc.items))
        return 0
      })
    }
    if (action === "decide") {
      if (arg === undefined || extra.length > 0) throw new CliError("usage", "give the record id: jiju facts decide ID --accept|--reject", 2)
      if (f.accept === f.reject) throw new CliError("usage", "give exactly one of --accept and --reject", 2)
      return withApp(io, async (cli) => {
        const doc = await cli.run(app.decideFactProposal(cli.actor, arg, { accept: f.accept === true, note: f.note ?? null }))
        if (json) printJson(io, wireDocument(FactDecisionDocument, doc))
        else io.stdout.write(`${doc.record.status === "accepted" ? "已接受 accepted" : "已驳回 rejected"} ${arg}\n`)
        return 0
      })
    }
    throw new CliError("usage", `unknown facts action "${action}"; run jiju facts --help`, 2)
  },
}

const records = (items: ReadonlyArray<ZoneFactRecord>) =>
  table(
    ["编号 ID", "集聚区 Zone", "事实 Fact", "值 Value", "起始 As of", "提议人 By", "证据 Evidence"],
    items.map((r) => [r.id, r.cluster, r.fact, String(r.value), r.asOf, r.recordedBy, r.evidence ?? ""]),
  )
