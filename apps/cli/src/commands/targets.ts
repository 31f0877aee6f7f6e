import { readFile } from "node:fs/promises"
import { resolve } from "node:path"
import { BilingualText, dalianTargets, decodeOrThrow, hengshuiTargets, InputError, shaanxiTargets, type TargetSet, trackTargets, yearOf } from "@jiju/domain"
import { Schema } from "effect"
import { numberFlag, parseFlags } from "../args.js"
import { periodFlag, unknownPeriod, withAssessmentData } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

const Code = Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9_]{0,63}$/, { expected: "an indicator code (snake_case)" }))
const Id = Schema.NonEmptyString
const Num = Schema.Finite

/** A target set as a JSON file holds it (the domain's TargetSet). */
export const TargetSetJson = Schema.Struct({
  id: Id,
  name: BilingualText,
  targetYear: Schema.Int,
  targets: Schema.Array(
    Schema.Union([
      Schema.Struct({ id: Id, kind: Schema.Literal("count_above"), indicator: Code, op: Schema.Literals([">", ">="]), threshold: Num, count: Schema.Int, description: BilingualText }),
      Schema.Struct({ id: Id, kind: Schema.Literal("total"), indicator: Code, min: Num, description: BilingualText }),
      Schema.Struct({ id: Id, kind: Schema.Literal("share_of_region"), indicator: Code, regionIndicator: Code, min: Num, description: BilingualText }),
      Schema.Struct({ id: Id, kind: Schema.Literal("annual_growth"), indicator: Code, rate: Num, baseYear: Schema.Int, description: BilingualText }),
      Schema.Struct({ id: Id, kind: Schema.Literal("level"), indicator: Code, aggregate: Schema.Literals(["mean", "region"]), min: Num, description: BilingualText }),
    ]),
  ).check(Schema.isMinLength(1)),
  notes: Schema.optional(Schema.Array(BilingualText)),
})

const BUILT_IN = ["hengshui", "dalian", "shaanxi"] as const

/** Does region `code` contain region `inner` (a province its cities and counties, a city its counties)? */
export const regionContains = (code: string, inner: string): boolean =>
  code === inner || (code.endsWith("0000") ? inner.startsWith(code.slice(0, 2)) : code.endsWith("00") ? inner.startsWith(code.slice(0, 4)) : false)

/** `jiju targets`: track a development target set (衡水, 大连, 陕西, or a JSON file) against a period's data. */
export const targetsCommand: Command = {
  name: "targets",
  summary: { zh: "发展目标跟踪", en: "track development targets" },
  usage: [
    "jiju targets --set hengshui|dalian|shaanxi|FILE --period P [--target-year Y] [--base-year Y] [--region CODE]",
    "             [--data F [--clusters F]] [--json]",
    "  --set S         a built-in target set or a JSON file (id, name, targetYear, targets[])",
    "  --target-year Y the year the targets are due (built-in sets; default: the period's year + 5, an assumption)",
    "  --base-year Y   shaanxi's growth base year (default: the period's year − 5, an assumption)",
    "  --region CODE   only zones in this region; its own figures (GDP, industrial output) give the shares",
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
    if (values.set === undefined || values.set === "") throw new CliError("usage", `missing required flag --set (${BUILT_IN.join(", ")} or a JSON file)`, 2)
    if (values.region !== undefined && !/^[1-9]\d{5}$/.test(values.region)) throw new CliError("usage", `--region expects a 6-digit region code, got "${values.region}"`, 2)
    const y = yearOf(period)
    const targetYear = numberFlag(values["target-year"], "target-year", y + 5)!
    const baseYear = numberFlag(values["base-year"], "base-year", y - 5)!
    const assumptions = [
      ...(values["target-year"] === undefined && values.set in { hengshui: 1, dalian: 1, shaanxi: 1 } ? [{ zh: `目标年份取 ${targetYear}（假设；用 --target-year 设定）`, en: `target year ${targetYear} (an assumption; set it with --target-year)` }] : []),
      ...(values["base-year"] === undefined && values.set === "shaanxi" ? [{ zh: `增长基年取 ${baseYear}（假设；用 --base-year 设定）`, en: `growth base year ${baseYear} (an assumption; set it with --base-year)` }] : []),
    ]
    let set: TargetSet
    if (values.set === "hengshui") set = hengshuiTargets(targetYear)
    else if (values.set === "dalian") set = dalianTargets(targetYear)
    else if (values.set === "shaanxi") set = shaanxiTargets(baseYear, targetYear)
    else if (/[/\\]/.test(values.set) || values.set.toLowerCase().endsWith(".json")) {
      let text: string
      try {
        text = await readFile(resolve(io.cwd, values.set), "utf8")
      } catch (e) {
        throw new CliError("file_not_found", `cannot read --set file "${values.set}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
      }
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch (e) {
        throw new CliError("invalid_json", `--set file "${values.set}" is not valid JSON: ${(e as Error).message}`, 1)
      }
      try {
        set = decodeOrThrow(TargetSetJson, json, "target set") as TargetSet
      } catch (e) {
        if (e instanceof InputError) throw new CliError(e.code, `--set file "${values.set}": ${e.message}`, 1)
        throw e
      }
    } else throw new CliError("unknown_target_set", `unknown target set "${values.set}": use ${BUILT_IN.join(", ")} or a .json file`, 1)

    const growthYears = set.targets.flatMap((t) => (t.kind === "annual_growth" ? [t.baseYear] : []))
    const from = String(Math.min(y, ...growthYears))
    return withAssessmentData(io, values, { from, to: period }, async (data) => {
      if (!data.periods.includes(period)) throw unknownPeriod(period, data.periods)
      const zones = data.input.clusters.filter((c) => values.region === undefined || (c.region !== undefined && regionContains(values.region, c.region)))
      if (zones.length === 0) throw new CliError("unknown_region", `no zones in region ${values.region}`, 1)
      const region = values.region
      const tracking = trackTargets(
        set,
        { clusterIds: zones.map((c) => c.id), value: data.input.value, ...(region !== undefined ? { region: (indicator: string, p: string) => data.input.regionValue(region, indicator, p) } : {}) },
        period,
      )
      if (values.json === true) {
        printJson(io, { ...tracking, zones: zones.length, region: region ?? null, assumptions, notes: set.notes ?? [], source: data.source, demo: data.hasDemo })
        return 0
      }
      io.stdout.write(`${set.name.zh} · ${set.name.en} — ${period} → ${set.targetYear}（${zones.length} 个集聚区 zones）\n`)
      const yes = (a: boolean | null) => (a === null ? "? 缺数据" : a ? "✓ 达成" : "✗ 未达成")
      io.stdout.write(table(["目标 Target", "达成 Attained", "说明 Detail"], tracking.targets.map((t) => [t.id, yes(t.attained), t.text.zh])))
      for (const a of assumptions) io.stdout.write(`假设 assumption: ${a.zh} · ${a.en}\n`)
      return 0
    })
  },
}
