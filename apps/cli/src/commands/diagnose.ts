import { diagnosis } from "@jiju/app"
import { DiagnosisDocument, diagnosisPeriodRange } from "@jiju/domain"
import { wireDocument } from "@jiju/domain/contract"
import { checkOptions, parseFlags } from "../args.js"
import { fmt, judge, periodFlag, sourceFromFlags, zoneFlagOptions } from "../assessmentData.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** `jiju diagnose`: a zone's problems (land, financing, chains, innovation …) with evidence and the documents' measures. */
export const diagnoseCommand: Command = {
  name: "diagnose",
  summary: { zh: "问题诊断与对策", en: "diagnose problems and recommend measures" },
  usage: [
    "jiju diagnose --cluster ID --period P [--data F [--clusters F]] [--json]",
    "  --cluster ID    the zone to diagnose (medians are taken over its ranking group)",
    "Problems are triggered by indicators against the group median or fixed thresholds, by register facts",
    "(infrastructure, financing platforms, management body, plans) and by stated facts; a missing value triggers nothing.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, zoneFlagOptions)
    const options = { period: periodFlag(values.period), cluster: values.cluster }
    checkOptions(() => diagnosisPeriodRange(options))
    const source = await sourceFromFlags(io, values)
    const doc = await judge(io, source, (actor) => diagnosis(actor, { ...options, source }))
    if (values.json === true) {
      printJson(io, wireDocument(DiagnosisDocument, doc))
      return 0
    }
    const { period, results } = doc
    for (const d of results) {
      io.stdout.write(`${d.clusterId} ${d.name} — ${period}${doc.demo ? "（演示数据 demo data）" : ""}\n`)
      if (d.problems.length === 0) {
        io.stdout.write("  未发现触发的问题 no problem triggered\n\n")
        continue
      }
      io.stdout.write(
        table(
          ["问题 Problem", "严重度 Severity", "依据 Evidence"],
          d.problems.map((p) => [`${p.name.zh} ${p.name.en}`, fmt(p.severity), p.evidence.map((e) => e.text.zh).join("；")]),
        ),
      )
      for (const p of d.problems) {
        io.stdout.write(`\n${p.name.zh} 对策 measures:\n`)
        for (const m of p.measures) io.stdout.write(`  · ${m.zh}\n`)
      }
      io.stdout.write("\n")
    }
    return 0
  },
}
