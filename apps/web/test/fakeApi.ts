/** A request the fake API saw. */
export interface Seen {
  readonly method: string
  readonly path: string
  readonly body: unknown
}

type Answer = { status?: number; body?: unknown } | undefined
// A handler may answer later, to hold a page in its loading state.
type Handler = (body: unknown, url: URL) => Answer | Promise<Answer>

/**
 * A fetch double answering JSON by "METHOD /path" (query ignored for matching, available to the handler);
 * unknown routes answer a 404 problem, as the API does.
 */
export const fakeApi = (routes: Record<string, Handler | unknown>) => {
  const seen: Seen[] = []
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost")
    const method = init?.method ?? "GET"
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    seen.push({ method, path: url.pathname + url.search, body })
    const route = routes[`${method} ${url.pathname}`]
    const out = typeof route === "function" ? await (route as Handler)(body, url) : route === undefined ? undefined : { body: route }
    if (!out)
      return new Response(JSON.stringify({ status: 404, code: "no_route", detail: "no such endpoint", errors: [] }), {
        status: 404,
        headers: { "content-type": "application/problem+json" },
      })
    return new Response(out.body === undefined ? null : JSON.stringify(out.body), {
      status: out.status ?? 200,
      headers: { "content-type": out.status && out.status >= 400 ? "application/problem+json" : "application/json" },
    })
  }) as typeof fetch
  return { fetcher, seen }
}

/** 401 as the API sends it for GET /v1/auth/me without a session. */
export const signedOut = () => ({ status: 401, body: { status: 401, code: "unauthorized", detail: "请先登录或提供访问令牌", errors: [] } })
