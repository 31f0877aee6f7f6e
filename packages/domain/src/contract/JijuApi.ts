import * as accounts from "./api/accounts.js"
import * as analyses from "./api/analyses.js"
import * as assessments from "./api/assessments.js"
import * as audit from "./api/audit.js"
import * as facts from "./api/facts.js"
import * as judgements from "./api/judgements.js"
import * as observations from "./api/observations.js"
import * as projects from "./api/projects.js"
import * as register from "./api/register.js"
import * as service from "./api/service.js"
import * as supervision from "./api/supervision.js"

/** The service's own operations: liveness, readiness, the OpenAPI description, the reference page. */
export const serviceApi = { ...service }
/** The register: regions, indicators and cluster zones. */
export const registerApi = { ...register }
/** Observations: submissions, corrections, series, queries, file imports. */
export const observationsApi = { ...observations }
/** Accounts: sign-in, sign-out, who am I, accounts and tokens. */
export const accountsApi = { ...accounts }
/** The audit trail. */
export const auditApi = { ...audit }
/** Assessments: runs, previews, publication, results, rankings and histories. */
export const assessmentsApi = { ...assessments }
/** Judgements on zones: certification, stage, diagnosis, incentive and targets. */
export const judgementsApi = { ...judgements }
/** Zone facts: the catalogue, facts in force and their history, records, proposals and decisions, imports. */
export const factsApi = { ...facts }

/** The project register: projects, weekly reports, supervision, findings, derived indicators. */
export const projectsApi = { ...projects }

/** 篇8's supervision: candidate lists, the commission's decisions and their monthly reports. */
export const supervisionApi = { ...supervision }

/** Analyses on data sent with the request, and their jobs. */
export const analysesApi = { ...analyses }

/**
 * Every operation of Jiju's HTTP API, by operation id: the one description the server's routes, the OpenAPI
 * document and the clients are made from.
 * @example jijuApi.getRegion.path // "/v1/regions/{code}"
 */
export const jijuApi = {
  ...serviceApi,
  ...registerApi,
  ...observationsApi,
  ...accountsApi,
  ...auditApi,
  ...analysesApi,
  ...assessmentsApi,
  ...judgementsApi,
  ...factsApi,
  ...projectsApi,
  ...supervisionApi,
}

/** The type of {@link jijuApi}. */
export type JijuApi = typeof jijuApi
