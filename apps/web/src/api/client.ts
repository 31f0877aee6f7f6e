import type { Lang } from "../i18n/dictionary.js"

/** One field-level problem of an RFC 9457 problem document, as the API sends it. */
export interface FieldProblem {
  readonly field: string
  readonly message: string
}

/**
 * A failed API call: the HTTP status, the problem's stable code, its detail in the requested language
 * and the field-level problems.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: ReadonlyArray<FieldProblem> = [],
  ) {
    super(detail)
    this.name = "ApiError"
  }
}

/** A minimal client of the Jiju HTTP API: JSON in and out, cookies sent, problems thrown as {@link ApiError}. */
export interface Api {
  readonly get: <T>(path: string) => Promise<T>
  readonly send: <T>(
    method: "POST" | "PUT" | "DELETE",
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: T; headers: Headers }>
}

const readProblem = async (r: Response): Promise<ApiError> => {
  try {
    const p = (await r.json()) as { code?: string; detail?: string; title?: string; errors?: FieldProblem[] }
    return new ApiError(r.status, p.code ?? `http_${r.status}`, p.detail ?? p.title ?? `HTTP ${r.status}`, p.errors ?? [])
  } catch {
    return new ApiError(r.status, `http_${r.status}`, `HTTP ${r.status}`)
  }
}

/**
 * A client over `fetcher` (the browser's fetch by default) asking for problems in `lang()`.
 * @example const api = makeApi(fetch, () => "zh"); const me = await api.get<Me>("/v1/auth/me")
 */
export const makeApi = (fetcher: typeof fetch, lang: () => Lang): Api => {
  const headers = (extra: Record<string, string> = {}) => ({
    accept: "application/json",
    "accept-language": lang() === "zh" ? "zh-CN,zh;q=0.9" : "en",
    ...extra,
  })
  return {
    get: async <T>(path: string) => {
      const r = await fetcher(path, { headers: headers(), credentials: "same-origin" })
      if (!r.ok) throw await readProblem(r)
      return (await r.json()) as T
    },
    send: async <T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown, extra?: Record<string, string>) => {
      const r = await fetcher(path, {
        method,
        credentials: "same-origin",
        headers: headers(body === undefined ? extra : { "content-type": "application/json", ...extra }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      if (!r.ok) throw await readProblem(r)
      const text = await r.text()
      return { status: r.status, body: (text ? JSON.parse(text) : null) as T, headers: r.headers }
    },
  }
}

/** A readable message for any thrown value. */
export const messageOf = (e: unknown): string => (e instanceof ApiError ? e.detail : e instanceof Error ? e.message : String(e))
