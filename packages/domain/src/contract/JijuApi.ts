import * as accounts from "./api/accounts.js"
import * as analyses from "./api/analyses.js"
import * as assessments from "./api/assessments.js"
import * as audit from "./api/audit.js"
import * as judgements from "./api/judgements.js"
import * as observations from "./api/observations.js"
import * as register from "./api/register.js"
import * as service from "./api/service.js"

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
}

/** The type of {@link jijuApi}. */
export type JijuApi = typeof jijuApi
