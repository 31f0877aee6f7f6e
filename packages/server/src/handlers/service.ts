import { readiness } from "@jiju/app"
import { jijuApi, openApiDocument, type serviceApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { docsPage, docsScript } from "../docsPage.js"
import { type Handlers, reply } from "../http/bind.js"

let openApi: Record<string, unknown> | undefined
let page: Uint8Array | undefined
const docsBytes = (): Uint8Array => {
  page ??= new TextEncoder().encode(docsPage(jijuApi))
  return page
}
const openApiDoc = () => {
  openApi ??= openApiDocument(jijuApi)
  return openApi
}
const script = new TextEncoder().encode(docsScript)

/** The service's own operations. */
export const serviceHandlers: Handlers<typeof serviceApi> = {
  health: () => Effect.succeed({ status: "ok" as const }),
  ready: () => readiness(),
  openapi: () => Effect.sync(openApiDoc),
  docs: () => Effect.sync(() => reply(undefined, { bytes: docsBytes(), contentType: "text/html; charset=utf-8" })),
  docsScript: () => Effect.succeed(reply(undefined, { bytes: script, contentType: "text/javascript; charset=utf-8" })),
}
