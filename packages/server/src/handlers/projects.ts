import {
  createFirm,
  createProject,
  derivedIndicators,
  findings,
  getProject,
  importProjectFile,
  importReportFile,
  listFirms,
  listProjects,
  projectHistory,
  projectReports,
  recordProjectStatus,
  saveZoneArea,
  setFirmLists,
  submitWeeklyReport,
  supervision,
  updateProjectDocument,
  zoneAreas,
} from "@jiju/app"
import type { projectsApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { type Handlers, reply } from "../http/bind.js"

/** The project register's operations. */
export const projectsHandlers: Handlers<typeof projectsApi> = {
  listProjects: ({ query }, { caller }) => listProjects(caller, query),
  getProject: ({ params }, { caller }) => getProject(caller, params.id),
  createProject: ({ body }, { caller }) =>
    Effect.map(createProject(caller, body), (p) => reply(p, { status: 201, headers: { Location: `/v1/projects/${p.id}` } })),
  recordProjectStatus: ({ params, body }, { caller }) => recordProjectStatus(caller, params.id, body),
  updateProjectDocument: ({ params, body }, { caller }) => updateProjectDocument(caller, params.id, params.kind, body),
  projectHistory: ({ params }, { caller }) => projectHistory(caller, params.id),
  projectReports: ({ params }, { caller }) => projectReports(caller, params.id),
  submitWeeklyReport: ({ params, body }, { caller }) => submitWeeklyReport(caller, params.id, body, params.week),
  supervision: ({ query }, { caller }) => supervision(caller, query),
  projectFindings: ({ query }, { caller }) => findings(caller, query),
  derivedIndicators: ({ query }, { caller }) => derivedIndicators(caller, query),
  importProjects: ({ query, body }, { caller }) =>
    Effect.map(importProjectFile(caller, { bytes: body, fileName: query.fileName }), (r) =>
      reply(r, { status: 201, headers: { Location: `/v1/audit?entity=import&id=${r.importId}` } }),
    ),
  importWeeklyReports: ({ query, body }, { caller }) =>
    Effect.map(importReportFile(caller, { bytes: body, fileName: query.fileName }), (r) =>
      reply(r, { status: 201, headers: { Location: `/v1/audit?entity=import&id=${r.importId}` } }),
    ),
  zoneAreas: ({ params }, { caller }) => zoneAreas(caller, params.id),
  saveZoneArea: ({ params, body }, { caller }) => saveZoneArea(caller, params.id, params.code, body),
  listFirms: ({ query }, { caller }) => listFirms(caller, query),
  createFirm: ({ body }, { caller }) => Effect.map(createFirm(caller, body), (f) => reply(f, { status: 201 })),
  setFirmLists: ({ params, body }, { caller }) => setFirmLists(caller, params.id, body),
}
