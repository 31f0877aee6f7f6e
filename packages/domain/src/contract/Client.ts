import type * as Schema from "effect/Schema"
import type { Issue } from "../model/errors.js"
import type { Contract, Endpoint, FileBody } from "./Endpoint.js"
import type { Snake } from "./Wire.js"

/**
 * A failed call: the HTTP status and the problem document's code, detail (in the requested language) and issues.
 * @example try { await api.getRegion({ params: { code: "999999" } }) } catch (e) { if (e instanceof ApiError && e.status === 404) … }
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: ReadonlyArray<Issue> = [],
    readonly headers?: Headers,
  ) {
    super(detail)
    this.name = "ApiError"
  }
}

type Wire<S> = S extends Schema.Top ? Snake<S["Encoded"]> : never

/** What a call of an operation sends: its path parameters, query and body in wire form, and optional headers. */
export type CallOf<E extends Endpoint> = (E["params"] extends Schema.Top ? { readonly params: Wire<E["params"]> } : { readonly params?: undefined }) &
  (E["query"] extends Schema.Top ? { readonly query?: Partial<Wire<E["query"]>> } : { readonly query?: undefined }) &
  (E["body"] extends FileBody
    ? { readonly body: Blob | Uint8Array; readonly contentType: string }
    : E["body"] extends Schema.Top
      ? { readonly body: Wire<E["body"]> }
      : { readonly body?: undefined }) & {
    /** The ETag read, for operations that need If-Match. */
    readonly ifMatch?: string
    readonly headers?: Readonly<Record<string, string>>
  }

/** What a call answers: the JSON body in wire form (snake_case), the ETag when the server sent one, the status. */
export interface AnswerOf<E extends Endpoint> {
  readonly data: E["success"]["schema"] extends Schema.Top ? Wire<E["success"]["schema"]> : null
  readonly etag: string | null
  readonly status: number
  readonly headers: Headers
}

/** A client: one function per operation of the contract. */
export type Client<C extends Contract> = { readonly [K in keyof C]: (call: CallOf<C[K]>) => Promise<AnswerOf<C[K]>> }

/** How a client reaches the server. */
export interface ClientOptions {
  /** The server's origin ("" for the page's own, in a browser). */
  readonly baseUrl: string
  readonly fetch?: typeof fetch
  /** Headers for every call (a bearer token, Accept-Language), read at each call. */
  readonly headers?: () => Readonly<Record<string, string>>
  /** Send cookies (the web app's session); default "same-origin". */
  readonly credentials?: RequestInit["credentials"]
}

const readProblem = async (r: Response): Promise<ApiError> => {
  try {
    const p = (await r.json()) as { code?: string; detail?: string; title?: string; errors?: Issue[] }
    return new ApiError(r.status, p.code ?? `http_${r.status}`, p.detail ?? p.title ?? `HTTP ${r.status}`, p.errors ?? [], r.headers)
  } catch {
    return new ApiError(r.status, `http_${r.status}`, `HTTP ${r.status}`, [], r.headers)
  }
}

/**
 * A typed client of a contract over fetch: paths, query, bodies and answers come from the operations' Schemas (in
 * their wire form), so no client repeats a type of the server's. Problems are thrown as {@link ApiError}.
 * @example
 * const api = makeClient(jijuApi, { baseUrl: "http://127.0.0.1:8080", headers: () => ({ authorization: `Bearer ${token}` }) })
 * const { data } = await api.getRegion({ params: { code: "410000" } })
 */
export const makeClient = <C extends Contract>(contract: C, options: ClientOptions): Client<C> => {
  const base = options.baseUrl.replace(/\/+$/, "")
  const call = async (e: Endpoint, c: CallOf<Endpoint>) => {
    const params = (c.params ?? {}) as Record<string, string>
    const path = e.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ""))
    const query = new URLSearchParams()
    for (const [k, v] of Object.entries((c.query ?? {}) as Record<string, unknown>)) if (v !== undefined && v !== null) query.set(k, String(v))
    const qs = query.toString()
    const headers: Record<string, string> = { accept: "application/json", ...options.headers?.(), ...c.headers }
    if (c.ifMatch !== undefined) headers["if-match"] = c.ifMatch
    let body: RequestInit["body"] | undefined
    if (c.body !== undefined) {
      if ("contentType" in c && typeof (c as { contentType?: string }).contentType === "string") {
        headers["content-type"] = (c as { contentType: string }).contentType
        body = c.body as RequestInit["body"]
      } else {
        headers["content-type"] = "application/json"
        body = JSON.stringify(c.body)
      }
    }
    const r = await (options.fetch ?? fetch)(`${base}${path}${qs ? `?${qs}` : ""}`, {
      method: e.method.toUpperCase(),
      headers,
      credentials: options.credentials ?? "same-origin",
      ...(body !== undefined ? { body } : {}),
    })
    if (!r.ok) throw await readProblem(r)
    const text = r.status === 204 ? "" : await r.text()
    const isJson = (r.headers.get("content-type") ?? "").includes("json")
    return { data: text && isJson ? JSON.parse(text) : null, etag: r.headers.get("etag"), status: r.status, headers: r.headers }
  }
  return Object.fromEntries(Object.entries(contract).map(([id, e]) => [id, (c: CallOf<Endpoint>) => call(e, c ?? {})])) as unknown as Client<C>
}
