import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import type { ClusterLevel } from "../model/Cluster.js"
import { findIndicator } from "../model/catalogue.js"
import type { Bilingual } from "../model/errors.js"
import { yearOf } from "../model/Period.js"
import { RuleSource } from "../model/RuleSource.js"
import type { FactLookup, ValueLookup } from "./AssessmentInput.js"
import { type RuleId, ruleSource } from "./RuleSources.js"

/**
 * A development target over a set of clusters:
 * - `count_above`: at least `count` clusters with the indicator above (`>`) or at (`>=`) the threshold;
 * - `count_between`: at least `count` clusters with the indicator from `min` to `max` (both included);
 * - `count_level`: at least `count` clusters approved at one of `levels` (a city-level zone, a provincial one);
 * - `total`: the clusters' sum reaches `min`;
 * - `share_of_region`: the clusters' sum is at least `min` (a fraction) of the region's total of `regionIndicator`;
 * - `annual_growth`: the clusters' sum grows by `rate` a year from `baseYear`;
 * - `level`: the clusters' mean (or the region's value) reaches `min`;
 * - `each_increase`: every cluster (of `levels`, when given) adds at least `min` to the indicator over the year before;
 * - `each_fact`: every cluster (of `levels`, when given) has the yes/no fact (an industry association set up).
 * Each may carry the year it is due (`dueYear`, default the set's `targetYear`) and its source.
 */
export type Target = TargetCommon &
  (
    | { readonly kind: "count_above"; readonly indicator: string; readonly op: ">" | ">="; readonly threshold: number; readonly count: number }
    | { readonly kind: "count_between"; readonly indicator: string; readonly min: number; readonly max: number; readonly count: number }
    | { readonly kind: "count_level"; readonly levels: ReadonlyArray<ClusterLevel>; readonly count: number }
    | { readonly kind: "total"; readonly indicator: string; readonly min: number }
    | { readonly kind: "share_of_region"; readonly indicator: string; readonly regionIndicator: string; readonly min: number }
    | { readonly kind: "annual_growth"; readonly indicator: string; readonly rate: number; readonly baseYear: number }
    | { readonly kind: "level"; readonly indicator: string; readonly aggregate: "mean" | "region"; readonly min: number }
    | { readonly kind: "each_increase"; readonly indicator: string; readonly min: number; readonly levels?: ReadonlyArray<ClusterLevel> | undefined }
    | { readonly kind: "each_fact"; readonly fact: string; readonly levels?: ReadonlyArray<ClusterLevel> | undefined }
  )

/** What every target has. */
export interface TargetCommon {
  readonly id: string
  readonly description: Bilingual
  /** The year this target is due; default the set's `targetYear` (a document's staged targets each have theirs). */
  readonly dueYear?: number | undefined
  /** Where the target comes from (a built-in set's document quote); a set of one's own has none. */
  readonly source?: RuleSource | undefined
}

/** Which zones a set adds up: the documents' industrial clusters, the service agglomerations, or every zone given. */
export type TargetScope = "industrial_clusters" | "service_zones" | "all"

/** A named set of targets due in `targetYear`. */
export interface TargetSet {
  /** Stable id, e.g. "hengshui". */
  readonly id: string
  /** Display name. */
  readonly name: Bilingual
  /** Year by which the targets are due. */
  readonly targetYear: number
  /** The targets. */
  readonly targets: ReadonlyArray<Target>
  /** Assumptions made in turning the document into targets. */
  readonly notes?: ReadonlyArray<Bilingual>
  /** Which zones the set adds up; default `all` (a built-in set names the document's). */
  readonly scope?: TargetScope | undefined
  /** The register's rules the set applies besides its targets' own (its years, its scope). */
  readonly rules?: ReadonlyArray<RuleId> | undefined
}

const d = (zh: string, en: string): Bilingual => ({ zh, en })
const src = (id: RuleId) => ruleSource(id)

/** 衡水's document is dated 18 Aug 2006 (二00六年八月十八日); its targets' year, 2010, is a Jiju default (h3.years). */
export const HENGSHUI_TARGET_YEAR = 2010
const HENGSHUI_DOCUMENT_YEAR = 2006

/**
 * 衡水 (seed 003): 3 clusters with revenue above 100亿 and 5 more above 50亿 (tracked as 8 above 50亿), clusters
 * ≥ 65 % of the county economy (their industrial value added over the region's GDP — a reading: the document says
 * 经济总量), 6 more city key clusters, every provincial key cluster creating 2 provincial brands and 2 famous
 * trademarks a year (city key clusters 1 each), and every key cluster with an industry association within the
 * document's year. The key clusters are read as the zones approved at provincial and city level. Default year
 * 2010 (h3.years); `targetYear` moves every target by the same number of years.
 * @example hengshuiTargets().targets.map((t) => t.id) // ["above_100", "above_50", "economy_share", "city_clusters", "brands_provincial", "brands_city", "associations"]
 */
export const hengshuiTargets = (targetYear: number = HENGSHUI_TARGET_YEAR): TargetSet => {
  const shift = targetYear - HENGSHUI_TARGET_YEAR
  return {
    id: "hengshui",
    name: d("衡水市产业集群发展目标", "Hengshui cluster targets"),
    targetYear,
    scope: "industrial_clusters",
    rules: ["targets.scope", "h3.years", "h3.key_level"],
    targets: [
      {
        id: "above_100",
        kind: "count_above",
        indicator: "revenue",
        op: ">",
        threshold: 100,
        count: 3,
        description: d("年营业收入超100亿元的产业集群3个", "3 clusters with revenue above 10bn CNY"),
        source: src("h3.above_100"),
      },
      {
        id: "above_50",
        kind: "count_above",
        indicator: "revenue",
        op: ">",
        threshold: 50,
        count: 8,
        description: d("另有5个超50亿元（共8个超50亿元）", "5 more above 5bn CNY (8 above 5bn in all)"),
        source: src("h3.above_50"),
      },
      {
        id: "economy_share",
        kind: "share_of_region",
        indicator: "industrial_value_added",
        regionIndicator: "gdp",
        min: 0.65,
        description: d("产业集群经济总量占县域经济总量65%以上", "clusters at least 65% of the county economy"),
        source: src("h3.economy_share"),
      },
      {
        id: "city_clusters",
        kind: "count_level",
        levels: ["city"],
        count: 6,
        description: d("再重点培育6个市级重点产业集群", "6 more city key clusters"),
        source: src("h3.city_clusters"),
      },
      {
        id: "brands_provincial",
        kind: "each_increase",
        indicator: "brands",
        min: 4,
        levels: ["provincial"],
        description: d("省级重点产业集群每年新创省名牌和著名商标各2个", "each provincial key cluster: 2 provincial brands and 2 famous trademarks a year"),
        source: src("h3.brands"),
      },
      {
        id: "brands_city",
        kind: "each_increase",
        indicator: "brands",
        min: 2,
        levels: ["city"],
        description: d("市级重点产业集群每年新创省名牌和著名商标各1个", "each city key cluster: 1 provincial brand and 1 famous trademark a year"),
        source: src("h3.brands"),
      },
      {
        id: "associations",
        kind: "each_fact",
        fact: "industry_association",
        levels: ["provincial", "city"],
        dueYear: HENGSHUI_DOCUMENT_YEAR + shift,
        description: d("省市级重点产业集群年内均要建立起行业协会", "every provincial and city key cluster sets up an industry association within the year"),
        source: src("h3.associations"),
      },
    ],
    notes: [
      d("经济总量以工业增加值 ÷ 地区生产总值计算（Jiju 的读法）。", "Economic weight measured as industrial value added over GDP (Jiju's reading)."),
      d(
        "名牌指标（brands）把省名牌与著名商标合计：每年各 2 个按合计增加 4 个（市级各 1 个按 2 个）检查，不能分辨两类。",
        "The brands indicator counts provincial brands and famous trademarks together: 2 of each a year is checked as 4 more in all (city key clusters: 2), which cannot tell the two apart.",
      ),
      d("行业协会的期限“年内”取文件当年（2006 年）。", "The associations' deadline 年内 (within the year) is the document's year, 2006."),
      d(
        "“每个市以上重点产业集群建成一个特色产业园区和创业辅导基地”没有对应的数据，未跟踪。",
        "“every key cluster of city level or above builds a specialised park and a start-up base” has no data to track it and is not tracked.",
      ),
    ],
  }
}

/** 大连's document is dated 9 Nov 2010 (二〇一〇年十一月九日): stage 1 in 2015, stage 2 and the 6–8-year goal in 2018 (d3.years). */
export const DALIAN_TARGET_YEAR = 2018
const DALIAN_STAGE_1 = 2015

/**
 * 大连 (seed 003), the 15 clusters without software and service outsourcing: stage 1, gross output 8800亿 and
 * ≥ 80 % of the city's industrial output above designated size; stage 2, 13000亿 and ≥ 85 %; within 6–8 years
 * 8 clusters of 1000亿 or more and 8 of 200–500亿. Default years 2015 and 2018 (d3.years); `targetYear` moves the
 * second stage and the first with it.
 * @example dalianTargets().targets.map((t) => t.dueYear) // [2015, 2015, 2018, 2018, 2018, 2018]
 */
export const dalianTargets = (targetYear: number = DALIAN_TARGET_YEAR): TargetSet => {
  const stage1 = DALIAN_STAGE_1 + targetYear - DALIAN_TARGET_YEAR
  return {
    id: "dalian",
    name: d("大连市产业集群发展目标", "Dalian cluster targets"),
    targetYear,
    scope: "industrial_clusters",
    rules: ["targets.scope", "d3.software", "d3.years"],
    targets: [
      {
        id: "output_total",
        kind: "total",
        indicator: "gross_output",
        min: 8800,
        dueYear: stage1,
        description: d("15个产业集群总产值规模达到8800亿元", "15 clusters' gross output reaches 880bn CNY"),
        source: src("d3.stage1"),
      },
      {
        id: "output_share",
        kind: "share_of_region",
        indicator: "gross_output",
        regionIndicator: "gross_output",
        min: 0.8,
        dueYear: stage1,
        description: d("占全市规模以上工业总产值的80%以上", "at least 80% of the city's industrial output"),
        source: src("d3.stage1"),
      },
      {
        id: "output_total_2",
        kind: "total",
        indicator: "gross_output",
        min: 13000,
        dueYear: targetYear,
        description: d("总产值规模达到13000亿元", "gross output reaches 1.3tn CNY"),
        source: src("d3.stage2"),
      },
      {
        id: "output_share_2",
        kind: "share_of_region",
        indicator: "gross_output",
        regionIndicator: "gross_output",
        min: 0.85,
        dueYear: targetYear,
        description: d("占全市规模以上工业总产值的85%以上", "at least 85% of the city's industrial output"),
        source: src("d3.stage2"),
      },
      {
        id: "above_1000",
        kind: "count_above",
        indicator: "gross_output",
        op: ">=",
        threshold: 1000,
        count: 8,
        dueYear: targetYear,
        description: d("8个产值规模在1000亿元以上的重点产业集群", "8 key clusters with gross output of 100bn CNY or more"),
        source: src("d3.clusters"),
      },
      {
        id: "between_200_500",
        kind: "count_between",
        indicator: "gross_output",
        min: 200,
        max: 500,
        count: 8,
        dueYear: targetYear,
        description: d("8个产值规模在200-500亿元的产业集群", "8 clusters with gross output of 20–50bn CNY"),
        source: src("d3.clusters"),
      },
    ],
    notes: [
      d(
        "“1000亿元以上”读作不低于 1000 亿元，“200-500亿元”读作 200 至 500 亿元（含两端）。",
        "“1000亿元以上” is read as 1000亿 or more, “200-500亿元” as 200 to 500亿 inclusive.",
      ),
    ],
  }
}

/** 陕西's document is dated 19 Mar 2009 (二○○九年三月十九日); the years are Jiju defaults (s3.years). */
export const SHAANXI_BASE_YEAR = 2008
export const SHAANXI_TARGET_YEAR = 2015
const SHAANXI_STAGES = [2010, 2012, 2015] as const

/**
 * 陕西 (seed 003): sales +25 % and value added +18 % a year from `baseYear`; all 20 clusters above 100亿, 9 at
 * 1000亿 or more and 5 more at 500亿 or more (14 in all); local supply ratio from < 30 % to ≥ 50 %; and the staged
 * totals: sales 10000亿 / value added about 3900亿, 15000亿 / 5600亿, 20000亿 / 8000亿. Default years (s3.years):
 * growth from 2008, stages 2010, 2012 and 2015, the growth, counts and supply ratio due with stage 2;
 * `targetYear` moves the last stage and the others with it.
 * @example shaanxiTargets(2008, 2015).targets.filter((t) => t.kind === "total").map((t) => t.dueYear) // [2010, 2010, 2012, 2012, 2015, 2015]
 */
export const shaanxiTargets = (baseYear: number = SHAANXI_BASE_YEAR, targetYear: number = SHAANXI_TARGET_YEAR): TargetSet => {
  const shift = targetYear - SHAANXI_TARGET_YEAR
  const [s1, s2, s3] = SHAANXI_STAGES.map((y) => y + shift) as [number, number, number]
  const stage = (n: 1 | 2 | 3, year: number, sales: number, va: number): Target[] => [
    {
      id: `stage${n}_sales`,
      kind: "total",
      indicator: "revenue",
      min: sales,
      dueYear: year,
      description: d(`全省产业集群销售收入达到${sales}亿元`, `cluster sales reach ${sales / 10}bn CNY`),
      source: src(`s3.stage${n}`),
    },
    {
      id: `stage${n}_va`,
      kind: "total",
      indicator: "industrial_value_added",
      min: va,
      dueYear: year,
      description: d(`增加值约${va}亿元`, `value added about ${va / 10}bn CNY`),
      source: src(`s3.stage${n}`),
    },
  ]
  return {
    id: "shaanxi",
    name: d("陕西省产业集群发展目标", "Shaanxi cluster targets"),
    targetYear,
    scope: "industrial_clusters",
    rules: ["targets.scope", "s3.years"],
    targets: [
      {
        id: "sales_growth",
        kind: "annual_growth",
        indicator: "revenue",
        rate: 0.25,
        baseYear,
        dueYear: s2,
        description: d("产业集群销售收入年均增长25%左右", "cluster sales up about 25% a year"),
        source: src("s3.growth"),
      },
      {
        id: "va_growth",
        kind: "annual_growth",
        indicator: "industrial_value_added",
        rate: 0.18,
        baseYear,
        dueYear: s2,
        description: d("增加值年均增长18%左右", "value added up about 18% a year"),
        source: src("s3.growth"),
      },
      {
        id: "all_above_100",
        kind: "count_above",
        indicator: "revenue",
        op: ">",
        threshold: 100,
        count: 20,
        dueYear: s2,
        description: d("20个产业集群销售收入全部超过100亿元", "all 20 clusters' sales above 10bn CNY"),
        source: src("s3.counts"),
      },
      {
        id: "at_1000",
        kind: "count_above",
        indicator: "revenue",
        op: ">=",
        threshold: 1000,
        count: 9,
        dueYear: s2,
        description: d("9个产业集群达到1000亿元以上", "9 clusters at 100bn CNY or more"),
        source: src("s3.count_1000"),
      },
      {
        id: "at_500",
        kind: "count_above",
        indicator: "revenue",
        op: ">=",
        threshold: 500,
        count: 14,
        dueYear: s2,
        description: d("另5个产业集群达到500亿元以上（共14个达到500亿元以上）", "5 more at 50bn CNY or more (14 in all)"),
        source: src("s3.count_500"),
      },
      {
        id: "local_supply",
        kind: "level",
        indicator: "local_supply_ratio",
        aggregate: "mean",
        min: 50,
        dueYear: s2,
        description: d("产业集群省内配套率由不到30%提高到50%以上", "local supply ratio from under 30% to 50% or more"),
        source: src("s3.local_supply"),
      },
      ...stage(1, s1, 10000, 3900),
      ...stage(2, s2, 15000, 5600),
      ...stage(3, s3, 20000, 8000),
    ],
    notes: [
      d(
        "“另5个达到500亿元以上”与 9 个千亿级集群不同，故共 14 个达到 500 亿元以上；“增加值约…亿元”读作不低于该数。",
        "the 5 at 500亿 or more differ from the 9 at 1000亿, so 14 reach 500亿 in all; “增加值约…” (value added about …) is read as at least that.",
      ),
      d("省内配套率以各集群的平均数计（文件未说明如何合计）。", "The local supply ratio is the clusters' mean (the document does not say how to combine it)."),
      d(
        "“5个以上销售收入过1000亿元的核心企业”等企业层面的目标，集聚区数据不能跟踪。",
        "the targets on core firms (5 or more with sales above 1000亿) are about firms, which zone data cannot track.",
      ),
    ],
  }
}

/** 篇10's goal is dated by the document itself: 到2010年. */
export const COUNTY_SERVICES_TARGET_YEAR = 2010

/**
 * 篇10 (seed 002), a county's service agglomerations by 2010: 2 or more with annual revenue above 10亿, 6 at the
 * city level (read as city level or above), 1 or more at the provincial level. Service zones only; track it over
 * the county (`region`).
 * @example countyServiceTargets().targets.map((t) => t.kind) // ["count_above", "count_level", "count_level"]
 */
export const countyServiceTargets = (targetYear: number = COUNTY_SERVICES_TARGET_YEAR): TargetSet => ({
  id: "county_services",
  name: d("县现代服务业集聚区发展目标（篇10）", "County service agglomeration goal (篇10)"),
  targetYear,
  scope: "service_zones",
  rules: ["targets.scope.service"],
  targets: [
    {
      id: "above_10",
      kind: "count_above",
      indicator: "operating_revenue",
      op: ">",
      threshold: 10,
      count: 2,
      description: d("培植2家以上年销售收入超10亿元的服务业集聚区", "2 or more service zones with annual sales above 1bn CNY"),
      source: src("p10.goal_2010"),
    },
    {
      id: "city_level",
      kind: "count_level",
      levels: ["city", "provincial"],
      count: 6,
      description: d("力争6家服务区集聚区进入市级现代服务业集聚区行列", "6 service zones at the city level"),
      source: src("p10.goal_2010"),
    },
    {
      id: "provincial_level",
      kind: "count_level",
      levels: ["provincial"],
      count: 1,
      description: d("确保1家以上成为省级现代服务业集聚区", "1 or more at the provincial level"),
      source: src("p10.goal_2010"),
    },
  ],
  notes: [
    d(
      "级别取名录中的批准级别；“进入市级行列”读作市级或以上（Jiju 的读法）。",
      "Levels are the register's approving levels; “进入市级行列” (joining the city level) is read as city level or above (Jiju's reading).",
    ),
  ],
})

/** The kinds of target. */
export const TargetKind = Schema.Literals([
  "count_above",
  "count_between",
  "count_level",
  "total",
  "share_of_region",
  "annual_growth",
  "level",
  "each_increase",
  "each_fact",
])

/** One target tracked (JSON-ready). */
export const TargetProgress = Schema.Struct({
  /** Target id within its set. */
  id: Schema.String,
  /** The target's kind. */
  kind: TargetKind,
  /** The target as the document words it. */
  description: BilingualMessage,
  /** The year the target is due. */
  dueYear: Schema.Number,
  /** dueYear − the period's year (negative once the year has passed). */
  yearsLeft: Schema.Number,
  /** Where the target comes from (the document's quote); null for a set of one's own. */
  source: Schema.NullOr(RuleSource),
  /** The value reached in the tracked period (count, sum, share, rate or level); null when it cannot be computed. */
  actual: Schema.NullOr(Schema.Number),
  /** The value to reach. */
  target: Schema.Number,
  /** Whether the target is met now; null when actual is unknown. */
  attained: Schema.NullOr(Schema.Boolean),
  /** actual / target (for `annual_growth`: realised rate / target rate). */
  attainment: Schema.NullOr(Schema.Number),
  /** target − actual when short, else 0. */
  gap: Schema.NullOr(Schema.Number),
  /** Growth a year needed from now to reach the target by the target year (null when not applicable). */
  requiredAnnualGrowth: Schema.NullOr(Schema.Number),
  /** For `level` targets: points a year needed. */
  requiredAnnualChange: Schema.NullOr(Schema.Number),
  /** Clusters without a value (left out of sums and counts). */
  missing: Schema.Array(Schema.String),
  /**
   * `attained`, `short`, `incomplete` (members are missing and what is known does not decide it: never counted as
   * zero), or `no_data` (nothing to compute it from).
   */
  status: Schema.Literals(["attained", "short", "incomplete", "no_data"]),
  /**
   * With missing members: where the value can lie. A sum of values that cannot be negative is at least what is known
   * (no upper bound); a count is between the zones known to be above and that plus the missing ones. Null when complete.
   */
  bound: Schema.NullOr(Schema.Struct({ lower: Schema.NullOr(Schema.Number), upper: Schema.NullOr(Schema.Number) })),
  /**
   * For `count_above`: the clusters not yet above, closest first, with the growth a year each needs; for
   * `each_increase` and `each_fact`: the clusters that fall short.
   */
  candidates: Schema.Array(Schema.Struct({ clusterId: Schema.String, value: Schema.Number, requiredAnnualGrowth: Schema.NullOr(Schema.Number) })),
  /** Summary sentence in both languages. */
  text: BilingualMessage,
})
export type TargetProgress = typeof TargetProgress.Type

/** A target set tracked in one period (JSON-ready): what {@link trackTargets} answers. */
export const TargetTracking = Schema.Struct({
  setId: Schema.String,
  name: BilingualMessage,
  /** The period tracked. */
  period: Schema.String,
  targetYear: Schema.Number,
  /** targetYear − the period's year. */
  yearsLeft: Schema.Number,
  targets: Schema.Array(TargetProgress),
})
export type TargetTracking = typeof TargetTracking.Type

/** What {@link trackTargets} reads. */
export interface TargetInput {
  readonly clusterIds: ReadonlyArray<string>
  readonly value: ValueLookup
  /** The zones' approving levels (for `count_level` and the `levels` of `each_*` targets). */
  readonly level?: ((clusterId: string) => ClusterLevel | undefined) | undefined
  /** Yes/no facts in force in a period (for `each_fact`). */
  readonly fact?: FactLookup | undefined
  /** The region's own figures (county GDP, the city's industrial output). */
  readonly region?: (indicator: string, period: string) => number | undefined
}

const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`
const num = (x: number) => String(Number(x.toPrecision(6)))
const listed = (ids: ReadonlyArray<string>) => (ids.length > 5 ? `${ids.slice(0, 5).join(", ")} … (${ids.length})` : ids.join(", "))

/** What every tracked target starts from. */
type ProgressBase = Pick<TargetProgress, "id" | "kind" | "description" | "dueYear" | "yearsLeft" | "source" | "requiredAnnualChange" | "candidates">

/**
 * A count of zones (above a size, within a range, at a level, meeting a rule): known in full, or between the zones
 * known to count and that plus the missing ones — decided only when the bounds agree.
 */
const countProgress = (
  base: ProgressBase,
  count: number,
  target: number,
  missing: ReadonlyArray<string>,
  requiredAnnualGrowth: number | null,
  extra: Bilingual = { zh: "", en: "" },
): TargetProgress => {
  const { description } = base
  if (missing.length > 0) {
    const upper = count + missing.length
    const attained = count >= target ? true : upper < target ? false : null
    return {
      ...base,
      actual: null,
      target,
      attained,
      attainment: null,
      gap: null,
      requiredAnnualGrowth: null,
      missing: [...missing],
      status: attained === null ? "incomplete" : statusOf(attained),
      bound: { lower: count, upper },
      text: {
        zh: `${description.zh}：数据不全，${missing.length} 个缺数据（${listed(missing)}）；已知 ${count} 个，至多 ${upper} 个${attained === null ? "，无法判定" : attained ? "，已达成" : "，未达成"}${extra.zh}`,
        en: `${description.en}: incomplete, ${missing.length} without data (${listed(missing)}); ${count} known, at most ${upper}${attained === null ? ", undecided" : attained ? ", attained" : ", short"}${extra.en}`,
      },
    }
  }
  const gap = Math.max(0, target - count)
  return {
    ...base,
    actual: count,
    target,
    attained: count >= target,
    attainment: target > 0 ? count / target : null,
    gap,
    requiredAnnualGrowth,
    missing: [],
    status: statusOf(count >= target),
    bound: null,
    text: {
      zh: `${description.zh}：现有 ${count} 个，${gap === 0 ? "已达成" : `还差 ${gap} 个`}${extra.zh}`,
      en: `${description.en}: ${count} now, ${gap === 0 ? "attained" : `${gap} short`}${extra.en}`,
    },
  }
}

/** The status of a target whose value is known in full (or not at all). */
const statusOf = (attained: boolean | null): TargetProgress["status"] => (attained === null ? "no_data" : attained ? "attained" : "short")

/**
 * A sum (or a share of one) with missing members: never counted as zero. When the indicator cannot be negative the
 * known part is a floor, so a floor already at the target attains it; otherwise it is undecided.
 */
const incompleteSum = (
  base: ProgressBase,
  target: number,
  known: number,
  shown: number | string,
  missing: ReadonlyArray<string>,
  indicator: string,
  unit: string,
  unitEn: string,
): TargetProgress => {
  const floor = findIndicator(indicator)?.allowNegative === true ? null : known
  const attained = floor !== null && floor >= target ? true : null
  const known_ = typeof shown === "number" ? num(shown) : shown
  const { description } = base
  return {
    ...base,
    actual: null,
    target,
    attained,
    attainment: null,
    gap: null,
    requiredAnnualGrowth: null,
    missing: [...missing],
    status: attained ? "attained" : "incomplete",
    bound: { lower: floor, upper: null },
    text: {
      zh: `${description.zh}：数据不全，${missing.length} 个缺数据（${listed(missing)}）；已报合计 ${known_}${unit}${floor !== null ? `，至少为此数` : ""}${attained ? "，已达成" : "，无法判定"}`,
      en: `${description.en}: incomplete, ${missing.length} without data (${listed(missing)}); the reported part is ${known_}${unitEn ? ` ${unitEn}` : ""}${floor !== null ? ", a floor" : ""}${attained ? ", attained" : ", undecided"}`,
    },
  }
}

/**
 * Track a target set against one period's observations: attainment, gap and the growth a year needed to
 * close it by the target year, g = (target / actual)^(1 / years left) − 1. A cluster without a value is left
 * out and listed in `missing`, never counted as zero.
 *
 * @example trackTargets(dalianTargets(2024), { clusterIds, value, region }, "2022").targets[0]?.requiredAnnualGrowth
 */
export const trackTargets = (set: TargetSet, input: TargetInput, period: string): TargetTracking => {
  const year = yearOf(period)
  const yearsLeft = set.targetYear - year
  const sumOf = (indicator: string, p: string) => {
    const vals = input.clusterIds.map((id) => [id, input.value(id, indicator, p)] as const)
    return {
      sum: vals.reduce((a, [, v]) => a + (v ?? 0), 0),
      missing: vals.filter(([, v]) => v === undefined).map(([id]) => id),
      present: vals.filter(([, v]) => v !== undefined).length,
    }
  }
  // The zones an each_* target is about: all, or those at its levels (a zone of unknown level cannot be placed).
  const zonesAt = (levels: ReadonlyArray<ClusterLevel> | undefined) => {
    if (levels === undefined) return { ids: input.clusterIds, unplaced: [] as string[] }
    const lv = input.clusterIds.map((id) => [id, input.level?.(id)] as const)
    return {
      ids: lv.filter(([, l]) => l !== undefined && levels.includes(l)).map(([id]) => id),
      unplaced: lv.filter(([, l]) => l === undefined).map(([id]) => id),
    }
  }
  const targets: TargetProgress[] = set.targets.map((t) => {
    const indicator = "indicator" in t ? t.indicator : ""
    const unit = findIndicator(indicator)?.unit ?? ""
    const unitEn = findIndicator(indicator)?.unitEn ?? ""
    const dueYear = t.dueYear ?? set.targetYear
    const left = dueYear - year
    const growthNeeded = (target: number, actual: number) => (left > 0 && actual > 0 ? (target / actual) ** (1 / left) - 1 : null)
    const base: ProgressBase = {
      id: t.id,
      kind: t.kind,
      description: t.description,
      dueYear,
      yearsLeft: left,
      source: t.source ?? null,
      requiredAnnualChange: null,
      candidates: [],
    }
    switch (t.kind) {
      case "count_above": {
        const vals = input.clusterIds.map((id) => [id, input.value(id, t.indicator, period)] as const)
        const above = (v: number) => (t.op === ">" ? v > t.threshold : v >= t.threshold)
        const count = vals.filter(([, v]) => v !== undefined && above(v)).length
        const missing = vals.filter(([, v]) => v === undefined).map(([id]) => id)
        const candidates = vals
          .filter((x): x is readonly [string, number] => x[1] !== undefined && !above(x[1]))
          .sort((a, b) => b[1] - a[1])
          .map(([clusterId, value]) => ({ clusterId, value, requiredAnnualGrowth: growthNeeded(t.threshold, value) }))
        if (missing.length > 0) {
          // Known above is a floor, known above plus missing a ceiling: decided only when the bounds agree.
          const upper = count + missing.length
          const attained = count >= t.count ? true : upper < t.count ? false : null
          return {
            ...base,
            actual: null,
            target: t.count,
            attained,
            attainment: null,
            gap: null,
            requiredAnnualGrowth: null,
            missing,
            candidates,
            status: attained === null ? "incomplete" : statusOf(attained),
            bound: { lower: count, upper },
            text: {
              zh: `${t.description.zh}：数据不全，${missing.length} 个缺数据（${listed(missing)}）；已知 ${count} 个，至多 ${upper} 个${attained === null ? "，无法判定" : attained ? "，已达成" : "，未达成"}`,
              en: `${t.description.en}: incomplete, ${missing.length} without data (${listed(missing)}); ${count} known, at most ${upper}${attained === null ? ", undecided" : attained ? ", attained" : ", short"}`,
            },
          }
        }
        const gap = Math.max(0, t.count - count)
        const needed = candidates.slice(0, gap)
        const required = gap === 0 ? 0 : needed.length < gap ? null : needed[needed.length - 1]!.requiredAnnualGrowth
        return {
          ...base,
          actual: count,
          target: t.count,
          attained: count >= t.count,
          attainment: count / t.count,
          gap,
          requiredAnnualGrowth: required,
          missing,
          candidates,
          status: statusOf(count >= t.count),
          bound: null,
          text: {
            zh: `${t.description.zh}：现有 ${count} 个，${gap === 0 ? "已达成" : `还差 ${gap} 个${required !== null ? `，最接近的候选需年均增长 ${pct(required)}` : ""}`}`,
            en: `${t.description.en}: ${count} now, ${gap === 0 ? "attained" : `${gap} short${required !== null ? `; the nearest candidates need ${pct(required)} a year` : ""}`}`,
          },
        }
      }
      case "total": {
        const { sum, missing } = sumOf(t.indicator, period)
        if (missing.length > 0) return incompleteSum(base, t.min, sum, sum, missing, t.indicator, unit, unitEn)
        const gap = Math.max(0, t.min - sum)
        const g = gap === 0 ? 0 : growthNeeded(t.min, sum)
        return {
          ...base,
          actual: sum,
          target: t.min,
          attained: sum >= t.min,
          attainment: sum / t.min,
          gap,
          requiredAnnualGrowth: g,
          missing,
          status: statusOf(sum >= t.min),
          bound: null,
          text: {
            zh: `${t.description.zh}：现为 ${num(sum)}${unit}（${pct(sum / t.min)}），${gap === 0 ? "已达成" : `差 ${num(gap)}${unit}${g !== null ? `，需年均增长 ${pct(g)}` : ""}`}`,
            en: `${t.description.en}: ${num(sum)} ${unitEn} now (${pct(sum / t.min)}), ${gap === 0 ? "attained" : `${num(gap)} ${unitEn} short${g !== null ? `; needs ${pct(g)} a year` : ""}`}`,
          },
        }
      }
      case "share_of_region": {
        const { sum, missing } = sumOf(t.indicator, period)
        const total = input.region?.(t.regionIndicator, period)
        if (total === undefined || !(total > 0))
          return {
            ...base,
            actual: null,
            target: t.min,
            attained: null,
            attainment: null,
            gap: null,
            requiredAnnualGrowth: null,
            missing,
            status: "no_data",
            bound: null,
            text: { zh: `${t.description.zh}：缺少地区 ${t.regionIndicator} 数据`, en: `${t.description.en}: no regional ${t.regionIndicator}` },
          }
        const share = sum / total
        if (missing.length > 0) return incompleteSum(base, t.min, share, `${pct(share)}`, missing, t.indicator, "", "")
        const gap = Math.max(0, t.min - share)
        return {
          ...base,
          actual: share,
          target: t.min,
          attained: share >= t.min,
          attainment: share / t.min,
          gap,
          requiredAnnualGrowth: null,
          missing,
          status: statusOf(share >= t.min),
          bound: null,
          text: {
            zh: `${t.description.zh}：现为 ${pct(share)}，${gap === 0 ? "已达成" : `差 ${pct(gap)}`}`,
            en: `${t.description.en}: ${pct(share)} now, ${gap === 0 ? "attained" : `${pct(gap)} short`}`,
          },
        }
      }
      case "annual_growth": {
        const now = sumOf(t.indicator, period)
        const then = sumOf(t.indicator, String(t.baseYear))
        const missing = [...new Set([...now.missing, ...then.missing])]
        const span = year - t.baseYear
        if (span <= 0 || then.sum <= 0 || missing.length > 0)
          return {
            ...base,
            actual: null,
            target: t.rate,
            attained: null,
            attainment: null,
            gap: null,
            requiredAnnualGrowth: null,
            missing,
            status: missing.length > 0 ? "incomplete" : "no_data",
            bound: null,
            text: {
              zh: `${t.description.zh}：无法计算（需基年与当期完整数据）`,
              en: `${t.description.en}: cannot compute (needs complete base-year and current data)`,
            },
          }
        const realised = (now.sum / then.sum) ** (1 / span) - 1
        const goal = then.sum * (1 + t.rate) ** (dueYear - t.baseYear)
        const g = growthNeeded(goal, now.sum)
        return {
          ...base,
          actual: realised,
          target: t.rate,
          attained: realised >= t.rate,
          attainment: realised / t.rate,
          gap: Math.max(0, t.rate - realised),
          requiredAnnualGrowth: g,
          missing,
          status: statusOf(realised >= t.rate),
          bound: null,
          text: {
            zh: `${t.description.zh}：${t.baseYear} 年以来年均增长 ${pct(realised)}${g !== null ? `；按期达到 ${num(goal)}${unit} 需此后年均增长 ${pct(g)}` : ""}`,
            en: `${t.description.en}: ${pct(realised)} a year since ${t.baseYear}${g !== null ? `; reaching ${num(goal)} ${unitEn} on time needs ${pct(g)} a year from now` : ""}`,
          },
        }
      }
      case "level": {
        const { sum, missing, present } = sumOf(t.indicator, period)
        const byRegion = t.aggregate === "region"
        // The mean of the zones that reported is not the mean of all: with missing members the level is incomplete.
        const incomplete = !byRegion && missing.length > 0 && present > 0
        const actual = byRegion ? (input.region?.(t.indicator, period) ?? null) : present > 0 && !incomplete ? sum / present : null
        if (actual === null)
          return {
            ...base,
            actual: null,
            target: t.min,
            attained: null,
            attainment: null,
            gap: null,
            requiredAnnualGrowth: null,
            missing,
            status: incomplete ? "incomplete" : "no_data",
            bound: null,
            text: incomplete
              ? {
                  zh: `${t.description.zh}：数据不全，${missing.length} 个缺数据（${listed(missing)}），已报 ${present} 个的均值 ${num(sum / present)}${unit} 不代表全体`,
                  en: `${t.description.en}: incomplete, ${missing.length} without data (${listed(missing)}); the mean of the ${present} reported, ${num(sum / present)} ${unitEn}, is not the whole`,
                }
              : { zh: `${t.description.zh}：缺少数据`, en: `${t.description.en}: no data` },
          }
        const gap = Math.max(0, t.min - actual)
        const perYear = gap > 0 && left > 0 ? gap / left : gap === 0 ? 0 : null
        return {
          ...base,
          actual,
          target: t.min,
          attained: actual >= t.min,
          attainment: actual / t.min,
          gap,
          requiredAnnualGrowth: gap === 0 ? 0 : growthNeeded(t.min, actual),
          requiredAnnualChange: perYear,
          missing,
          status: statusOf(actual >= t.min),
          bound: null,
          text: {
            zh: `${t.description.zh}：现为 ${num(actual)}${unit}，${gap === 0 ? "已达成" : `差 ${num(gap)}${unit}${perYear !== null ? `，需每年提高 ${num(perYear)}${unit}` : ""}`}`,
            en: `${t.description.en}: ${num(actual)} ${unitEn} now, ${gap === 0 ? "attained" : `${num(gap)} ${unitEn} short${perYear !== null ? `; needs +${num(perYear)} ${unitEn} a year` : ""}`}`,
          },
        }
      }
      case "count_between": {
        const vals = input.clusterIds.map((id) => [id, input.value(id, t.indicator, period)] as const)
        const count = vals.filter(([, v]) => v !== undefined && v >= t.min && v <= t.max).length
        const missing = vals.filter(([, v]) => v === undefined).map(([id]) => id)
        return countProgress(base, count, t.count, missing, null)
      }
      case "count_level": {
        const lv = input.clusterIds.map((id) => [id, input.level?.(id)] as const)
        const count = lv.filter(([, l]) => l !== undefined && t.levels.includes(l)).length
        const missing = lv.filter(([, l]) => l === undefined).map(([id]) => id)
        return countProgress(base, count, t.count, missing, null)
      }
      case "each_increase":
      case "each_fact": {
        const { ids, unplaced } = zonesAt(t.levels)
        const annual = period === String(year)
        if (t.kind === "each_increase" && !annual)
          return {
            ...base,
            actual: null,
            target: ids.length,
            attained: null,
            attainment: null,
            gap: null,
            requiredAnnualGrowth: null,
            missing: [],
            status: "no_data",
            bound: null,
            text: { zh: `${t.description.zh}：按年度跟踪，${period} 不是年度`, en: `${t.description.en}: tracked by year, and ${period} is not a year` },
          }
        const results = ids.map((id) => {
          if (t.kind === "each_fact") {
            const f = input.fact?.(id, t.fact, period)
            return [id, f === undefined ? undefined : f ? 1 : 0] as const
          }
          const now = input.value(id, t.indicator, period)
          const before = input.value(id, t.indicator, String(year - 1))
          return [id, now === undefined || before === undefined ? undefined : now - before] as const
        })
        const meets = (v: number) => (t.kind === "each_fact" ? v === 1 : v >= t.min)
        const short = results.filter((x): x is readonly [string, number] => x[1] !== undefined && !meets(x[1]))
        const missing = [...unplaced, ...results.filter(([, v]) => v === undefined).map(([id]) => id)]
        const count = results.filter(([, v]) => v !== undefined && meets(v)).length
        if (ids.length === 0 && unplaced.length === 0)
          return {
            ...base,
            actual: null,
            target: 0,
            attained: null,
            attainment: null,
            gap: null,
            requiredAnnualGrowth: null,
            missing: [],
            status: "no_data",
            bound: null,
            text: { zh: `${t.description.zh}：没有该级别的集聚区`, en: `${t.description.en}: no zone at that level` },
          }
        const candidates = short.map(([clusterId, value]) => ({ clusterId, value, requiredAnnualGrowth: null }))
        const shortText =
          short.length === 0 ? { zh: "", en: "" } : { zh: `；未达到：${listed(short.map(([id]) => id))}`, en: `; short: ${listed(short.map(([id]) => id))}` }
        // Every zone must meet it: one known short decides it, whatever the missing ones do.
        if (short.length > 0)
          return {
            ...countProgress({ ...base, candidates }, count, ids.length, [], null, shortText),
            missing,
            attained: false,
            status: "short",
            bound: missing.length > 0 ? { lower: count, upper: count + missing.length } : null,
          }
        return countProgress({ ...base, candidates }, count, ids.length + unplaced.length, missing, null)
      }
      default: {
        const unknown: never = t
        return unknown
      }
    }
  })
  return { setId: set.id, name: set.name, period, targetYear: set.targetYear, yearsLeft, targets }
}
