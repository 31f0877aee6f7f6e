import { readiness } from "@jiju/app"
import { jijuApi, openApiDocument, type serviceApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { docsPage, docsScript } from "../docsPage.js"
import { type Handlers, reply } from "../http/bind.js"

let openApi: Record<string, unknown> | undefined
let page: Uint8Array | undefined
const script = new TextEncoder().encode(docsScript)

/** The service's own operations. */
export const serviceHandlers: Handlers<typeof serviceApi> = {
  health: () => Effect.succeed({ status: "ok" as const }),
  ready: () => readiness(),
  openapi: () => Effect.sync(() => (openApi ??= openApiDocument(jijuApi))),
  docs: () =>
    Effect.sync(() => {
      page ??= new TextEncoder().encode(docsPage(jijuApi))
      return reply(undefined, { bytes: page, contentType: "text/html; charset=utf-8" })
    }),
  docsScript: () => Effect.succeed(reply(undefined, { bytes: script, contentType: "text/javascript; charset=utf-8" })),
}
