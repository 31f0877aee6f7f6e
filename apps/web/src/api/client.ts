import { type Client, type JijuApi, jijuApi, makeClient } from "@jiju/domain/contract"
import type { Lang } from "../i18n/dictionary.js"

/** The typed client of Jiju's HTTP API, one function per operation of the contract. */
export type JijuClient = Client<JijuApi>

/**
 * The web app's client: derived from the contract (`makeClient(jijuApi)`), on the page's own origin, with the
 * session cookie, asking for problems in the interface language.
 * @example const api = jijuClient(fetch, () => "zh"); const { data } = await api.me({})
 */
export const jijuClient = (fetcher: typeof fetch, lang: () => Lang): JijuClient =>
  makeClient(jijuApi, {
    baseUrl: "",
    fetch: fetcher,
    headers: () => ({ "accept-language": lang() === "zh" ? "zh-CN,zh;q=0.9" : "en" }),
    credentials: "same-origin",
  })
