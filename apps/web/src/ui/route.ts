import { useEffect, useState } from "react"

/** A parsed location hash: "#/cluster/hb-qibin?period=2025" → { page: "cluster", arg: "hb-qibin", query }. */
export interface Route {
  readonly page: string
  readonly arg: string | undefined
  readonly query: URLSearchParams
}

/** Parse a location hash into a {@link Route}. */
export const parseHash = (hash: string): Route => {
  const [path = "", q = ""] = hash.replace(/^#\/?/, "").split("?")
  const [page = "", arg] = path.split("/").map(decodeURIComponent)
  return { page, arg, query: new URLSearchParams(q) }
}

/** Go to a page (hash routing keeps the static build servable from any path). */
export const navigate = (page: string, arg?: string, query?: Record<string, string>) => {
  const q = query ? `?${new URLSearchParams(query)}` : ""
  location.hash = `#/${page}${arg ? `/${encodeURIComponent(arg)}` : ""}${q}`
}

/** The current route, following hash changes. */
export const useRoute = (): Route => {
  const [hash, setHash] = useState(() => location.hash)
  useEffect(() => {
    const on = () => setHash(location.hash)
    addEventListener("hashchange", on)
    return () => removeEventListener("hashchange", on)
  }, [])
  return parseHash(hash)
}
