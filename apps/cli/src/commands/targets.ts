import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import { targets } from "@jiju/app"
import {
  type BuiltInTargetSet,
  builtInTargetSets,
  decodeOrThrow,
  InputError,
  resolveTargetSet,
  type TargetSet,
  TargetSetJson,
  TargetsDocument,
} from "@jiju/domain"
import { fromWire, wireDocument } from "@jiju/domain/contract"
import { checkOptions, numberFlag, parseFlags } from "../args.js"
import { judge, periodFlag, sourceFromFlags } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** `jiju targets`: track a development target set (衡水, 大连, 陕西, or a JSON file) against a period's data. */
export const targetsCommand: Command = {
  name: "targets",
  summary: { zh: "发展目标跟踪", en: "track development targets" },
  usage: [
    "jiju targets --set hengshui|dalian|shaanxi|county_services|FILE --period P [--target-year Y] [--base-year Y]",
    "             [--region CODE] [--data F [--clusters F]] [--json]",
    "  --set S         a built-in target set or a JSON file (id, name, targetYear, targets[]):",
    "                  hengshui, dalian, shaanxi (seed 003, industrial clusters only), county_services (篇10's 2010",
    "                  goal for a county's service agglomerations)",
    "  --target-year Y the year a built-in set's last stage is due, earlier stages moving with it (default from the",
    "                  document's date: hengshui 2010, dalian 2018, shaanxi 2015, county_services 2010)",
    "  --base-year Y   shaanxi's growth base year (default 2008, the last full year before the document)",
    "  --region CODE   only zones in this region; its own figures (GDP, industrial output) give the shares",
    "  A total with zones missing is incomplete: it names them and gives the bound, never counting them as zero.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, {
      json: { type: "boolean" },
      set: { type: "string" },
      period: { type: "string" },
      "target-year": { type: "string" },
      "base-year": { type: "string" },
      region: { type: "string" },
      data: { type: "string" },
      clusters: { type: "string" },
    })
    const period = periodFlag(values.period)
    if (values.set === undefined || values.set === "")
      throw new CliError("usage", `missing required flag --set (${builtInTargetSets.join(", ")} or a JSON file)`, 2)
    const isFile = /[/\\]/.test(values.set) || values.set.toLowerCase().endsWith(".json")
    const options = {
      set: isFile ? await readTargetSet(io.cwd, values.set) : (values.set as BuiltInTargetSet),
      period,
      targetYear: numberFlag(values["target-year"], "target-year"),
      baseYear: numberFlag(values["base-year"], "base-year"),
      region: values.region,
    }
    checkOptions(() => resolveTargetSet(options))
    const source = await sourceFromFlags(io, values)
    const doc = await judge(io, source, (actor) => targets(actor, { ...options, source }))
    if (values.json === true) {
      printJson(io, wireDocument(TargetsDocument, doc))
      return 0
    }
    const { zones, assumptions } = doc
    io.stdout.write(`${doc.name.zh} · ${doc.name.en} — ${period} → ${doc.targetYear}（${zones} 个集聚区 zones）\n`)
    const yes = (a: boolean | null) => (a === null ? "? 缺数据" : a ? "✓ 达成" : "✗ 未达成")
    io.stdout.write(
      table(
        ["目标 Target", "期限 Due", "达成 Attained", "说明 Detail"],
        doc.targets.map((t) => [t.id, String(t.dueYear), yes(t.attained), t.text.zh]),
      ),
    )
    for (const a of assumptions) io.stdout.write(`假设 assumption: ${a.zh} · ${a.en}\n`)
    for (const n of doc.notes) io.stdout.write(`说明 note: ${n.zh}\n`)
    for (const t of doc.targets) if (t.source?.quote) io.stdout.write(`依据 ${t.id}: ${t.source.quote}\n`)
    for (const r of doc.rules) io.stdout.write(`依据 ${r.id}: ${r.source.quote ?? r.source.note?.zh ?? ""}\n`)
    return 0
  },
}

/**
 * A target set from a JSON file — as TypeScript writes it (targetYear) or as the API's body carries it (target_year);
 * the file's problems name the file.
 */
const readTargetSet = async (cwd: string, file: string): Promise<TargetSet> => {
  let text: string
  try {
    text = await readFile(resolve(cwd, file), "utf8")
  } catch (e) {
    throw new CliError("file_not_found", `cannot read --set file "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new CliError("invalid_json", `--set file "${file}" is not valid JSON: ${(e as Error).message}`, 1)
  }
  try {
    const wire = typeof json === "object" && json !== null && "target_year" in json
    return decodeOrThrow(TargetSetJson, wire ? fromWire(TargetSetJson, json) : json, "target set") as TargetSet
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.code, `--set file "${file}": ${e.message}`, 1)
    throw e
  }
}
