/** A project as the register keeps it: its fields, its status history and milestones, its file, its admission check. */
import * as Schema from "effect/Schema"
import { AdmissionCheck } from "./Admission.js"
import { InvestorStanding } from "./Firm.js"
import { Milestones, Project, ProjectDocument, ProjectStatus, StatusEvent } from "./Project.js"

/** A stored project. */
export const StoredProject = Schema.Struct({
  ...Project.fields,
  /** Where it stands now: the last step of its history. */
  status: ProjectStatus,
  history: Schema.Array(StatusEvent),
  milestones: Milestones,
  /** The file (档案): every approval, in the order 立项/备案, 环评, 用地, 规划, 施工许可. */
  documents: Schema.Array(ProjectDocument),
  /** The last check against its sub-area's admission rules (made when it was entered or changed). */
  admission: AdmissionCheck,
  /** Its investor's standing in the enterprise register, read when the project is read. */
  investorStanding: InvestorStanding,
  version: Schema.Int,
  createdAt: Schema.String,
  updatedAt: Schema.String,
})
export type StoredProject = typeof StoredProject.Type

/**
 * The file of a new project: every approval missing.
 * @example emptyFile().map((d) => d.kind) // ["project_approval", "environmental_assessment", "land_use", "planning_permit", "construction_permit"]
 */
export const emptyFile = (): ReadonlyArray<ProjectDocument> =>
  (["project_approval", "environmental_assessment", "land_use", "planning_permit", "construction_permit"] as const).map((kind) => ({
    kind,
    state: "missing",
    reference: null,
    authority: null,
    on: null,
    note: null,
  }))
