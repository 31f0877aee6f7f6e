import { certification } from "@jiju/app"
import { CertificationDocument, type CertificationTableName, certificationPeriodRange, type ServiceForm, serviceFormNames } from "@jiju/domain"
import { wireDocument } from "@jiju/domain/contract"
import { checkOptions, parseFlags } from "../args.js"
import { judge, periodFlag, sourceFromFlags, zoneFlagOptions } from "../assessmentData.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** `jiju certify`: check service agglomerations against the certification conditions (认定条件). */
export const certifyCommand: Command = {
  name: "certify",
  summary: { zh: "服务业集聚区认定", en: "certify service agglomerations" },
  usage: [
    "jiju certify --period P [--cluster ID] [--table county|city] [--data F [--clusters F]] [--json]",
    "  --cluster ID    one zone (default: every zone with a service form)",
    "  --table T       county (县级认定办法) or city (市级); default: city for city-level zones, else county",
    "  --data F        long-format CSV/XLSX: cluster, period, indicator, value; yes/no conditions as fact:NAME rows",
    "                  (positioning_plan, management_body, public_service; approved_by_higher_level certifies directly)",
    "  --clusters F    the zones of --data: id, name, group, form [, level]",
    "All conditions must hold. 以上 is ≥ and 超过 is >: exactly 1.4万 m² passes, revenue of exactly 5.6亿 fails.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, { ...zoneFlagOptions, table: { type: "string" } })
    const options = { period: periodFlag(values.period), cluster: values.cluster, table: values.table as CertificationTableName | undefined }
    checkOptions(() => certificationPeriodRange(options))
    const source = await sourceFromFlags(io, values)
    const doc = await judge(io, source, (actor) => certification(actor, { ...options, source }))
    if (values.json === true) {
      printJson(io, wireDocument(CertificationDocument, doc))
      return 0
    }
    const { results } = doc
    const verdict = { certified: "符合 certified", not_certified: "不符合 not certified", incomplete: "无法判定 incomplete" } as const
    io.stdout.write(
      table(
        ["编号 ID", "名称 Name", "形态 Form", "结论 Result", "未满足 / 缺数据 Failed / unknown"],
        results.map((r) => [
          r.id,
          r.name,
          r.form ? serviceFormNames[r.form as ServiceForm].zh : "—",
          verdict[r.status],
          [
            ...r.failed.map((o) => (typeof o.actual === "number" ? `${o.id} ${o.actual}（需 need ${o.op === ">" ? ">" : "≥"} ${o.required}）` : `${o.id} ✗`)),
            ...r.unknown.map((o) => `${o.id} ?`),
          ].join(", "),
        ]),
      ),
    )
    for (const r of results) if (r.status !== "certified") io.stdout.write(`  ${r.id}: ${r.text.zh}\n`)
    io.stdout.write(`${results.length} 个集聚区 zones${doc.demo ? "（含演示数据 includes demo data）" : ""}\n`)
    return 0
  },
}
