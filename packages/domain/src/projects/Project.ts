/**
 * A project entering a zone (入园项目) as the project database (项目库, seed 002 篇7) records it: zone and sub-area,
 * investor, industry, type, investment (万元), land (亩) and floor area, the terms of its contract (投资强度 and 容积率
 * written into the contract, seed 002 篇5 三), its status with dates, and its file (档案, seed 002 篇5 三: 为各入园项目
 * 建立档案,做到材料齐全,手续齐备): the approvals it needs and where each stands.
 */
import * as Schema from "effect/Schema"
import { ClusterId } from "../model/ids.js"
import { IsoDate } from "./Dates.js"

/** A project's id in the register: lower-case letters, digits and dashes, e.g. "hb-qibin-2025-003". */
export const ProjectId = Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, { expected: "an id of a-z, 0-9 and '-' (max 64)" }))
export type ProjectId = typeof ProjectId.Type

/** A zone sub-area's code, e.g. "south". */
export const AreaCode = Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9_-]{0,31}$/, { expected: "a code of a-z, 0-9, '_' and '-' (max 32)" }))
export type AreaCode = typeof AreaCode.Type

/** A firm's id in the enterprise register, e.g. "f-zhongke". */
export const FirmId = Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, { expected: "an id of a-z, 0-9 and '-' (max 64)" }))
export type FirmId = typeof FirmId.Type

/** What a project builds: an industrial project, infrastructure, or a service project. */
export const ProjectType = Schema.Literals(["industrial", "infrastructure", "service"])
export type ProjectType = typeof ProjectType.Type

/** Names of the project types. */
export const projectTypeNames: Record<ProjectType, { readonly zh: string; readonly en: string }> = {
  industrial: { zh: "工业项目", en: "industrial" },
  infrastructure: { zh: "基础设施项目", en: "infrastructure" },
  service: { zh: "服务业项目", en: "service" },
}

/** What admission rules ask of a project besides its type: 高新技术 (high-tech) or 劳动密集型 (labour-intensive), seed 002 篇5 一. */
export const ProjectTrait = Schema.Literals(["high_tech", "labour_intensive"])
export type ProjectTrait = typeof ProjectTrait.Type

/** Names of the traits. */
export const projectTraitNames: Record<ProjectTrait, { readonly zh: string; readonly en: string }> = {
  high_tech: { zh: "高新技术", en: "high-tech" },
  labour_intensive: { zh: "劳动密集型", en: "labour-intensive" },
}

/**
 * Where a project stands: the milestones 签约 → 供地 → 开工 → 投产 → 达产, and stalled (停工/停产) or land recovered
 * (土地收回, seed 004: 已供地的要予以收回).
 */
export const ProjectStatus = Schema.Literals(["signed", "land_supplied", "started", "in_production", "at_capacity", "stalled", "land_recovered"])
export type ProjectStatus = typeof ProjectStatus.Type

/** Names of the statuses. */
export const projectStatusNames: Record<ProjectStatus, { readonly zh: string; readonly en: string }> = {
  signed: { zh: "签约", en: "signed" },
  land_supplied: { zh: "供地", en: "land supplied" },
  started: { zh: "开工", en: "started" },
  in_production: { zh: "投产", en: "in production" },
  at_capacity: { zh: "达产", en: "at full capacity" },
  stalled: { zh: "停滞", en: "stalled" },
  land_recovered: { zh: "土地收回", en: "land recovered" },
}

/** The approvals of a project's file: 立项/备案, 环评, 用地, 规划, 施工许可. */
export const DocumentKind = Schema.Literals(["project_approval", "environmental_assessment", "land_use", "planning_permit", "construction_permit"])
export type DocumentKind = typeof DocumentKind.Type

/** The file's approvals in their order. */
export const documentKinds: ReadonlyArray<DocumentKind> = DocumentKind.literals

/** Names of the approvals. */
export const documentKindNames: Record<DocumentKind, { readonly zh: string; readonly en: string }> = {
  project_approval: { zh: "立项/备案", en: "project approval or filing" },
  environmental_assessment: { zh: "环评", en: "environmental impact assessment" },
  land_use: { zh: "用地", en: "land-use approval" },
  planning_permit: { zh: "规划", en: "planning permit" },
  construction_permit: { zh: "施工许可", en: "construction permit" },
}

/** Where an approval stands: not filed, filed and waiting, approved, refused, or not needed for this project. */
export const DocumentState = Schema.Literals(["missing", "submitted", "approved", "refused", "not_required"])
export type DocumentState = typeof DocumentState.Type

/** Names of the approval states. */
export const documentStateNames: Record<DocumentState, { readonly zh: string; readonly en: string }> = {
  missing: { zh: "未办理", en: "missing" },
  submitted: { zh: "审批中", en: "submitted" },
  approved: { zh: "已批复", en: "approved" },
  refused: { zh: "未获批准", en: "refused" },
  not_required: { zh: "无需办理", en: "not required" },
}

const Text = (max: number) => Schema.String.check(Schema.isMaxLength(max))
const Name = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200))
const NonNegative = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))

/** One approval of the file and where it stands. */
export const ProjectDocument = Schema.Struct({
  kind: DocumentKind,
  state: DocumentState,
  /** The approval's document number (文号), e.g. "豫环审〔2025〕12号". */
  reference: Schema.NullOr(Text(200)),
  /** Who approves it, e.g. "县发展改革委". */
  authority: Schema.NullOr(Text(200)),
  /** The day it was filed, approved or refused. */
  on: Schema.NullOr(IsoDate),
  note: Schema.NullOr(Text(1000)),
})
export type ProjectDocument = typeof ProjectDocument.Type

/** A change of one approval of the file (the kind is named by the path). */
export const DocumentChange = Schema.Struct({
  state: DocumentState,
  reference: Schema.optional(Schema.NullOr(Text(200))),
  authority: Schema.optional(Schema.NullOr(Text(200))),
  on: Schema.optional(Schema.NullOr(IsoDate)),
  note: Schema.optional(Schema.NullOr(Text(1000))),
})
export type DocumentChange = typeof DocumentChange.Type

/** The land-use terms written into the project's contract (seed 002 篇5 三: 把…投资强度和密度写进合同文本). */
export const ContractTerms = Schema.Struct({
  /** 投资强度: fixed investment per 亩 of land the investor commits to (万元/亩). */
  investmentIntensity: Schema.NullOr(NonNegative),
  /** 容积率: floor area over land area the investor commits to. */
  floorAreaRatio: Schema.NullOr(NonNegative),
  /** The day construction must start by. */
  startBy: Schema.NullOr(IsoDate),
  /** The day the project must be completed by. */
  completeBy: Schema.NullOr(IsoDate),
})
export type ContractTerms = typeof ContractTerms.Type

/** A point for the map (WGS 84). */
export const GeoPoint = Schema.Struct({
  lon: Schema.Finite.check(Schema.isBetween({ minimum: -180, maximum: 180 })),
  lat: Schema.Finite.check(Schema.isBetween({ minimum: -90, maximum: 90 })),
})
export type GeoPoint = typeof GeoPoint.Type

/** The fields of a project a zone committee enters and keeps up to date. */
export const Project = Schema.Struct({
  id: ProjectId,
  name: Name,
  nameEn: Schema.optional(Text(200)),
  /** The zone it enters. */
  cluster: ClusterId,
  /** The zone's sub-area (园区南区, 西区 …) whose admission rules apply; null when the zone has none or it is not placed. */
  area: Schema.NullOr(AreaCode),
  /** The investor as the contract names it. */
  investor: Name,
  /** The investor in the enterprise register, when it is there (its 龙/鹰 and 500强 standing is read from it). */
  firm: Schema.NullOr(FirmId),
  industry: Text(100),
  type: ProjectType,
  traits: Schema.Array(ProjectTrait),
  /** 总投资 (万元). */
  totalInvestment: NonNegative,
  /** 固定资产投资 (万元), what admission rules measure. */
  fixedInvestment: NonNegative,
  /** Land the project holds or asks for (亩); 0 for a project in rented plant. */
  land: NonNegative,
  /** Floor area built (m²). */
  floorArea: NonNegative,
  /** Storeys of its plant, where known (seed 004: 三层以上标准化厂房). */
  storeys: Schema.NullOr(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  contract: ContractTerms,
  location: Schema.NullOr(GeoPoint),
  /**
   * A special reason for slow progress the commission accepts (seed 004: 两年以上没有实质性进展且无特殊原因的项目):
   * a project with one is not a land-recovery candidate.
   */
  specialReason: Schema.NullOr(Text(1000)),
  note: Schema.NullOr(Text(2000)),
  /** Generated demo data, to be labelled wherever shown. */
  isDemo: Schema.Boolean,
})
export type Project = typeof Project.Type

/** One step of a project's status: the status and the day it was reached. */
export const StatusChange = Schema.Struct({
  status: ProjectStatus,
  on: IsoDate,
  note: Schema.optional(Schema.NullOr(Text(1000))),
})
export type StatusChange = typeof StatusChange.Type

/** A project as entered: its fields and its status so far, from 签约 on. */
export const ProjectEntry = Schema.Struct({
  ...Project.fields,
  /** The statuses reached, oldest first; the first is "signed". */
  history: Schema.Array(StatusChange).check(Schema.isMinLength(1)),
})
export type ProjectEntry = typeof ProjectEntry.Type

/** A recorded status step, with who recorded it and when. */
export const StatusEvent = Schema.Struct({
  status: ProjectStatus,
  on: IsoDate,
  note: Schema.NullOr(Schema.String),
  recordedBy: Schema.String,
  recordedAt: Schema.String,
})
export type StatusEvent = typeof StatusEvent.Type

/** The day each milestone was first reached (null: not yet), and since when a project is stalled. */
export const Milestones = Schema.Struct({
  signedOn: Schema.NullOr(IsoDate),
  landSuppliedOn: Schema.NullOr(IsoDate),
  startedOn: Schema.NullOr(IsoDate),
  inProductionOn: Schema.NullOr(IsoDate),
  atCapacityOn: Schema.NullOr(IsoDate),
  /** The start of the current stall; null when the project is not stalled. */
  stalledSince: Schema.NullOr(IsoDate),
  landRecoveredOn: Schema.NullOr(IsoDate),
})
export type Milestones = typeof Milestones.Type
