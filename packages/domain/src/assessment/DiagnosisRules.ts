/**
 * The diagnosis rules as data: the recurring problems of cluster zones, what sets each off and the measures the
 * documents recommend. The engine that applies them is `Diagnosis.ts`; a commission's own catalogue (a file
 * decoded with {@link ProblemDefinition}) can replace {@link defaultProblemCatalogue} without touching it.
 */
import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import { PlanKind } from "../model/Cluster.js"
import type { Bilingual } from "../model/errors.js"

/**
 * What sets a problem off:
 * - `below_group_median` / `above_group_median`: value < (or >) the median of the zone's ranking group × factor;
 * - `below` / `above`: value < (or >) a fixed threshold;
 * - `fact`: a fact stated true for the zone and period;
 * - `infrastructure`: site services short of 三通一平 (`three_one`) or 七通一平 (`seven_one`), or no sewage plant (`sewage_plant`);
 * - `no_financing_platform`: no investment and financing platform; `no_management_body`: no management body;
 * - `plan_not_approved`: the planning document is not approved.
 */
export const DiagnosisTrigger = Schema.Union([
  Schema.Struct({ kind: Schema.Literals(["below_group_median", "above_group_median"]), indicator: Schema.String, factor: Schema.Number }),
  Schema.Struct({ kind: Schema.Literals(["below", "above"]), indicator: Schema.String, threshold: Schema.Number }),
  Schema.Struct({ kind: Schema.Literal("fact"), fact: Schema.String, description: BilingualMessage }),
  Schema.Struct({ kind: Schema.Literal("infrastructure"), requirement: Schema.Literals(["three_one", "seven_one", "sewage_plant"]) }),
  Schema.Struct({ kind: Schema.Literal("no_financing_platform") }),
  Schema.Struct({ kind: Schema.Literal("no_management_body") }),
  Schema.Struct({ kind: Schema.Literal("plan_not_approved"), plan: PlanKind }),
])
export type DiagnosisTrigger = typeof DiagnosisTrigger.Type

/** The kinds of trigger, as evidence names them. */
export const DiagnosisTriggerKind = Schema.Literals([
  "below_group_median",
  "above_group_median",
  "below",
  "above",
  "fact",
  "infrastructure",
  "no_financing_platform",
  "no_management_body",
  "plan_not_approved",
])

/** A recurring problem of cluster zones, its triggers and the measures the documents recommend. */
export const ProblemDefinition = Schema.Struct({
  id: Schema.String,
  name: BilingualMessage,
  /** Which seed documents describe it. */
  sources: Schema.Array(Schema.String),
  triggers: Schema.Array(DiagnosisTrigger),
  measures: Schema.Array(BilingualMessage),
})
export type ProblemDefinition = typeof ProblemDefinition.Type

const m = (zh: string, en: string): Bilingual => ({ zh, en })

/**
 * The problem catalogue distilled from the seed documents (000, 001, 002 篇8, 003, 004). Trigger factors are
 * configuration defaults; measures are quoted or paraphrased from the documents.
 */
export const defaultProblemCatalogue: ReadonlyArray<ProblemDefinition> = [
  {
    id: "land",
    name: m("土地不足、利用率低", "Too little land or low land use"),
    sources: ["000", "002 篇8", "004"],
    triggers: [
      { kind: "below_group_median", indicator: "investment_intensity", factor: 0.7 },
      { kind: "below_group_median", indicator: "floor_area_ratio", factor: 0.7 },
      { kind: "above_group_median", indicator: "idle_land", factor: 1.5 },
      { kind: "fact", fact: "land_shortage", description: m("工业用地储备不足", "industrial land reserve short") },
    ],
    measures: [
      m("严把准入关，核减项目申请用地规模，提高项目用地容积率", "screen new projects, trim the land they ask for and raise plot ratios"),
      m(
        "清查存量土地，处置闲置土地，实施“腾笼换鸟”；两年以上无实质进展的项目已供地的予以收回",
        "survey land stock, dispose of idle land (“empty the cage, change the bird”); take back land from projects idle for two years",
      ),
      m("推行三层以上标准化厂房建设，开展厂房租赁", "build standard factories of three or more storeys and lease them"),
      m("实行城乡建设用地增减挂钩，周转指标优先用于集聚区项目", "link urban and rural land quotas; give zone projects priority for turnover quotas"),
    ],
  },
  {
    id: "financing",
    name: m("融资缺口", "Financing gaps"),
    sources: ["002 篇8", "004", "000"],
    triggers: [
      { kind: "no_financing_platform" },
      { kind: "below_group_median", indicator: "infrastructure_investment", factor: 0.7 },
      { kind: "fact", fact: "financing_difficulty", description: m("企业融资困难", "firms cannot get finance") },
    ],
    measures: [
      m("建立具有较强资金运作能力的投融资平台", "set up investment and financing platforms able to raise funds"),
      m("由政府与集聚区企业共同出资组建融资担保公司，提供贷款过桥资金", "have government and zone firms jointly fund a guarantee company for bridging loans"),
      m("运用 PPP、BT、BOT 等模式引导社会资本参与基础设施建设", "use PPP, BT and BOT to bring private capital into infrastructure"),
      m(
        "参股政府担保中心或设立产业发展基金，定期举办银企对接会",
        "join the government guarantee centre or set up an industry fund; hold regular bank–firm meetings",
      ),
    ],
  },
  {
    id: "management",
    name: m("管理体制不顺", "Tangled management"),
    sources: ["004", "002 篇10"],
    triggers: [
      { kind: "no_management_body" },
      { kind: "fact", fact: "tangled_management", description: m("行政机构与管理机构未套合", "administrative and zone bodies not merged") },
    ],
    measures: [
      m("理顺管理体制，解决现有行政机构与集聚区管理机构的“套合”问题", "sort out the management system and merge the administrative and zone bodies"),
      m("设立专门管理机构并配备专职人员，对区内企业实行“一站式”服务", "set up a dedicated management body with full-time staff and one-stop service for firms"),
      m(
        "推动国土、环保、工商、税务等部门派驻综合服务中心，实现企业事项园区办结",
        "station land, environment, business and tax offices in the zone's service centre",
      ),
    ],
  },
  {
    id: "infrastructure",
    name: m("基础设施滞后", "Lagging infrastructure"),
    sources: ["000", "002 篇8", "004"],
    triggers: [
      { kind: "infrastructure", requirement: "three_one" },
      { kind: "infrastructure", requirement: "sewage_plant" },
      { kind: "below_group_median", indicator: "road_length", factor: 0.5 },
    ],
    measures: [
      m("突出抓好道路和规范厂房建设，打通“断头路”", "give priority to roads and standard factories; connect dead-end roads"),
      m("水、电、路、气等基础设施同步建设，先地下、后地上", "build water, power, roads and gas together, underground first"),
      m("建立独立的污水处理厂，实现区内企业集中治污", "build the zone's own sewage plant for central treatment"),
    ],
  },
  {
    id: "chain",
    name: m("产业链短、关联弱", "Short chains and weak linkage"),
    sources: ["000", "003", "004"],
    triggers: [
      { kind: "below_group_median", indicator: "local_supply_ratio", factor: 0.7 },
      { kind: "below_group_median", indicator: "leading_industry_share", factor: 0.7 },
    ],
    measures: [
      m(
        "围绕主导产业招大引强，以产业链招商，补链、延链、强链",
        "attract large firms around the leading industry; recruit along the chain to fill, extend and strengthen it",
      ),
      m("鼓励龙头企业对上下游配套企业进行重组和改造", "encourage leading firms to restructure and upgrade their suppliers"),
      m("按产业关联分区布局，引导项目向专业园区集中", "lay out the zone by industry linkage and steer projects into specialised parks"),
    ],
  },
  {
    id: "innovation",
    name: m("创新能力弱、高新技术企业少", "Weak innovation, few high-tech firms"),
    sources: ["000", "004"],
    triggers: [
      { kind: "below_group_median", indicator: "high_tech_firms", factor: 0.5 },
      { kind: "below_group_median", indicator: "patents_granted", factor: 0.5 },
      { kind: "below", indicator: "rd_institutions", threshold: 1 },
    ],
    measures: [
      m("鼓励企业申报高新技术企业，消除“零专利”", "encourage firms to qualify as high-tech enterprises; end “zero patents”"),
      m(
        "创建国家级、省级工程技术研究中心和重点实验室，引进 500 强研发中心",
        "found national and provincial engineering centres and key labs; attract top-500 R&D centres",
      ),
      m("建设共性技术平台和科技企业孵化园，促进成果转化", "build shared technology platforms and incubators to commercialise research"),
    ],
  },
  {
    id: "talent",
    name: m("人才与劳动力短缺", "Scarce talent and labour"),
    sources: ["002 篇8", "004"],
    triggers: [
      { kind: "below_group_median", indicator: "employment", factor: 0.5 },
      { kind: "fact", fact: "labour_shortage", description: m("企业用工需求得不到满足", "firms cannot fill jobs") },
    ],
    measures: [
      m("鼓励职业院校、技工院校在集聚区设立分校或教学点，开展订单式培养", "bring vocational schools into the zone for order-based training"),
      m("加强劳动力培训和储备，建立与企业用工需求结合的培训制度", "train and reserve labour to match firms' needs"),
      m("以工资福利、安家补助、住房等待遇引进高层次人才", "attract high-level talent with pay, settling-in grants and housing"),
    ],
  },
  {
    id: "services",
    name: m("服务体系薄弱", "Thin service system"),
    sources: ["000", "003", "004", "002 篇10"],
    triggers: [
      { kind: "below_group_median", indicator: "specialised_firms", factor: 0.5 },
      { kind: "fact", fact: "no_service_platform", description: m("缺少公共服务平台", "no public service platform") },
    ],
    measures: [
      m(
        "完善综合服务中心，引进检验检测、研发设计、人力资源、工程咨询等中介服务平台",
        "complete the service centre; bring in testing, design, HR and consulting services",
      ),
      m("发展为主导产业配套的物流、商贸等生产性服务业", "develop logistics and trade services for the leading industry"),
      m("建设投融资、人才培训、信息咨询、技术创新等公共服务平台", "build platforms for finance, training, information and innovation"),
    ],
  },
  {
    id: "environment",
    name: m("环境压力", "Environmental pressure"),
    sources: ["000", "004", "002 篇8"],
    triggers: [
      { kind: "above_group_median", indicator: "energy_per_value_added", factor: 1.3 },
      { kind: "below", indicator: "sewage_treatment_rate", threshold: 90 },
      { kind: "above", indicator: "serious_pollution", threshold: 0 },
    ],
    measures: [
      m("“三废”处理设施与环保基础设施同步规划、同步建设、同步运行", "plan, build and run waste-treatment facilities together with the zone"),
      m("建设污水处理厂和集中供热，实现集中治污", "build sewage plants and district heating for central pollution control"),
      m("发展循环经济，坚守区域环保底线和生态红线", "develop the circular economy; hold the environmental floor and ecological red lines"),
    ],
  },
  {
    id: "projects",
    name: m("项目进展慢、布局无序", "Slow projects and disordered layout"),
    sources: ["002 篇8", "004"],
    triggers: [
      { kind: "below_group_median", indicator: "new_projects", factor: 0.5 },
      { kind: "below_group_median", indicator: "major_projects", factor: 0.5 },
      { kind: "plan_not_approved", plan: "regulatory_detailed_plan" },
    ],
    measures: [
      m("加紧编制控制性详细规划，没有详规的停批项目、不供土地", "finish regulatory detailed plans; no plan, no project approval and no land"),
      m("集聚区外新上工业项目不予备案、不予供地、不予环评审批", "refuse filing, land and environmental approval to industrial projects outside the zone"),
      m("对招商项目“回头看”，实行“保姆式”“一站式”服务推动落地", "review recruited projects and shepherd them to start with one-stop service"),
    ],
  },
]
