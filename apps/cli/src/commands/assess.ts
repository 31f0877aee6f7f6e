import { type Assessed, assess, assessEachKind, eachKindReport } from "@jiju/app"
import { AssessmentReport, type AssessmentScheme, type ClusterKind, clusterKindNames, decodeScheme, InputError, rankingGroupNames } from "@jiju/domain"
import { wireDocument } from "@jiju/domain/contract"
import { numberFlag, parseFlags } from "../args.js"
import { fmt, isSchemeFile, judge, periodFlag, readFlagFile, sourceFromFlags } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** One zone in `jiju assess --json` (the stable contract); built in the domain, shared with the API. */
export type { AssessedZoneJson } from "@jiju/domain"
export { zoneJson } from "@jiju/domain"

const change = (n: number | null, ranked: boolean) => (!ranked ? "" : n === null ? "新 new" : n > 0 ? `↑${n}` : n < 0 ? `↓${-n}` : "=")

/** `jiju assess`: run a comprehensive evaluation (综合考核) for a period, rank both groups, explain, store. */
export const assessCommand: Command = {
  name: "assess",
  summary: { zh: "综合考核排名（含解释）", en: "comprehensive evaluation and ranking, explained" },
  usage: [
    "jiju assess --period P [--scheme S] [--data F [--clusters F]] [--kind K] [--stability N [--seed S]] [--publish [--confirm-defaults]] [--json]",
    "  --scheme S      a built-in scheme (jiju-industrial, jiju-service, jiju-financial, jiju-shipping, henan-2017,",
    "                  henan-service-two-zones), a stored scheme id, or a JSON file. Without --scheme and --kind: every kind",
    "                  of zone in the register with its own scheme (JIJU_KIND_SCHEMES, else jiju-industrial for industrial",
    "                  zones, jiju-service for service zones …), each run stored; --json prints the industrial run and",
    "                  lists every kind's run in runs. With --data and no --scheme: henan-2017, as before",
    "  --period P      the period to assess (2025, 2025H1, 2025Q1, 2025-03)",
    '  --data F        long-format CSV/XLSX: cluster, period, indicator, value ("fact:NAME" rows state facts)',
    "  --clusters F    the zones of --data: id, name, group [, kind, form, level, region]; default: the store's register",
    `  --kind K        only zones of this kind (${Object.keys(clusterKindNames).join(" | ")}); without --scheme, with the`,
    "                  kind's own scheme, and then stored as that kind's run",
    "  --stability N   rank stability over N random weight draws around the scheme's weights; --seed S (default 1)",
    "  --publish       store the result as published (read by the API without sign-in when results are public)",
    "  --confirm-defaults  with --publish: the commission confirms the scheme's Jiju defaults (weights, normalisation,",
    "                  reward bands); publishing on a scheme that holds any is refused without it; the run records it",
    "  --derived       use indicators derived from the project register (新开工项目数, 亿元以上项目数, fixed investment,",
    "                  investment intensity) where a zone submitted none; conflicts are listed, submitted values kept;",
    "                  such a run is shown, not stored",
    "The result is stored when the data come from the store; the previous period's stored result (or, when none,",
    "one computed from the observations) gives the rank changes and star movement.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, {
      json: { type: "boolean" },
      scheme: { type: "string" },
      period: { type: "string" },
      data: { type: "string" },
      clusters: { type: "string" },
      kind: { type: "string" },
      stability: { type: "string" },
      seed: { type: "string" },
      publish: { type: "boolean" },
      "confirm-defaults": { type: "boolean" },
      derived: { type: "boolean" },
    })
    const period = periodFlag(values.period)
    const draws = numberFlag(values.stability, "stability")
    const seed = numberFlag(values.seed, "seed", 1)!
    if (draws !== undefined && !(Number.isInteger(draws) && draws >= 1))
      throw new CliError("usage", `--stability expects a positive whole number of draws, got "${values.stability}"`, 2)
    if (values.seed !== undefined && draws === undefined) throw new CliError("usage", "--seed goes with --stability N", 2)
    if (values.kind !== undefined && !(values.kind in clusterKindNames))
      throw new CliError("usage", `--kind must be one of ${Object.keys(clusterKindNames).join(", ")}; got "${values.kind}"`, 2)
    if (values.publish === true && values.data !== undefined)
      throw new CliError(
        "usage",
        "--publish stores the result, and only results computed from the store are stored: drop --data (import the file first with jiju import)",
        2,
      )
    if (values.derived === true && (values.data !== undefined || values.publish === true))
      throw new CliError("usage", "--derived reads the store's project register and is never stored: drop --data and --publish", 2)
    const kind = values.kind as ClusterKind | undefined
    const confirm = values["confirm-defaults"] === true
    if (confirm && values.publish !== true) throw new CliError("usage", "--confirm-defaults goes with --publish", 2)

    // A scheme file is read and checked before the store is opened: a bad file fails fast.
    const scheme =
      values.scheme !== undefined && isSchemeFile(values.scheme)
        ? { definition: await readScheme(io, values.scheme) }
        : values.scheme !== undefined
          ? { id: values.scheme }
          : kind !== undefined
            ? { ofKind: kind }
            : { id: "henan-2017" }
    const source = await sourceFromFlags(io, values)
    const stabilityOpt = draws !== undefined ? { draws, seed } : undefined
    // Without --scheme and --kind, on the store's data: every kind with its own scheme.
    const eachKind = values.scheme === undefined && kind === undefined && values.data === undefined && values.derived !== true
    let runs: Awaited<ReturnType<typeof eachKindRuns>> | null = null
    const eachKindRuns = async () => {
      const all = await judge(io, source, (actor) =>
        assessEachKind(actor, { period, source, stability: stabilityOpt, publish: values.publish === true, confirmDefaults: confirm }),
      )
      return { all, ...eachKindReport(all) }
    }
    let made: Assessed
    if (eachKind) {
      runs = await eachKindRuns()
      made = { ...runs.head, report: runs.report }
    } else
      made = await judge(io, source, (actor) =>
        assess(actor, {
          scheme,
          period,
          source,
          kind,
          stability: stabilityOpt,
          publish: values.publish === true,
          confirmDefaults: confirm,
          derived: values.derived === true,
        }),
      )
    const { run, result, report, assessed, derived } = made
    // Only with --derived: what the project register gave (the report itself is unchanged).
    const fromProjects = derived && {
      used: derived.used.map((d) => ({ cluster: d.cluster, period: d.period, indicator: d.indicator, value: d.value, provenance: d.provenance })),
      conflicts: derived.conflicts.map((c) => ({
        cluster: c.derived.cluster,
        period: c.derived.period,
        indicator: c.derived.indicator,
        derived: c.derived.value,
        submitted: c.submitted,
      })),
      notes: derived.notes,
    }
    if (values.json === true) {
      printJson(
        io,
        fromProjects ? { ...(wireDocument(AssessmentReport, report) as object), derived_from_projects: fromProjects } : wireDocument(AssessmentReport, report),
      )
      return 0
    }
    const { previousSource, stability } = assessed
    const previous = previousSource === null ? undefined : { period: result.previousPeriod }
    // A scheme with a star ladder rates every zone.
    const stars = result.clusters.some((c) => c.stars !== null)
    const out: string[] = [
      `${result.schemeName.zh} · ${result.schemeName.en} — ${period}${previous ? `（对比 vs ${previous.period}${previousSource === "computed" ? "，由观测值计算 computed" : ""}）` : ""}`,
    ]
    if (report.demo) out.push("（演示数据 demo data）")
    if (fromProjects)
      out.push("（使用项目库推算值，未保存 used values derived from projects; not stored）", ...fromProjects.notes.map((n) => `  ${n.zh} / ${n.en}`))
    const byId = new Map(result.clusters.map((c) => [c.clusterId, c]))
    for (const g of result.groups) {
      out.push(
        "",
        `${rankingGroupNames[g.group].zh} ${rankingGroupNames[g.group].en}: ${g.size} 个参评 ranked, 前 ${g.rewardBand} 名奖励 top ${g.rewardBand} rewarded`,
      )
      const header = ["排名 Rank", "编号 ID", "名称 Name", "得分 Score", "变化 Change", "奖励 Reward"]
      if (stars) header.push("星级 Stars")
      if (stability) header.push("P5–P95")
      out.push(
        table(
          header,
          g.ranking.map((r) => {
            const c = byId.get(r.clusterId)!
            const s = stability?.zones.find((z) => z.clusterId === r.clusterId)
            const row = [String(r.rank), r.clusterId, r.name, fmt(r.score), change(c.rankChange, true), r.reward ? "★" : ""]
            if (stars) row.push(c.stars?.stars === null || c.stars === null ? "" : String(c.stars.stars))
            if (stability) row.push(s ? `${s.p5}–${s.p95}` : "")
            return row
          }),
        ).trimEnd(),
      )
    }
    if (result.vetoed.length > 0) {
      out.push("", `一票否决 Vetoed (${result.vetoed.length}):`)
      for (const v of result.vetoed) out.push(`  ${v.clusterId} ${v.name}: ${v.reasons.map((r) => r.zh).join("；")}`)
    }
    if (result.excluded.length > 0) {
      out.push("", `缺数据未参评 Excluded for missing data (${result.excluded.length}):`)
      for (const v of result.excluded.slice(0, 10)) out.push(`  ${v.clusterId} ${v.name}: ${v.reasons.map((r) => r.zh).join("；")}`)
      if (result.excluded.length > 10) out.push(`  … (+${result.excluded.length - 10}; --json lists all)`)
    }
    for (const w of result.warnings) out.push(`注意 note: ${w.zh} · ${w.en}`)
    if (report.confirmation)
      out.push(
        `已确认默认值 defaults confirmed: ${report.confirmation.by} ${report.confirmation.at}（${report.confirmation.items.map((i) => i.item).join(", ")}）`,
      )
    else if ((report.unconfirmed_defaults?.length ?? 0) > 0)
      out.push(
        `注意 note: 方案含待确认的 Jiju 默认值（${report.unconfirmed_defaults!.map((i) => i.what.zh).join("、")}）；发布须加 --confirm-defaults · the scheme holds unconfirmed Jiju defaults; publishing needs --confirm-defaults`,
      )
    out.push("", run ? `已保存 stored: ${run.id}${run.published ? "（已发布 published）" : ""}` : "未保存 not stored (file data or a --kind subset)")
    if (runs) {
      out.push("", "各类集聚区 Each kind:")
      for (const r of runs.all.runs)
        out.push(
          `  ${clusterKindNames[r.kind].zh} ${r.kind}: ${r.scheme} — ${r.ranked}/${r.zones} 参评 ranked${r.run_id ? ` · ${r.run_id}${r.published ? "（已发布 published）" : ""}` : " · 本期无数据 no data in the period"}`,
        )
      if (runs.all.items.length > 1) out.push("  --kind K 查看其他类型的排名 · --kind K shows another kind's ranking")
    }
    io.stdout.write(`${out.join("\n")}\n`)
    return 0
  },
}

/** A scheme from a JSON file, checked; its problems name the file and the field. */
const readScheme = async (io: Parameters<Command["run"]>[1], name: string): Promise<AssessmentScheme> => {
  const { bytes } = await readFlagFile(io, name, "scheme")
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch (e) {
    throw new CliError("invalid_json", `--scheme file "${name}" is not valid JSON: ${(e as Error).message}`, 1)
  }
  try {
    return decodeScheme(json)
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.code, `--scheme file "${name}": ${e.message}`, 1)
    throw e
  }
}
