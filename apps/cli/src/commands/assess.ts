import {
  type AssessmentResult,
  builtInSchemes,
  type ClusterAssessment,
  clusterKindNames,
  type ClusterKind,
  previousPeriod,
  rankingGroupNames,
  type RankStability,
  rankStability,
  runAssessment,
} from "@jiju/domain"
import { assessmentRepo, schemeChecksum } from "@jiju/store"
import { numberFlag, parseFlags } from "../args.js"
import { fmt, isSchemeFile, periodFlag, periodsBack, resolveScheme, unknownPeriod, withAssessmentData } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

/** One zone in `jiju assess --json` (the stable contract). */
export interface AssessedZoneJson {
  readonly id: string
  readonly name: string
  readonly group: string
  readonly status: ClusterAssessment["status"]
  readonly score: number | null
  readonly rank: number | null
  readonly rank_change: number | null
  readonly stars: number | null
  readonly star_change: string | null
  readonly reward: boolean
  readonly veto: { readonly reason: { readonly zh: string; readonly en: string }; readonly rules: ReadonlyArray<string> } | null
  readonly missing: ReadonlyArray<string>
  readonly contributions: ReadonlyArray<{ readonly indicator: string; readonly value: number | null; readonly normalised: number | null; readonly weight: number; readonly points: number | null }>
  readonly explanation: { readonly zh: string; readonly en: string }
  readonly stability?: { readonly median: number; readonly p5: number; readonly p95: number; readonly min: number; readonly max: number; readonly reward_share: number }
}

/** A zone's outcome in the CLI's JSON shape. */
export const zoneJson = (c: ClusterAssessment, stability?: RankStability): AssessedZoneJson => {
  const s = stability?.zones.find((z) => z.clusterId === c.clusterId)
  return {
    id: c.clusterId,
    name: c.name,
    group: c.group,
    status: c.status,
    score: c.score,
    rank: c.rank,
    rank_change: c.rankChange,
    stars: c.stars?.stars ?? null,
    star_change: c.stars?.movement ?? null,
    reward: c.reward,
    veto:
      c.veto.length === 0
        ? null
        : {
            reason: { zh: c.veto.map((h) => `${h.reason.zh}（${h.evidence.zh}）`).join("；"), en: c.veto.map((h) => `${h.reason.en} (${h.evidence.en})`).join("; ") },
            rules: c.veto.map((h) => h.ruleId),
          },
    missing: c.missing,
    contributions: c.contributions.map((x) => ({ indicator: x.code, value: x.value, normalised: x.normalised, weight: x.weight, points: x.points })),
    explanation: { zh: c.explanation.zh, en: c.explanation.en },
    ...(s ? { stability: { median: s.median, p5: s.p5, p95: s.p95, min: s.min, max: s.max, reward_share: s.rewardShare } } : {}),
  }
}

const change = (n: number | null, ranked: boolean) => (!ranked ? "" : n === null ? "新 new" : n > 0 ? `↑${n}` : n < 0 ? `↓${-n}` : "=")

/** `jiju assess`: run a comprehensive evaluation (综合考核) for a period, rank both groups, explain, store. */
export const assessCommand: Command = {
  name: "assess",
  summary: { zh: "综合考核排名（含解释）", en: "comprehensive evaluation and ranking, explained" },
  usage: [
    "jiju assess --period P [--scheme S] [--data F [--clusters F]] [--kind K] [--stability N [--seed S]] [--publish] [--json]",
    "  --scheme S      a built-in scheme (henan-2017 default, henan-service-two-zones), a stored scheme id, or a JSON file",
    "  --period P      the period to assess (2025, 2025Q1, 2025-03)",
    "  --data F        long-format CSV/XLSX: cluster, period, indicator, value (\"fact:NAME\" rows state facts)",
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
    if (draws !== undefined && !(Number.isInteger(draws) && draws >= 1)) throw new CliError("usage", `--stability expects a positive whole number of draws, got "${values.stability}"`, 2)
    if (values.seed !== undefined && draws === undefined) throw new CliError("usage", "--seed goes with --stability N", 2)
    if (values.kind !== undefined && !(values.kind in clusterKindNames))
      throw new CliError("usage", `--kind must be one of ${Object.keys(clusterKindNames).join(", ")}; got "${values.kind}"`, 2)
    if (values.publish === true && values.data !== undefined)
      throw new CliError("usage", "--publish stores the result, and only results computed from the store are stored: drop --data (import the file first with jiju import)", 2)
    const kind = values.kind as ClusterKind | undefined

    // Built-in and file schemes are checked before the store is opened: a bad file fails fast.
    const early = values.scheme === undefined || builtInSchemes[values.scheme] !== undefined || isSchemeFile(values.scheme) ? await resolveScheme(io, values.scheme, undefined) : undefined
    return withAssessmentData(io, values, periodsBack(period, 2), async (data, store) => {
      const { scheme, from } = early ?? (await resolveScheme(io, values.scheme, store))
      const checksum = schemeChecksum(scheme)
      const clusters = data.input.clusters.filter((c) => kind === undefined || c.kind === kind)
      const input = { ...data.input, clusters }
      const hasPeriod = (p: string) => clusters.some((c) => scheme.dimensions.some((d) => d.indicators.some((i) => data.input.value(c.id, i.code, p) !== undefined)))
      if (!data.periods.includes(period) || !hasPeriod(period)) throw unknownPeriod(period, data.periods)

      // The previous result: the stored run of the same scheme version, else computed from the observations.
      const prev = previousPeriod(period)
      const runs = store && data.source === "store" ? assessmentRepo(store.db).runs : undefined
      const storedPrev = runs ? await runs.latest(scheme.id, prev) : undefined
      let previous: AssessmentResult | undefined
      let previousSource: "stored" | "computed" | null = null
      if (storedPrev && (storedPrev.schemeChecksum === null || storedPrev.schemeChecksum === checksum) && kind === undefined) {
        previous = storedPrev.result
        previousSource = "stored"
      } else if (hasPeriod(prev)) {
        previous = runAssessment(scheme, input, prev)
        previousSource = "computed"
      }

      const result = runAssessment(scheme, input, period, previous)
      const stability = draws !== undefined ? rankStability(scheme, result, { draws, seed }) : undefined

      // Store what came from the store (file data would mix with the register's results). A --kind subset is a
      // partial ranking: it is shown, never stored over the full one.
      let run: { id: string; published: boolean; createdAt: string } | null = null
      if (store && runs && kind === undefined) {
        const actor = `cli:${io.env.USER ?? "unknown"}`
        const saved = await store.db.transaction(async (tx) => {
          if (from === "file") await assessmentRepo(tx).schemes.save(scheme, actor, tx)
          const r = await runs.save({ result, published: values.publish === true, createdBy: actor, schemeChecksum: checksum, stability: stability ?? null }, tx)
          await store.audit.record(tx, { actor, entity: "assessment", entityId: r.id, action: "run", before: null, after: { scheme: scheme.id, period, published: r.published } })
          return r
        })
        run = { id: saved.id, published: saved.published, createdAt: saved.createdAt }
      }

      if (values.json === true) {
        printJson(io, {
          scheme: { id: scheme.id, name: scheme.name, from, checksum },
          period,
          previous_period: previous?.period ?? null,
          previous_source: previousSource,
          source: data.source,
          demo: data.hasDemo,
          stored: run !== null,
          run,
          weighting: result.weighting,
          weights: result.weights,
          warnings: result.warnings,
          groups: result.groups.map((g) => ({ group: g.group, name: g.name, size: g.size, reward_band: g.rewardBand, ranking: g.ranking })),
          clusters: result.clusters.map((c) => zoneJson(c, stability)),
          ...(stability ? { stability: { draws: stability.draws, seed: stability.seed, method: stability.method, parameter: stability.parameter } } : {}),
        })
        return 0
      }

      const out: string[] = [`${scheme.name.zh} · ${scheme.name.en} — ${period}${previous ? `（对比 vs ${previous.period}${previousSource === "computed" ? "，由观测值计算 computed" : ""}）` : ""}`]
      if (data.hasDemo) out.push("（演示数据 demo data）")
      const byId = new Map(result.clusters.map((c) => [c.clusterId, c]))
      for (const g of result.groups) {
        out.push("", `${rankingGroupNames[g.group].zh} ${rankingGroupNames[g.group].en}: ${g.size} 个参评 ranked, 前 ${g.rewardBand} 名奖励 top ${g.rewardBand} rewarded`)
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
