/**
 * Every built-in rule, threshold and default with its source: the one register the judgements cite and
 * docs/assessment.md's provenance table lists. A rule the documents state carries the file, the section and the
 * verbatim quote; a rule they lack says so (outside practice, a Jiju default, or the commission's input).
 */
import type { Bilingual } from "../model/errors.js"
import { type AppliedRule, fromDocument, jijuDefault, practice, type RuleSource } from "../model/RuleSource.js"

const m = (zh: string, en: string): Bilingual => ({ zh, en })

const entries = {
  // —— 002 篇8: the province's management of industrial cluster zones ——
  "p8.management_model": [
    m("综合考核、竞赛升级、政策挂钩、动态调整", "comprehensive evaluation, competition for promotion, policies tied to results, dynamic adjustment"),
    fromDocument("002", "篇8 二、二是", "综合考核、竞赛升级、政策挂钩、动态调整"),
  ],
  "p8.ranking_groups": [
    m("省辖市区与县域产业集聚区分两组排序", "zones in city districts and in counties are ranked in two groups"),
    fromDocument("002", "篇8 二、二是", "省辖市区内产业集聚区综合排序前10位、县域产业集聚区综合排序前30位的要进行奖励"),
  ],
  "p8.reward_bands": [
    m("省辖市区组前 10 位、县域组前 30 位奖励", "the top 10 urban-district and the top 30 county zones are rewarded"),
    fromDocument("002", "篇8 二、二是", "省辖市区内产业集聚区综合排序前10位、县域产业集聚区综合排序前30位的要进行奖励"),
  ],
  "p8.scoring_not_given": [
    m("综合排序的计分方法与权重", "how the comprehensive ranking is scored and weighted"),
    jijuDefault(
      m(
        "篇8 只规定综合排序与奖励名次，未给出指标权重与计分方法：方案由委员会配置，Jiju 默认方案的权重待确认",
        "篇8 states the ranking and the reward bands, not the weights or the scoring: the scheme is the commission's configuration; Jiju's default scheme's weights are to be confirmed",
      ),
    ),
  ],
  "p8.land_quota": [
    m(
      "投入产出强度排后 20 位扣减下一年用地指标，奖励给前 20 位",
      "the 20 last on input–output intensity lose part of next year's land quota, given to the 20 first",
    ),
    fromDocument("002", "篇8 二、二是", "对投入产出强度排后20位的将适度扣减下一年年度用地指标,并奖励给排名前20位的产业集聚区"),
  ],
  "p8.land_quota.indicator": [
    m("投入产出强度 = 产出强度（营业收入 ÷ 建成区面积，万元/亩）", "input–output intensity = output intensity (revenue per mu of built-up land, 10k CNY/mu)"),
    jijuDefault(
      m(
        "文件未定义“投入产出强度”：Jiju 按亩均产出（主营业务收入×10⁴ ÷ 建成区亩数，1 平方公里 = 1500 亩）计算；集聚区报送了投入产出强度（output_intensity）的以报送值为准，委员会可据此改用自定口径",
        "the documents do not define 投入产出强度: Jiju reads it as output per mu of built-up land (revenue × 10⁴ / built-up mu, 1 km² = 1 500 mu); a reported output_intensity comes first, so the commission may use its own measure",
      ),
    ),
  ],
  "p8.land_quota.amount": [
    m("扣减与奖励的用地指标数量", "how much land quota is cut and given"),
    jijuDefault(
      m(
        "文件只说“适度扣减”，未给数量：数量由委员会设定，未设定时只列名单",
        "the documents say only 适度扣减 (a moderate cut): the amount is the commission's input; without it only the lists are given",
      ),
    ),
  ],
  "p8.land_quota.scope": [
    m("全省产业集聚区两组合并排位", "industrial zones of both groups placed together, province-wide"),
    jijuDefault(
      m(
        "文件未说按组分别排位：Jiju 与篇8 单项位次一样全省合并排位，只排产业集聚区（服务业集聚区不在内）",
        "the documents do not split the order by group: as with 篇8's single-indicator positions Jiju places every industrial zone together (service zones are not placed)",
      ),
    ),
  ],
  "p8.land_quota.ties": [
    m("第 20 位并列者全部列入名单", "zones tied at the 20th place are all listed"),
    jijuDefault(
      m(
        "文件未规定并列：名单取 20 个名次（并列同位，1224 排名），第 20 位并列时名单多于 20 个集聚区；并列跨越两份名单分界者不列入任何一份；参与排位者少于 40 个时两份名单各取一半",
        "the documents say nothing of ties: a list holds 20 places (ties share a place, 1224 ranking), so a tie at the 20th place lists more than 20 zones; zones tied across the middle are on neither list; with fewer than 40 zones placed each list holds half of them",
      ),
    ),
  ],
  "p8.land_quota.distribution": [
    m("扣减的用地指标由前 20 位平均分得", "the quota cut is shared equally by the first 20"),
    jijuDefault(
      m(
        "文件说“奖励给排名前20位”，未说如何分配：Jiju 默认平均分配，可按委员会决定另行处理",
        "the documents say the cut goes to the first 20 (奖励给排名前20位) without saying how it is shared: Jiju shares it equally",
      ),
    ),
  ],
  "p8.promotion.doubling": [
    m("到 2012 年营业收入、从业人员、税收翻番", "revenue, employment and tax double by 2012"),
    fromDocument("002", "篇8 二、二是", "要求到2012年主要指标(企业营业收、从业人员、税收)要实现翻番"),
  ],
  "p8.promotion.threshold": [
    m("基础单薄的集聚区还须达到基本门槛，否则面临降级摘牌", "weak-base zones must also reach a basic threshold, or face demotion"),
    fromDocument("002", "篇8 二、二是", "除了翻番以外,还要达到一个基本门槛,否则就会面临降级摘牌", {
      zh: "门槛数值与“基础单薄”的认定由委员会给出",
      en: "the threshold's numbers and which zones have a weak base are the commission's input",
    }),
  ],
  "p8.promotion.base_year": [
    m("翻番的基期", "the base year of the doubling"),
    jijuDefault(
      m(
        "文件称“现在”而未给基期：Jiju 默认 2009 年（讲话时最近的完整年度，亦为财政激励的基期），可改",
        "the documents say 现在 (now) without a base year: Jiju takes 2009 (the last full year when the speech was given, also the incentive's base), configurable",
      ),
    ),
  ],
  "p8.promotion.verdict": [
    m("晋级 / 保持 / 降级摘牌警示", "promotion / unchanged / demotion warning"),
    jijuDefault(
      m(
        "文件只写出翻番要求与“降级摘牌”后果：达到要求记为“晋级”，基础较好而未翻番记为“保持”，均为 Jiju 的措辞",
        "the documents state the doubling and the demotion for weak-base zones: meeting the requirement is worded 晋级 and a good-base zone that has not doubled 保持, both Jiju's wording",
      ),
    ),
  ],
  "p8.promotion.reading": [
    m(
      "翻番：目标年数值不低于基期的 2 倍；达到门槛：不低于门槛值",
      "doubled: the target year's value is at least twice the base; a threshold is reached at or above it",
    ),
    jijuDefault(
      m(
        "文件写“实现翻番”“达到一个基本门槛”：Jiju 读作目标年 ≥ 2 × 基期、目标年 ≥ 门槛，恰好翻番或恰好达到门槛即算达到",
        "the documents say 实现翻番 and 达到一个基本门槛: Jiju reads target ≥ 2 × base and target ≥ threshold, so exactly doubled or exactly at the threshold counts",
      ),
    ),
  ],
  "p8.promotion.indicators": [
    m("营业收入、从业人员、税收取 revenue、employment、tax_total", "营业收入, 从业人员 and 税收 read as revenue, employment and tax_total"),
    jijuDefault(
      m(
        "“企业营业收”按产业集聚区报送的主营业务收入（revenue）计，税收按税收合计（tax_total）计",
        "企业营业收 is read as the main business revenue industrial zones report (revenue), 税收 as the tax total (tax_total)",
      ),
    ),
  ],
  "p8.promotion.incomplete": [
    m("缺基期或目标年数据、基础单薄与否未认定时记为“不完整”", "a missing base or target value, or an unknown base status, gives “incomplete”"),
    jijuDefault(
      m(
        "缺失值不按零计，不据此作出晋级或降级判断；基期为 0 无法翻番，亦记为不完整",
        "a missing value never counts as zero and decides nothing; a base of zero cannot double and is incomplete too",
      ),
    ),
  ],
  "p8.supervision.on_site": [
    m("发展速度慢的 10 多家集聚区现场督导，每月上报", "the 10-odd slowest zones get on-site supervision, reported monthly"),
    fromDocument("002", "篇8 二、三是", "对发展速度慢的10多家产业集聚区要进行现场督导,督导情况每月上报郭庚茂省长"),
  ],
  "p8.supervision.yellow_card": [
    m("工作不主动、措施不得力的 10 家给予黄牌警告", "the 10 least active zones get a yellow card"),
    fromDocument("002", "篇8 二、三是", "对工作不主动、措施不得力的10家产业集聚区给予黄牌警告"),
  ],
  "p8.supervision.model": [
    m("23 家体现“四集一转”的县域集聚区作为典型推广", "23 county zones embodying 四集一转 are promoted as models"),
    fromDocument("002", "篇8 二、三是", "选择23家能充分体现“四集一转”要求的县域产业集聚区,作为全省典型推广"),
  ],
  "p8.supervision.exchange": [
    m("10 个经济基础差、发展速度快的县域集聚区作为典型交流", "10 county zones with a weak base and fast growth are shown as examples"),
    fromDocument("002", "篇8 二、三是", "选择10个经济基础差、发展速度快的县域集聚区作为典型交流"),
  ],
  "p8.supervision.speed": [
    m("“发展速度”按营业收入同比增长率衡量，候选名单取 10 家", "“speed” is measured by year-on-year revenue growth; the candidate lists hold 10 zones"),
    jijuDefault(
      m(
        "文件未给出“发展速度”的指标，“10多家”未给确数：Jiju 默认营业收入增长率、10 家；决定由委员会作出并记录理由",
        "the documents give no indicator of 发展速度 and no exact number for 10多家: Jiju takes revenue growth and 10; the decisions are the commission's, recorded with reasons",
      ),
    ),
  ],
  "p8.positions": [
    m("全省单项指标位次及与上年底相比的变化", "province-wide positions on single indicators and the change against the previous year-end"),
    fromDocument("002", "篇8 二", "金山、鹤淇、黎阳、宝山总投资位次分别为13名、36名、44名和95名,名次分别比去年年底下滑5名、9名、4名和82名", {
      zh: "两组合并排位（宝山第 95 名说明全省所有集聚区一起排）",
      en: "both groups are ranked together (宝山 at 95th shows a province-wide order)",
    }),
  ],
  "p8.no_new_projects": [
    m("上半年没有新开工工业项目的集聚区名单", "the zones without a 新开工工业项目 in the half year"),
    fromDocument("002", "篇8 二", "宝山集聚区被列为全省9个上半年没有新开工工业项目的集聚区之一"),
  ],
  "p8.detailed_plan_deadline": [
    m("10 月底前完成详规，此后没有详规的停批项目、不供土地", "detailed plans by the end of October; afterwards no plan means no project approval and no land"),
    fromDocument("002", "篇8 三(一)", "10月以后,没有详规的市里将停批项目、不供土地", {
      zh: "期限“原则上今年10月底前”；这是制裁标记，不是排除出排名",
      en: "deadline 原则上今年10月底前 (end of October); a sanction flag, not removal from the ranking",
    }),
  ],
  "p8.incentive": [
    m("核定基数、超收全返、一定三年", "a fixed base, everything above it returned, for three years"),
    fromDocument("002", "篇8 二、一是", "核定基数、超收全返、一定三年"),
  ],
  "p8.incentive.base": [
    m("以 2009 年增值税、营业税、企业所得税为考核基数", "the base is 2009's VAT, business tax and corporate income tax"),
    fromDocument("002", "篇8 二、一是", "以2009年为基期,核定产业集聚区增值税、营业税、企业所得税收入考核基数"),
  ],
  "p8.incentive.years": [
    m("2010—2012 年超基数上缴省财政部分全额奖励县（市）区", "2010–2012: the provincial part above the base returned in full to the county"),
    fromDocument("002", "篇8 二、一是", "20102012年,各集聚区当年增值税、营业税、企业所得税逾越考核基数按比例上缴省财政部分全额奖励县(市)区", {
      zh: "原文“20102012年”缺连接号，读作 2010—2012 年（“一定三年”）",
      en: "the seed writes 20102012年 without the dash; read as 2010–2012 (一定三年, three years)",
    }),
  ],
  "p8.incentive.share": [
    m("按比例上缴省财政的比例", "the province's share of the three taxes"),
    fromDocument("002", "篇8 二、一是", "按比例上缴省财政部分", {
      zh: "文件未给比例：由委员会输入，没有默认值",
      en: "the documents give no proportion: the commission states it; there is no default",
    }),
  ],
  "p8.incentive.yoy": [
    m("2013—2015 年返还同比增量（可选）", "2013–2015: return of the year-on-year increase (an option)"),
    practice(m("河南后续政策的做法，不在文件中；仅作可选规则", "Henan's later practice, not in the documents; offered only as an option")),
  ],
  "p8.direct_power_price": [
    m("已批复县域集聚区内大工业项目执行省网直供电价", "large industrial projects in approved county zones get the direct-supply power price"),
    fromDocument("002", "篇8 二、一是", "对已批复的县域集聚区内符合国家产业政策的大工业项目生产用电,执行省网直供电价"),
  ],
  "p8.site_readiness": [
    m("入驻条件：三通一平", "the basic condition for firms to move in: 三通一平"),
    fromDocument("002", "篇8 二", "一半以上区域还达不到三通一平”最基本的入驻条件"),
  ],
  "p8.projects_outside": [
    m("集聚区外新上工业项目不予备案、供地、环评", "industrial projects outside a zone get no filing, land or environmental approval"),
    fromDocument("002", "篇8 二", "一律不予审核备案、不予提供土地、不予环评审批"),
  ],
  "p8.targets.investment": [
    m("全市集聚区完成投资 130 亿元", "the city's zones invest 13bn CNY"),
    fromDocument("002", "篇8 三", "全市产业集聚区完成投资130亿元"),
  ],
  "p8.targets.revenue": [m("营业收入超过 400 亿元", "revenue above 40bn CNY"), fromDocument("002", "篇8 三", "实现营业收入超越400亿元")],
  "p8.targets.ranks": [
    m("金山进入市区组前 10 强，鹤淇、黎阳进入县域组前 30 强", "金山 into the urban top 10, 鹤淇 and 黎阳 into the county top 30"),
    fromDocument("002", "篇8 三", "争取金山产业集聚区进入全省市区产业集聚区前10强,鹤淇、黎阳产业集聚区进入全省县域产业集聚区前30强"),
  ],
  "p8.targets.roads": [
    m("各集聚区至少建成 13 条主干道或完成园区环道", "every zone builds at least 13 trunk roads or a ring road"),
    fromDocument("002", "篇8 三(二)", "至少要建成13条主干道或完成园区环道建设"),
  ],
  "p8.targets.factories": [
    m("鹤淇、黎阳规范厂房各不低于 10 万 m²，金山不低于 30 万 m²", "standard factories of at least 100,000 m² in 鹤淇 and 黎阳, 300,000 m² in 金山"),
    fromDocument("002", "篇8 三(二)", "鹤淇、黎阳两个产业集聚区每个要建成不低于10万平方米的规范厂房,金山要建成不低于30万平方米的规范厂房"),
  ],
  "p8.targets.sewage": [
    m("各集聚区建立独立的污水处置厂", "every zone has its own sewage plant"),
    fromDocument("002", "篇8 三(二)", "各个集聚区要建立独立的污水处置厂"),
  ],
  "p8.targets.year": [
    m("篇8 目标年份", "the year of 篇8's targets"),
    jijuDefault(
      m(
        "讲话称“今年”并引用《2010年工作方案》与 2012 年翻番期限：Jiju 取 2010 年，可改",
        "the speech says 今年 (this year) and cites the 2010 work plan and the 2012 doubling: Jiju takes 2010, configurable",
      ),
    ),
  ],
  // —— the default schemes (indicators the documents name) ——
  "scheme.default.indicator.revenue": [m("营业收入", "revenue"), fromDocument("002", "篇8 三", "实现营业收入超越400亿元")],
  "scheme.default.indicator.employment": [
    m("从业人员", "employment"),
    fromDocument("002", "篇8 二、二是", "要求到2012年主要指标(企业营业收、从业人员、税收)要实现翻番"),
  ],
  "scheme.default.indicator.tax": [m("税收", "tax"), fromDocument("002", "篇8 二、二是", "要求到2012年主要指标(企业营业收、从业人员、税收)要实现翻番")],
  "scheme.default.indicator.investment": [
    m("总投资", "total investment"),
    fromDocument("002", "篇8 二", "金山、鹤淇、黎阳、宝山总投资位次分别为13名、36名、44名和95名", {
      zh: "以固定资产投资计",
      en: "measured as fixed-asset investment",
    }),
  ],
  "scheme.default.indicator.infrastructure_investment": [
    m("基础设施投资", "infrastructure investment"),
    fromDocument("002", "篇8 一", "今年上半年,市4个省级产业集聚区完成基础设施投资全部进入省前40名"),
  ],
  "scheme.default.indicator.new_projects": [m("新开工工业项目", "industrial projects started"), fromDocument("002", "篇8 二", "新开工了13个工业项目")],
  "scheme.default.indicator.output_intensity": [
    m("投入产出强度", "input–output intensity"),
    fromDocument("002", "篇8 二、二是", "对投入产出强度排后20位的将适度扣减下一年年度用地指标", {
      zh: "以产出强度（亩均营业收入）计，见 p8.land_quota.indicator",
      en: "measured as output intensity (revenue per mu), see p8.land_quota.indicator",
    }),
  ],
  "scheme.default.weights": [
    m("各指标等权重", "equal weights"),
    jijuDefault(
      m(
        "文件未给权重：Jiju 默认等权重，发布前须由委员会确认或替换",
        "the documents give no weights: Jiju uses equal weights until the commission confirms or replaces them",
      ),
    ),
  ],
  "scheme.default.normalisation": [
    m("组内极差标准化（功效函数）", "min-max normalisation within each group (efficacy function)"),
    jijuDefault(
      m(
        "篇3 用功效函数并“经过归一化处理”，未给公式；Jiju 默认极差标准化，负向指标反向",
        "篇3 uses an efficacy function after 归一化处理 without giving the formula; Jiju defaults to min-max, negative indicators reversed",
      ),
    ),
  ],
  "scheme.default.service": [
    m("服务业集聚区默认方案：营业收入、企业数、从业人员、建筑面积", "service agglomerations' default scheme: revenue, firms, employment, floor area"),
    fromDocument("002", "篇9 二、2", "建筑面积1万平方米以上,入区企业30家以上,吸纳一定数量的从业人员", {
      zh: "营业收入见篇10“年营业收入”；权重为 Jiju 默认",
      en: "revenue from 篇10 (年营业收入); the weights are Jiju defaults",
    }),
  ],
  "scheme.default.service.revenue": [
    m("服务业集聚区：年营业收入", "service agglomerations: annual operating revenue"),
    fromDocument("002", "篇10 二(一)4⑴", "年营业收入超过5.6亿元", {
      zh: "篇10 各形态的规模要求均含年营业收入",
      en: "every form of 篇10 sets its scale by annual operating revenue",
    }),
  ],
  "scheme.default.service.firms": [
    m("服务业集聚区：入区企业数", "service agglomerations: firms in the zone"),
    fromDocument("002", "篇9 二、2", "入区企业30家以上"),
  ],
  "scheme.default.service.employment": [
    m("服务业集聚区：从业人员", "service agglomerations: employment"),
    fromDocument("002", "篇9 二、2", "吸纳一定数量的从业人员"),
  ],
  "scheme.default.service.floor_area": [
    m("服务业集聚区：建筑面积", "service agglomerations: floor area"),
    fromDocument("002", "篇9 二、2", "建筑面积1万平方米以上"),
  ],
  "scheme.default.kinds": [
    m("每类集聚区默认使用本类的默认方案", "each kind of zone is assessed with its own default scheme"),
    jijuDefault(
      m(
        "文件没有规定各类集聚区用哪个方案：Jiju 默认产业集聚区用篇8 指标方案、服务业集聚区用篇9/篇10 指标方案；委员会可用 JIJU_KIND_SCHEMES 改配",
        "the documents do not say which scheme each kind uses: Jiju assesses industrial zones on 篇8's indicators and service zones on those of 篇9/篇10; the commission may choose otherwise (JIJU_KIND_SCHEMES)",
      ),
    ),
  ],
  "scheme.default.confirmation": [
    m("以 Jiju 默认权重发布须经委员会明确确认", "publishing on Jiju's default weights needs the commission's explicit confirmation"),
    jijuDefault(
      m(
        "篇8 未给权重，默认值不能悄然决定公布的排名：发布时须确认（--confirm-defaults / confirm_defaults），记录确认人和时间",
        "篇8 gives no weights, so a default must not silently decide a published ranking: publishing asks for confirmation (--confirm-defaults / confirm_defaults), recorded with who and when",
      ),
    ),
  ],
  "scheme.default.service.rewards": [
    m("服务业集聚区不设奖励名次", "no reward band for service agglomerations"),
    jijuDefault(
      m(
        "篇8 的前 10 / 前 30 奖励针对产业集聚区；服务业集聚区文件未规定",
        "篇8's top 10 / top 30 reward concerns industrial zones; the documents set none for service agglomerations",
      ),
    ),
  ],
  "scheme.default.financial": [
    m(
      "金融集聚区默认方案：金融业增加值、区位熵、从业人员、存贷款余额",
      "financial agglomerations' default scheme: finance value added, LQ, employment, deposits, loans",
    ),
    fromDocument(
      "002",
      "篇3 2.2",
      "金融集聚区子系统U1(包括金融产业总值—x1、金融集聚区位熵—x2、金融产业年增长率—x3、金融从业人员总数—x4、金融机构各项存款余额—x5、金融机构各项贷款余额—x6)",
      {
        zh: "篇3 为研究用的指标体系，不是考核办法；增长率未列入；权重为 Jiju 默认",
        en: "篇3's indicator system is a study's, not a commission's evaluation; the growth rate is left out; the weights are Jiju defaults",
      },
    ),
  ],
  "scheme.default.shipping": [
    m("航运物流集聚区默认方案：营业收入、从业人员、税收", "shipping and logistics agglomerations' default scheme: revenue, employment, tax"),
    jijuDefault(
      m(
        "篇1（南沙）未给考核指标：Jiju 借用篇8 的主要指标（营业收入、从业人员、税收），待确认",
        "篇1 (Nansha) gives no evaluation indicators: Jiju borrows 篇8's main indicators (revenue, employment, tax), to be confirmed",
      ),
    ),
  ],
  "assessment.missing_data": [
    m(
      "缺少任一方案指标的集聚区不参加排名，缺失值不按零计",
      "a zone missing a scheme indicator is left out of the ranking; a missing value never counts as zero",
    ),
    jijuDefault(m("文件未规定缺数据的处理", "the documents do not say how missing data are treated")),
  ],
  "assessment.ties": [
    m("并列得分名次相同，下一名次空出（1224 排名）", "equal scores share a rank and the next rank is skipped (1224)"),
    jijuDefault(m("文件未规定并列处理", "the documents do not say how ties are ranked")),
  ],
  // —— outside practice, kept as labelled examples ——
  "practice.henan_2017": [
    m("河南 2017 框架：4 个维度、10 项指标及分值", "Henan's 2017 frame: 4 dimensions, 10 indicators and their points"),
    practice(m("文件中没有这一框架；维度、指标与分值均为示例", "the frame is not in the documents; dimensions, indicators and points are an example")),
  ],
  "practice.veto": [
    m("一票否决（无总体规划、重大污染、土地违法）", "one-vote vetoes (no master plan, serious pollution, land violations)"),
    practice(
      m(
        "文件没有一票否决；篇8 对没有详规的集聚区的制裁是“停批项目、不供土地”，不是排除出排名",
        "the documents state no veto; 篇8's sanction for a zone without a detailed plan is 停批项目、不供土地, not exclusion",
      ),
    ),
  ],
  "practice.star_ladder": [
    m("服务业“两区”晋星升级标准", "the star ladder of the service “two zones”"),
    practice(
      m(
        "文件中没有晋星标准；入门、一星、六星门槛为外部实践示例",
        "the documents contain no star ladder; entry, one-star and six-star thresholds are an outside example",
      ),
    ),
  ],
  "practice.star_ladder.interpolated": [
    m("二至五星门槛（等比插值）", "two- to five-star thresholds (geometric interpolation)"),
    jijuDefault(m("一星与六星之间按等比插值，三位有效数字", "geometric interpolation between one and six stars, three significant figures")),
  ],
  "practice.jiangsu_base_relative": [
    m("江苏基数法：达到基数得 80%，每超 5% 加 1 分，上限 50%", "Jiangsu's base rule: 80 % at the base, +1 per 5 % above, capped at 50 %"),
    practice(m("江苏的做法，不在文件中", "Jiangsu's practice, not in the documents")),
  ],
  "practice.base_relative_below": [
    m("低于基数时按比例得分 0.8·P·r", "below the base: 0.8·P·r"),
    jijuDefault(
      m("江苏规则只规定基数及以上；以下按比例为 Jiju 的假设", "the Jiangsu rule states only the base and above; proportional below is Jiju's assumption"),
    ),
  ],
  "practice.entropy": [m("熵值法定权", "entropy weights"), practice(m("常用方法，文件未采用", "a common method the documents do not use"))],
  "practice.ahp": [m("层次分析法定权", "AHP weights"), practice(m("常用方法，文件未采用", "a common method the documents do not use"))],
  "practice.coordination_levels": [
    m("耦合协调度十级名称", "the ten coordination-level names"),
    practice(m("常见分级；篇3 的等级表不在文本中", "a common classification; 篇3's own level table is not in the text")),
  ],
  "commission.scheme_file": [
    m("委员会的方案文件", "the commission's scheme file"),
    {
      kind: "commission",
      document: null,
      section: null,
      quote: null,
      note: m("未注明来源的项目为委员会的配置", "items without a stated source are the commission's configuration"),
    },
  ],
  // —— 002 篇10: county certification ——
  "p10.reading": [
    m("满足全部认定条件方可认定", "every condition must hold"),
    fromDocument("002", "篇10 二(一)", "凡满足下列条件的服务业发展载体,可以申请为县级现代服务业集聚区"),
  ],
  "p10.positioning_plan": [
    m("有明确的产业定位和空间布局规划", "a clear industry positioning and spatial layout plan"),
    fromDocument("002", "篇10 二(一)1", "有明确的产业定位和空间布局规划"),
  ],
  "p10.management_body": [
    m("有专门的管理机构和专职的工作人员", "a dedicated management body with full-time staff"),
    fromDocument("002", "篇10 二(一)2", "有专门的管理机构和专职的工作人员"),
  ],
  "p10.public_service": [m("有较为完善的公共服务能力", "adequate public-service capacity"), fromDocument("002", "篇10 二(一)3", "有较为完善的公共服务能力")],
  "p10.form": [
    m("符合所列形态特征并达到规模要求", "one of the listed forms, at the scale required"),
    fromDocument(
      "002",
      "篇10 二(一)4",
      "符合商务(贸)区、产品交易市场、现代物流园、科技创业园、旅游文化休闲区、信息软件园、创意产业园、科教集聚区等形态特征,并达到一定的规模要求",
    ),
  ],
  "p10.comparison": [
    m("“以上”按 ≥、“超过/超”按 > 判定", "以上 is read as ≥, 超过 / 超 as >"),
    jijuDefault(m("文件未说明边界的读法；按中文计量用语的通常含义", "the documents do not spell out the boundaries; the usual meaning of the words")),
  ],
  "p10.cbd.floor_area": [
    m("中央商务区：建筑面积 1.4 万 m² 以上", "CBD: floor area ≥ 1.4万 m²"),
    fromDocument("002", "篇10 二(一)4⑴", "建筑面积1.4万平方米以上"),
  ],
  "p10.cbd.firms": [m("中央商务区：注册企业 10 家以上", "CBD: ≥ 10 registered firms"), fromDocument("002", "篇10 二(一)4⑴", "区内注册企业10家以上")],
  "p10.cbd.revenue": [m("中央商务区：年营业收入超过 5.6 亿元", "CBD: revenue > 5.6亿"), fromDocument("002", "篇10 二(一)4⑴", "年营业收入超过5.6亿元")],
  "p10.logistics.firms": [
    m("现代物流园：物流企业 7 家以上", "logistics park: ≥ 7 logistics firms"),
    fromDocument("002", "篇10 二(一)4⑵", "园内物流企业达到7家以上"),
  ],
  "p10.logistics.area": [
    m("现代物流园：营业面积 7 万 m²", "logistics park: operating area 7万 m²"),
    fromDocument("002", "篇10 二(一)4⑵", "营业面积7万平方米", { zh: "原文无“以上”，按 ≥ 判定", en: "no qualifier in the text; read as ≥" }),
  ],
  "p10.logistics.revenue": [
    m("现代物流园：年营业收入超过 1.4 亿元", "logistics park: revenue > 1.4亿"),
    fromDocument("002", "篇10 二(一)4⑵", "年营业收入超过1.4亿元"),
  ],
  "p10.market.qualifier": [
    m("产品交易市场：经营方式先进的专业类市场", "trading market: a specialised market with advanced operating methods"),
    fromDocument("002", "篇10 二(一)4⑶", "经营方式先进的专业类市场营业面积14万平方米以上", {
      zh: "限定语作为事实记录（advanced_specialised_market）",
      en: "the qualifier is kept as a fact (advanced_specialised_market)",
    }),
  ],
  "p10.market.area": [
    m("产品交易市场：营业面积 14 万 m² 以上", "trading market: operating area ≥ 14万 m²"),
    fromDocument("002", "篇10 二(一)4⑶", "经营方式先进的专业类市场营业面积14万平方米以上"),
  ],
  "p10.market.revenue": [
    m("产品交易市场：年营业收入超过 10 亿元", "trading market: revenue > 10亿"),
    fromDocument("002", "篇10 二(一)4⑶", "年营业收入超过10亿元"),
  ],
  "p10.startup.floor_area": [
    m("科技创业园：建筑面积 1.4 万 m² 以上", "tech start-up park: floor area ≥ 1.4万 m²"),
    fromDocument("002", "篇10 二(一)4⑷", "建筑面积1.4万平方米以上"),
  ],
  "p10.startup.firms": [m("科技创业园：区内企业 14 家以上", "tech start-up park: ≥ 14 firms"), fromDocument("002", "篇10 二(一)4⑷", "区内企业14家以上")],
  "p10.startup.revenue": [
    m("科技创业园：年营业收入 7 千万元以上", "tech start-up park: revenue ≥ 7千万"),
    fromDocument("002", "篇10 二(一)4⑷", "年营业收入7千万元以上"),
  ],
  "p10.tourism.firms": [
    m("旅游文化休闲集聚区：配套服务企业（项目）14 家以上", "tourism and culture: ≥ 14 service firms or projects"),
    fromDocument("002", "篇10 二(一)4⑸", "区内配套服务企业(项目)达14家以上", {
      zh: "“旅游文化休闲集聚区”一行同时用于文化服务业集聚区",
      en: "the 旅游文化休闲集聚区 row also serves cultural-services zones",
    }),
  ],
  "p10.tourism.revenue": [
    m("旅游文化休闲集聚区：年营业收入超 1.4 亿元", "tourism and culture: revenue > 1.4亿"),
    fromDocument("002", "篇10 二(一)4⑸", "年营业收入超1.4亿元"),
  ],
  "p10.software.floor_area": [
    m("软件园：建筑面积 1.4 万 m² 以上", "software park: floor area ≥ 1.4万 m²"),
    fromDocument("002", "篇10 二(一)4⑹", "建筑面积1.4万平方米以上"),
  ],
  "p10.software.firms": [
    m("软件园：软件及相关企业 7 家以上", "software park: ≥ 7 software firms"),
    fromDocument("002", "篇10 二(一)4⑹", "园内软件及相关企业7家以上"),
  ],
  "p10.software.revenue": [
    m("软件园：年营业收入超过 1.4 亿元", "software park: revenue > 1.4亿"),
    fromDocument("002", "篇10 二(一)4⑹", "年营业收入超过1.4亿元"),
  ],
  "p10.creative.floor_area": [
    m("创意产业园：建筑面积 1.4 万 m² 以上", "creative park: floor area ≥ 1.4万 m²"),
    fromDocument("002", "篇10 二(一)4⑺", "建筑面积1.4万平方米以上"),
  ],
  "p10.creative.firms": [m("创意产业园：进驻企业 7 家以上", "creative park: ≥ 7 firms"), fromDocument("002", "篇10 二(一)4⑺", "进驻企业7家以上")],
  "p10.creative.revenue": [
    m("创意产业园：年总营业收入 3500 万元", "creative park: revenue 3500万"),
    fromDocument("002", "篇10 二(一)4⑺", "年总营业收入3500万元", { zh: "原文无“以上”，按 ≥ 判定", en: "no qualifier in the text; read as ≥" }),
  ],
  "p10.education.schools": [m("科教集聚区：学校 4 所以上", "science and education: ≥ 4 schools"), fromDocument("002", "篇10 二(一)4⑻", "区内学校4所以上")],
  "p10.education.students": [
    m("科教集聚区：在校学生 2 万人以上", "science and education: ≥ 2万 students"),
    fromDocument("002", "篇10 二(一)4⑻", "在校学生2万人以上"),
  ],
  "p10.education.projects": [
    m("科教集聚区：配套服务项目 7 个以上", "science and education: ≥ 7 service projects"),
    fromDocument("002", "篇10 二(一)4⑻", "配套服务项目7个以上"),
  ],
  "p10.direct": [
    m("已获国家和省市批准的以服务为主体的园区直接认定", "service parks already approved by the state, province or city are certified directly"),
    fromDocument("002", "篇10 二(一)", "已获国家和省市批准的物流、软件、科技等以服务为主体的园区,可以凭相关批件,直接认定为县级现代服务业集聚区"),
  ],
  "p10.goal_2010": [
    m("到 2010 年：2 家以上销售收入超 10 亿元，6 家进入市级，1 家以上成为省级", "by 2010: 2 or more above 1bn CNY, 6 city-level, 1 or more provincial"),
    fromDocument(
      "002",
      "篇10 一",
      "到2010年,培植2家以上年销售收入超10亿元的服务业集聚区,力争6家服务区集聚区进入市级现代服务业集聚区行列,确保1家以上成为省级现代服务业集聚区",
    ),
  ],
  // —— 002 篇9: city certification ——
  "p9.reading": [
    m("第 1—3 条均须满足，第 4 条直接认定", "items 1–3 must all hold; item 4 certifies directly"),
    fromDocument("002", "篇9 二", "符合以下条件的,经认定,可评为*市现代服务业集聚区", {
      zh: "原文未说明四条是“全部”还是“之一”：Jiju 读作第 1—3 条均须满足、第 4 条（已获国家和省批准）直接认定",
      en: "the text does not say all or any: Jiju reads items 1–3 as all required and item 4 (approved by the state or province) as certifying directly",
    }),
  ],
  "p9.in_approved_area": [
    m("在国家批准的经济开发区和城市规划区范围内", "inside a state-approved development zone and the city planning area"),
    fromDocument("002", "篇9 二、1", "在国家批准的经济开发区和城市规划区范围内"),
  ],
  "p9.layout_plans": [
    m("有明晰的产业布局规划和空间布局规划", "clear industry layout and spatial layout plans"),
    fromDocument("002", "篇9 二、1", "有明晰的产业布局规划和空间布局规划"),
  ],
  "p9.clear_boundaries": [m("有相对明确的四至范围", "reasonably clear boundaries"), fromDocument("002", "篇9 二、1", "有相对明确的四至范围")],
  "p9.location": [
    m(
      "在现有开发区内，或由旧城改造、退二进三、存量土地或古旧建筑保护性开发而成",
      "inside an existing development zone, or made by urban renewal, 退二进三, stock land or the protected reuse of old buildings",
    ),
    fromDocument("002", "篇9 二、2", "在现有经济开发区内,或者通过主城区改造、工业企业“退二进三”、高校科研院所存量土地和资产以及古旧建筑群保护性开发"),
  ],
  "p9.scale_and_character": [
    m("产业集聚达到一定规模、特色鲜明、前景良好", "agglomeration of some scale with a distinct character and good prospects"),
    fromDocument("002", "篇9 二、2", "产业集聚达到一定规模和产业特色鲜明,具有良好的产业发展前景"),
  ],
  "p9.floor_area": [m("建筑面积 1 万 m² 以上", "floor area ≥ 1万 m²"), fromDocument("002", "篇9 二、2", "建筑面积1万平方米以上")],
  "p9.firms": [m("入区企业 30 家以上", "≥ 30 firms"), fromDocument("002", "篇9 二、2", "入区企业30家以上")],
  "p9.employment": [
    m("吸纳一定数量的从业人员", "employs a certain number of people"),
    fromDocument("002", "篇9 二、2", "吸纳一定数量的从业人员", { zh: "未给数量：作为事实认定", en: "no number given: judged as a fact" }),
  ],
  "p9.management_body": [
    m("管理机构和运营机制较为合理规范", "a management body and operating mechanism"),
    fromDocument("002", "篇9 二、2", "管理机构和运营机制较为合理规范"),
  ],
  "p9.public_service": [
    m("基础设施和公共服务平台较为完善，有一定公共服务能力", "infrastructure and public-service platforms in place, some public-service capacity"),
    fromDocument("002", "篇9 二、2", "基础设施和公共服务平台较为完善,有一定公共服务能力的区域"),
  ],
  "p9.upgrading": [
    m("提升服务功能和管理水平，有条件集中、集聚、集约发展", "service functions and management upgraded, able to grow in a concentrated, intensive way"),
    fromDocument("002", "篇9 二、3", "按照整合市场、信息化改造、功能完善等要求,提升服务功能和管理水平,有条件集中、集聚、集约发展的区域"),
  ],
  "p9.direct": [
    m("已经国家和省批准的软件、物流等园区", "a software, logistics or other park approved by the state or province"),
    fromDocument("002", "篇9 二、4", "已经国家和省批准的软件、物流等其他园区"),
  ],
  "certification.provincial": [
    m("省级集聚区的认定表", "the certification table for a provincial-level zone"),
    jijuDefault(
      m(
        "文件只有县级（篇10）与市级（篇9）认定办法：省级集聚区不套用任何一表，由委员会选择",
        "the documents give only the county (篇10) and city (篇9) tables: a provincial-level zone gets neither unless the commission chooses one",
      ),
    ),
  ],
  "facts.as_of": [
    m("某期间的事实取该期间末日有效的记录", "a period reads the facts in force on its last day"),
    jijuDefault(m("文件未规定；按期末状态判定", "the documents do not say; the state at the end of the period is used")),
  ],
  // —— 003: stages, reach, targets ——
  "s3.concentration": [
    m("集中：政策与设施吸引企业，产业关联薄弱", "concentration: firms drawn by policy and facilities, weak links"),
    fromDocument("003", "产业集群发展 一(一)", "在集群发展的起始阶段——集中过程中"),
  ],
  "s3.agglomeration": [
    m("集聚：产业具备明显行业特征，指向特定产业", "agglomeration: a clear industry character, a specific industry"),
    fromDocument("003", "产业集群发展 一(二)", "产业具备了明显的行业特征,产业园区的发展指向了特定的产业,从而形成集聚"),
  ],
  "s3.cluster": [
    m(
      "集群：还须具备人文环境、集群特色、产业配套及创新企业家群体",
      "cluster: also local culture, distinctive identity, suppliers and innovative entrepreneurs",
    ),
    fromDocument("003", "产业集群发展 一(三)", "还必须具备人文环境、集群特色、产业配套及创新企业家群体四大要素"),
  ],
  "s3.receiver": [
    m("辐射接受中心：园区已进入集群发展阶段", "radiation receiver: the zone has entered the cluster stage"),
    fromDocument("003", "产业集群发展 二(一)", "在辐射接受中心的产业园区产业集群层次上,园区进入集群发展阶段", {
      zh: "辐射层次只对已达集群阶段的集聚区判定",
      en: "the reach is judged only for zones at the cluster stage",
    }),
  ],
  "s3.inward": [
    m("向内辐射中心：龙头企业带动集群内部，区域品牌逐步形成", "inward-radiating: leading firms lift the cluster, a regional brand forms"),
    fromDocument("003", "产业集群发展 二(二)", "产业集群的竞争优势充分扩大到整个地域范围,区域品牌逐步形成"),
  ],
  "s3.outward": [
    m("向外辐射中心：外部企业为其代工或配套", "outward-radiating: outside firms make for it or supply it"),
    fromDocument("003", "产业集群发展 二(三)", "使大批的外部企业成为其代工生产企业,甚至使外部企业形成专门的集群为其提供配套支持"),
  ],
  "s3.thresholds": [
    m("阶段与辐射层次的量化代理指标及门槛", "the measurable proxies of stage and reach and their thresholds"),
    jijuDefault(m("文件只用文字描述各阶段，未给指标与门槛", "the documents describe the stages in words only, with no indicators or thresholds")),
  ],
  "targets.scope": [
    m("目标只合计产业集群（工业），不含服务业集聚区", "targets add up industrial clusters only, not service zones"),
    fromDocument("003", "衡水 二(二)", "年营业收入超100亿元的产业集群3个", {
      zh: "三份文件的目标均指产业集群",
      en: "the three documents' targets all concern industrial clusters",
    }),
  ],
  "targets.scope.service": [
    m("篇10 的目标只计服务业集聚区，不含产业集聚区", "篇10's goal counts service agglomerations only, not industrial zones"),
    fromDocument("002", "篇10 一", "培植2家以上年销售收入超10亿元的服务业集聚区"),
  ],
  "targets.missing": [
    m("缺少成员数据的合计为“不完整”，列出缺失者并给出界限", "a total with missing members is incomplete: they are listed and the bound given"),
    jijuDefault(m("缺失值不按零计", "a missing value never counts as zero")),
  ],
  "d3.clusters": [
    m("6—8 年打造 8 个千亿级、培育 8 个 200—500 亿元集群", "in 6–8 years, 8 clusters of 100bn CNY or more and 8 of 20–50bn"),
    fromDocument("003", "大连 一(二)", "争取用6-8年的时间,打造8个产值规模在1000亿元以上的重点产业集群,培育和壮大8个产值规模在200-500亿元的产业集群"),
  ],
  "d3.stage1": [
    m("第一阶段：15 个集群（不含软件）总产值 8800 亿元、占 80% 以上", "stage 1: 15 clusters (software excluded) at 880bn CNY, ≥ 80 %"),
    fromDocument("003", "大连 一(二)", "15个产业集群(不含软件与服务外包,下同)总产值规模达到8800亿元,占当期全市规模以上工业总产值的80%以上"),
  ],
  "d3.stage2": [
    m("第二阶段：总产值 13000 亿元、占 85% 以上", "stage 2: 1.3tn CNY, ≥ 85 %"),
    fromDocument("003", "大连 一(二)", "总产值规模达到 13000亿元,占当期全市规模以上工业总产值的85%以上"),
  ],
  "d3.software": [
    m("15 个集群不含软件与服务外包", "the 15 clusters leave out software and service outsourcing"),
    fromDocument("003", "大连 一(二)", "不含软件与服务外包,下同", {
      zh: "软件与服务外包集群在名录中是服务业集聚区（软件园），只合计产业集群即已除外",
      en: "the software and outsourcing cluster is a service agglomeration (a software park) in the register, left out by adding up industrial clusters only",
    }),
  ],
  "d3.years": [
    m("大连目标年份：第一阶段 2015 年，第二阶段与 6—8 年目标 2018 年", "Dalian's years: stage 1 in 2015, stage 2 and the 6–8-year goal in 2018"),
    jijuDefault(
      m(
        "原文年份均显示为“2024”（录入错误）；文件日期 2010 年 11 月 9 日，工作列入“十二五”：第一阶段取 2015 年，第二阶段取 2010 + 8 = 2018 年，待确认",
        "the seed shows every year as 2024 (garbled); the document is dated 9 Nov 2010 and ties the work to the 12th five-year plan: stage 1 in 2015, stage 2 in 2010 + 8 = 2018, to be confirmed",
      ),
    ),
  ],
  "s3.growth": [
    m("销售收入年均增长 25%、增加值 18% 左右", "sales up about 25 % and value added about 18 % a year"),
    fromDocument("003", "陕西 二", "全省产业集群销售收入和增加值年均分别增长25%和18%左右"),
  ],
  "s3.counts": [
    m("20 个集群全部超过 100 亿元，9 个 1000 亿元以上，5 个 500 亿元以上", "all 20 clusters above 10bn CNY, 9 at 100bn or more, 5 more at 50bn or more"),
    fromDocument("003", "陕西 二", "20个产业集群销售收入全部超过100亿元"),
  ],
  "s3.count_1000": [m("9 个集群达到 1000 亿元以上", "9 clusters at 100bn CNY or more"), fromDocument("003", "陕西 二", "等9个产业集群达到1000亿元以上")],
  "s3.count_500": [m("另 5 个集群达到 500 亿元以上", "5 more at 50bn CNY or more"), fromDocument("003", "陕西 二", "等5个产业集群达到500亿元以上")],
  "s3.local_supply": [
    m("省内配套率由不到 30% 提高到 50% 以上", "local supply ratio from under 30 % to 50 % or more"),
    fromDocument("003", "陕西 二", "产业集群省内配套率由目前不到30%提高到50%以上"),
  ],
  "s3.stage1": [
    m("销售收入 10000 亿元、增加值约 3900 亿元", "sales 1tn CNY, value added about 390bn"),
    fromDocument("003", "陕西 二", "全省产业集群销售收入达到10000亿元,增加值约3900亿元"),
  ],
  "s3.stage2": [
    m("销售收入 15000 亿元、增加值约 5600 亿元", "sales 1.5tn CNY, value added about 560bn"),
    fromDocument("003", "陕西 二", "销售收入达到15000亿元,增加值约5600亿元"),
  ],
  "s3.stage3": [
    m("销售收入 20000 亿元、增加值约 8000 亿元", "sales 2tn CNY, value added about 800bn"),
    fromDocument("003", "陕西 二", "销售收入达到20000亿元,增加值约8000亿元"),
  ],
  "s3.core_firms": [
    m("5 个以上销售收入过 1000 亿元、10 个以上过 500 亿元的核心企业", "5 or more core firms above 100bn CNY, 10 or more above 50bn"),
    fromDocument("003", "陕西 三(二)", "积极培育形成5个以上销售收入过1000亿元、10个以上销售收入过500亿元以上关联度大、带动性强的核心企业", {
      zh: "企业层面的目标，集聚区数据不能跟踪",
      en: "a target on firms that zone data cannot track",
    }),
  ],
  "s3.years": [
    m("陕西目标年份：增长自 2008 年起，三个阶段 2010、2012、2015 年", "Shaanxi's years: growth from 2008; stages in 2010, 2012 and 2015"),
    jijuDefault(
      m(
        "原文年份均显示为“2024”（录入错误）；文件日期 2009 年 3 月 19 日：增长基年取上一完整年度 2008 年，三个阶段取 2010、2012、2015 年（“十一五”末、其后两年、“十二五”末），年均增长、集群数量与配套率与第二阶段同期（2012 年），待确认",
        "the seed shows every year as 2024 (garbled); the document is dated 19 Mar 2009: growth from the last full year 2008, stages in 2010, 2012 and 2015 (end of the 11th plan, two years on, end of the 12th plan), the growth, the counts and the supply ratio due with stage 2 (2012), to be confirmed",
      ),
    ),
  ],
  "h3.above_100": [
    m("年营业收入超 100 亿元的产业集群 3 个", "3 clusters with revenue above 10bn CNY"),
    fromDocument("003", "衡水 二(二)", "年营业收入超100亿元的产业集群3个"),
  ],
  "h3.above_50": [
    m("年营业收入超 50 亿元的产业集群 5 个（另外 5 个，共 8 个超 50 亿元）", "5 more clusters above 5bn CNY (8 above 5bn in all)"),
    fromDocument("003", "衡水 二(二)", "年营业收入超50亿元的产业集群5个", {
      zh: "所列 5 个集群与超 100 亿元的 3 个不同，故共 8 个超 50 亿元",
      en: "the 5 named clusters differ from the 3 above 10bn, so 8 exceed 5bn in all",
    }),
  ],
  "h3.economy_share": [
    m("产业集群经济总量占县域经济总量 65% 以上", "clusters ≥ 65 % of the county economy"),
    fromDocument("003", "衡水 二(二)", "产业集群经济总量占全市县域经济总量的65%以上", {
      zh: "“经济总量”以增加值 ÷ 地区生产总值计（Jiju 的读法）",
      en: "经济总量 measured as value added over GDP (Jiju's reading)",
    }),
  ],
  "h3.brands": [
    m(
      "省级重点集群每年新创省名牌和著名商标各 2 个，市级各 1 个",
      "each provincial key cluster creates 2 provincial brands and 2 famous trademarks a year, each city key cluster 1",
    ),
    fromDocument("003", "衡水 二(二)", "省级重点产业集群每年新创省名牌和著名商标各2个;市级重点产业集群每年新创省名牌和著名商标各1个"),
  ],
  "h3.associations": [
    m("省市级重点集群年内建立行业协会", "every provincial and city key cluster sets up an industry association within the year"),
    fromDocument("003", "衡水 二(二)", "省市级重点产业集群年内均要建立起组织规范、协调有力、作用明显的行业协会"),
  ],
  "h3.city_clusters": [m("再重点培育 6 个市级重点产业集群", "6 more city key clusters"), fromDocument("003", "衡水 二(二)", "再重点培育6个市级重点产业集群")],
  "h3.parks": [
    m("每个市以上重点集群建成一个特色产业园区和创业辅导基地", "every key cluster of city level or above builds a specialised park and a start-up base"),
    fromDocument("003", "衡水 二(二)", "每个市以上重点产业集群要分别建成一个特色鲜明、带动作用较大的特色产业园区和特色产业创业辅导基地"),
  ],
  "h3.key_level": [
    m("省级、市级重点产业集群按名录中的批准级别认定", "provincial and city key clusters are the zones approved at those levels in the register"),
    jijuDefault(
      m(
        "文件未列出哪些集群属市级重点（省级 6 个已点名）：Jiju 以名录中的批准级别判定，委员会可改",
        "the document names the 6 provincial key clusters but not the city ones: Jiju reads the register's approving level, which the commission may correct",
      ),
    ),
  ],
  "h3.years": [
    m("衡水目标年份 2010 年", "Hengshui's target year 2010"),
    jijuDefault(
      m(
        "原文年份显示为“2024”（录入错误）；文件日期 2006 年 8 月 18 日：取“十一五”期末 2010 年，待确认",
        "the seed shows the year as 2024 (garbled); the document is dated 18 Aug 2006: Jiju takes 2010, the end of the 11th five-year plan, to be confirmed",
      ),
    ),
  ],
  "diagnosis.soft_environment": [
    m("软环境问题（吃拿卡要、推诿扯皮）作为诊断事实", "the soft environment (extortion, buck-passing) as a diagnosis fact"),
    fromDocument("002", "篇8", "个别机关单位和工作人员存在借助公权、吃拿卡要、中饱私囊现象"),
  ],
  "diagnosis.duplicate_construction": [
    m("低水平重复建设作为诊断事实", "low-level duplicate construction as a diagnosis fact"),
    fromDocument("002", "篇5 1、严格执行工业园规划", "防止低水平重复建设"),
  ],
  "diagnosis.demolition": [
    m("拆迁滞后作为诊断事实", "demolition lagging as a diagnosis fact"),
    fromDocument("002", "篇4 (一)超前谋划", "成为制约服务业集聚区建设的瓶颈"),
  ],
  "diagnosis.staff_status": [
    m("管委会人员身份未理顺作为诊断事实", "the committee's unresolved staff status as a diagnosis fact"),
    fromDocument("002", "篇2 2、理顺管理体制", "将集聚区管委会界定为参照公务员管理的单位"),
  ],
  "diagnosis.landless_farmers": [
    m("失地农民居住问题未解决作为诊断事实", "landless farmers not yet housed as a diagnosis fact"),
    fromDocument("004", "完善提升产业集聚区配套服务功能 二", "切实解决好产业集聚区内失地农民居住问题"),
  ],
  "diagnosis.five_plans": [
    m("五规合一：在三规合一基础上增加生态环保规划和区域公共服务设施规划", "五规合一: the ecological and public-service facilities plans added to 三规合一"),
    fromDocument("004", "完善提升产业集聚区配套服务功能 一", "在原“三规合一”的基础上加快完善集聚区生态环保规划和区域公共服务设施规划,逐步向“五规合一”过渡"),
  ],
  "lq.national_totals": [
    m("区位熵以全国总量为参照", "location quotients against national totals"),
    fromDocument("002", "篇3", "Q'为全国金融产业总产值,Q为国内生产总值GDP"),
  ],
} as const satisfies Record<string, readonly [Bilingual, RuleSource]>

/** The id of a built-in rule. */
export type RuleId = keyof typeof entries

/**
 * Every built-in rule with its source, in register order (the provenance table of docs/assessment.md).
 * @example ruleRegister.find((r) => r.id === "p8.reward_bands")?.source.kind // "document"
 */
export const ruleRegister: ReadonlyArray<AppliedRule> = Object.entries(entries).map(([id, [rule, source]]) => ({ id, rule, source }))

const byId = new Map(ruleRegister.map((r) => [r.id, r]))

/**
 * A built-in rule by id, with its source: what the judgement documents list beside the rules they apply.
 * @example appliedRule("p10.cbd.revenue").source.quote // "年营业收入超过5.6亿元"
 */
export const appliedRule = (id: RuleId): AppliedRule => byId.get(id)!

/**
 * The source of a built-in rule.
 * @example ruleSource("p8.incentive.share").kind // "document"
 */
export const ruleSource = (id: RuleId): RuleSource => byId.get(id)!.source
