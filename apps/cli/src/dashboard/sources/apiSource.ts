import { ApiError, type CallOf, type Endpoint, fromWire, jijuApi, makeClient, type ResponseOf, toWire } from "@jiju/domain/contract"
import type { Bilingual, Observation } from "@jiju/domain/model"
import * as Schema from "effect/Schema"
import { CliError } from "../../CliError.js"
import { type AnalysisDocument, AnalysisRefused, type DashboardQuery, type DashboardSource, type Judged } from "./DashboardSource.js"

/** How to reach the API. */
export interface ApiOptions {
  readonly baseUrl: string
  readonly token?: string
  /** For tests: a fetch of your own (defaults to the global fetch). */
  readonly fetch?: typeof fetch
}

/** An operation's answer (wire form, snake_case) decoded by the contract's success Schema into the domain's types. */
const answerOf = <E extends Endpoint>(e: E, wire: unknown): ResponseOf<E> => {
  const schema = e.success.schema!
  return Schema.decodeUnknownSync(schema as unknown as Schema.Codec<ResponseOf<E>, unknown>)(fromWire(schema, wire))
}

/** A request in TypeScript casing as an operation's body on the wire (snake_case), as its Schema names the fields. */
const wireBody = <E extends Endpoint>(e: E, request: unknown) => toWire(e.body as Schema.Top, request) as CallOf<E>["body"]

/**
 * A {@link DashboardSource} over the HTTP API with a bearer token, through the client derived from the contract
 * (`makeClient(jijuApi)`): the register lists and the observation query page by page, results, judgements, targets
 * and the analyses, every answer decoded with the contract's Schema (nothing fetched is taken on trust).
 * @example const src = apiSource({ baseUrl: "http://127.0.0.1:8080", token })
 */
export const apiSource = (opts: ApiOptions): DashboardSource => {
  const base = opts.baseUrl.replace(/\/+$/, "")
  const doFetch: typeof fetch = async (input, init) => {
    try {
      return await (opts.fetch ?? fetch)(input, init)
    } catch (e) {
      throw new CliError("api_unreachable", `cannot reach the API at ${base}: ${(e as Error).message}`, 1)
    }
  }
  const headers = (): Record<string, string> => (opts.token ? { authorization: `Bearer ${opts.token}` } : {})
  const api = makeClient(jijuApi, { baseUrl: base, fetch: doFetch, headers })
  const failed = (what: string, e: unknown): never => {
    if (e instanceof ApiError) throw new CliError("api_error", `${what} answered ${e.status}: ${e.code} ${e.detail}`, 1)
    throw e
  }
  /** Every item of a paged list: pages are read until the last (its `next_cursor` is null). */
  const all = async <T>(
    what: string,
    page: (cursor: string | undefined) => Promise<{ readonly items: ReadonlyArray<T>; readonly nextCursor: string | null }>,
  ) => {
    const out: T[] = []
    let cursor: string | undefined
    try {
      do {
        const p = await page(cursor)
        out.push(...p.items)
        cursor = p.nextCursor ?? undefined
      } while (cursor !== undefined)
    } catch (e) {
      failed(what, e)
    }
    return out
  }
  const observations = (q: DashboardQuery): Promise<Observation[]> =>
    all("GET /v1/observations", async (cursor) => {
      const query = {
        clusters: q.clusters?.join(","),
        indicators: q.indicators?.join(","),
        period: q.period,
        from: q.from,
        to: q.to,
        cursor,
      }
      return answerOf(jijuApi.queryObservations, (await api.queryObservations({ query })).data)
    })
  // A judgement the API refused (a zone without data for the period …) is shown in its place.
  const judged = async <T>(call: Promise<T>): Promise<Judged<T>> => {
    try {
      return await call
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401 && e.status < 500) return { error: { zh: e.detail, en: e.detail } satisfies Bilingual }
      throw e
    }
  }
  return {
    description: { zh: `API ${base}`, en: `API ${base}` },
    register: async () => {
      const limit = "500"
      const [clusters, regions, indicators] = await Promise.all([
        all("GET /v1/clusters", async (cursor) => answerOf(jijuApi.listClusters, (await api.listClusters({ query: { limit, cursor } })).data)),
        all("GET /v1/regions", async (cursor) => answerOf(jijuApi.listRegions, (await api.listRegions({ query: { limit, cursor } })).data)),
        all("GET /v1/indicators", async (cursor) => answerOf(jijuApi.listIndicators, (await api.listIndicators({ query: { limit, cursor } })).data)),
      ])
      // The API has no period list: the periods of one widely reported indicator stand for it.
      const scale = await observations({ indicators: ["revenue", "operating_revenue"] })
      const periods = [...new Set(scale.map((o) => o.period as string))].sort()
      return { clusters: clusters.filter((c) => c.archivedAt === null), regions, indicators, periods }
    },
    observations,
    ranking: async (scheme, period) => {
      try {
        const { data } = await api.assessmentResult({ query: { scheme, period } })
        return { result: answerOf(jijuApi.assessmentResult, data).result, from: "stored" }
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) failed("GET /v1/assessments/results", e)
      }
      try {
        const { data } = await api.previewAssessment({ query: { scheme, period } })
        return { result: answerOf(jijuApi.previewAssessment, data).result, from: "computed" }
      } catch (e) {
        // Nothing to rank, or a caller who may only read published results.
        if (e instanceof ApiError && (e.status === 422 || e.status === 403 || e.status === 404)) return null
        return failed("GET /v1/assessments/preview", e)
      }
    },
    judgements: async (clusterId, period, { certify }) => {
      const query = { period, cluster: clusterId }
      const [stage, certification, diagnosis] = await Promise.all([
        judged(api.stage({ query }).then(({ data }) => answerOf(jijuApi.stage, data).results[0]!)),
        certify ? judged(api.certification({ query }).then(({ data }) => answerOf(jijuApi.certification, data).results[0]!)) : Promise.resolve(null),
        judged(api.diagnosis({ query }).then(({ data }) => answerOf(jijuApi.diagnosis, data).results[0]!)),
      ])
      return { stage, certification, diagnosis }
    },
    targets: async (q) => {
      try {
        const { data } = await api.targets({
          query: {
            set: q.set,
            period: q.period,
            target_year: String(q.targetYear),
            ...(q.baseYear !== undefined ? { base_year: String(q.baseYear) } : {}),
            ...(q.region !== undefined ? { region: q.region } : {}),
          },
        })
        return answerOf(jijuApi.targets, data)
      } catch (e) {
        return failed("GET /v1/assessments/targets", e)
      }
    },
    analysis: async (name, request): Promise<AnalysisDocument> => {
      try {
        switch (name) {
          case "coupling":
            return answerOf(jijuApi.analyseCoupling, (await api.analyseCoupling({ body: wireBody(jijuApi.analyseCoupling, request) })).data)
          case "moran":
            return answerOf(jijuApi.analyseMoran, (await api.analyseMoran({ body: wireBody(jijuApi.analyseMoran, request) })).data)
          case "lisa":
            return answerOf(jijuApi.analyseLisa, (await api.analyseLisa({ body: wireBody(jijuApi.analyseLisa, request) })).data)
          case "regress":
            return answerOf(jijuApi.analyseRegress, (await api.analyseRegress({ body: wireBody(jijuApi.analyseRegress, request) })).data)
          case "hotspots":
            return answerOf(jijuApi.analyseHotspots, (await api.analyseHotspots({ body: wireBody(jijuApi.analyseHotspots, request) })).data)
        }
        throw new CliError("usage", `no analysis "${String(name)}" in the dashboard`, 2)
      } catch (e) {
        // Data the server's core refuses (too few units, a singular design …) are shown in the analysis's place.
        if (e instanceof ApiError && e.status === 422) throw new AnalysisRefused({ zh: e.detail, en: e.detail })
        return failed(`POST /v1/analyses/${name}`, e)
      }
    },
    report: async (scheme, period, lang) => {
      let run: { readonly id: string; readonly published: boolean }
      try {
        run = answerOf(jijuApi.assessmentResult, (await api.assessmentResult({ query: { scheme, period } })).data)
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null
        return failed("GET /v1/assessments/results", e)
      }
      // The contract's client decodes JSON answers only: the workbook's bytes are fetched as they are.
      const path = `/v1/assessments/runs/${encodeURIComponent(run.id)}/report.xlsx`
      const res = await doFetch(`${base}${path}?lang=${lang}`, { headers: headers() })
      if (res.status === 404) return null
      if (!res.ok) throw new CliError("api_error", `GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 200)}`, 1)
      const named = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get("content-disposition") ?? "")?.[1]
      return {
        bytes: new Uint8Array(await res.arrayBuffer()),
        fileName: named ? decodeURIComponent(named) : `${scheme}-${period}${run.published ? "" : "-draft"}.xlsx`,
        draft: !run.published,
      }
    },
    supervision: async (week) => {
      try {
        const [view, found] = await Promise.all([
          api.supervision({ query: week !== undefined ? { week } : {} }).then(({ data }) => answerOf(jijuApi.supervision, data)),
          api.projectFindings({ query: {} }).then(({ data }) => answerOf(jijuApi.projectFindings, data)),
        ])
        return { view, findings: found }
      } catch (e) {
        return failed("GET /v1/supervision", e)
      }
    },
    close: async () => {},
  }
}
