import {
  assessmentReport,
  assessPeriod,
  builtInSchemes,
  type ClusterKind,
  clusterKindNames,
  periodsBack,
  previousPeriod,
  rankingGroupNames,
} from "@jiju/domain"
import { assessmentRepo, recordAssessmentRun, schemeChecksum } from "@jiju/store"
import { numberFlag, parseFlags } from "../args.js"
import { fmt, isSchemeFile, periodFlag, resolveScheme, withAssessmentData } from "../assessmentData.js"
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
    "jiju assess --period P [--scheme S] [--data F [--clusters F]] [--kind K] [--stability N [--seed S]] [--publish] [--json]",
    "  --scheme S      a built-in scheme (henan-2017 default, henan-service-two-zones), a stored scheme id, or a JSON file",
    "  --period P      the period to assess (2025, 2025Q1, 2025-03)",
    '  --data F        long-format CSV/XLSX: cluster, period, indicator, value ("fact:NAME" rows state facts)',
    "  --clusters F    the zones of --data: id, name, group [, kind, form, level, region]; default: the store's register",
    `  --kind K        only zones of this kind (${Object.keys(clusterKindNames).join(" | ")})`,
    "  --stability N   rank stability over N random weight draws around the scheme's weights; --seed S (default 1)",
    "  --publish       store the result as published (read by the API without sign-in when results are public)",
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
    const kind = values.kind as ClusterKind | undefined

    // Built-in and file schemes are checked before the store is opened: a bad file fails fast.
    const early =
      values.scheme === undefined || builtInSchemes[values.scheme] !== undefined || isSchemeFile(values.scheme)
        ? await resolveScheme(io, values.scheme, undefined)
        : undefined
    return withAssessmentData(io, values, periodsBack(period, 2), async (data, store) => {
      const { scheme, from } = early ?? (await resolveScheme(io, values.scheme, store))
      const checksum = schemeChecksum(scheme)
      const runs = store && data.source === "store" ? assessmentRepo(store.db).runs : undefined
      const storedPrev = runs ? await runs.latest(scheme.id, previousPeriod(period)) : undefined
      const assessed = assessPeriod(scheme, data, period, {
        kind,
        checksum,
        storedPrevious: storedPrev,
        stability: draws !== undefined ? { draws, seed } : undefined,
      })
      const { result, previousSource, stability } = assessed
      const previous = previousSource === null ? undefined : { period: result.previousPeriod }

      // Store what came from the store (file data would mix with the register's results). A --kind subset is a
      // partial ranking: it is shown, never stored over the full one.
      let run: { id: string; published: boolean; createdAt: string } | null = null
      if (store && runs && kind === undefined) {
        const actor = `cli:${io.env.USER ?? "unknown"}`
        const saved = await recordAssessmentRun(
          store,
          {
            result,
            published: values.publish === true,
            schemeChecksum: checksum,
            stability,
            provenance: { previousSource, source: data.source, demo: data.hasDemo, schemeFrom: from },
          },
          { actor, ...(from === "file" ? { schemeFromFile: scheme } : {}) },
        )
        run = { id: saved.id, published: saved.published, createdAt: saved.createdAt }
      }

      if (values.json === true) {
        printJson(io, assessmentReport({ scheme, schemeFrom: from, checksum, ...assessed, source: data.source, demo: data.hasDemo, run }))
        return 0
      }

      const out: string[] = [
        `${scheme.name.zh} · ${scheme.name.en} — ${period}${previous ? `（对比 vs ${previous.period}${previousSource === "computed" ? "，由观测值计算 computed" : ""}）` : ""}`,
      ]
      if (data.hasDemo) out.push("（演示数据 demo data）")
      const byId = new Map(result.clusters.map((c) => [c.clusterId, c]))
      for (const g of result.groups) {
        out.push(
          "",
          `${rankingGroupNames[g.group].zh} ${rankingGroupNames[g.group].en}: ${g.size} 个参评 ranked, 前 ${g.rewardBand} 名奖励 top ${g.rewardBand} rewarded`,
        )
        const header = ["排名 Rank", "编号 ID", "名称 Name", "得分 Score", "变化 Change", "奖励 Reward"]
        if (scheme.stars) header.push("星级 Stars")
        if (stability) header.push("P5–P95")
        out.push(
          table(
            header,
            g.ranking.map((r) => {
              const c = byId.get(r.clusterId)!
              const s = stability?.zones.find((z) => z.clusterId === r.clusterId)
              const row = [String(r.rank), r.clusterId, r.name, fmt(r.score), change(c.rankChange, true), r.reward ? "★" : ""]
              if (scheme.stars) row.push(c.stars?.stars === null || c.stars === null ? "" : String(c.stars.stars))
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
      out.push("", run ? `已保存 stored: ${run.id}${run.published ? "（已发布 published）" : ""}` : "未保存 not stored (file data or a --kind subset)")
      io.stdout.write(`${out.join("\n")}\n`)
      return 0
    })
  },
}
