import type { InputError } from "@jiju/domain/model"
import * as Effect from "effect/Effect"
import { type NotFound, notFound, Stale, VersionRequired } from "../Failure.js"

/**
 * The ETag of a register entry: its version ("v3"). Every register entry (region, indicator, zone) is changed
 * under the same rule: the caller sends the ETag it read, and a change of another version is refused as stale.
 * @example etagOf({ version: 3 }) // "\"v3\""
 */
export const etagOf = (entry: { readonly version: number }): string => `"v${entry.version}"`

/**
 * The version a caller read, from its If-Match text (`"v3"`, also `W/"v3"`); VersionRequired when absent, Stale
 * when it names no version of ours.
 * @example yield* versionFrom('"v3"') // 3
 */
export const versionFrom = (ifMatch: string | undefined): Effect.Effect<number, VersionRequired | Stale> => {
  if (ifMatch === undefined || ifMatch.trim() === "")
    return Effect.fail(
      new VersionRequired({ code: "if_match_required", en: "send If-Match with the ETag you read", zh: "请在 If-Match 请求头中提供读取时的 ETag" }),
    )
  const m = ifMatch
    .trim()
    .replace(/^W\//, "")
    .match(/^"v(\d+)"$/)
  return m
    ? Effect.succeed(Number(m[1]))
    : Effect.fail(
        new Stale({
          code: "version_mismatch",
          en: `If-Match ${ifMatch} names no version of this entry; read it again`,
          zh: `If-Match ${ifMatch} 不是本记录的版本，请重新读取`,
          current: "",
        }),
      )
}

/**
 * The store's "not_found" and "version_conflict" as the use case failures NotFound and Stale; other input errors
 * pass unchanged.
 * @example change.pipe(Effect.catchTag("InputError", registerFailure("region", code)))
 */
export const registerFailure =
  (what: string, key: string) =>
  (e: InputError): Effect.Effect<never, InputError | NotFound | Stale> => {
    if (e.code === "not_found") return Effect.fail(notFound(what, key))
    if (e.code === "version_conflict") {
      const actual = e.issues?.[0]?.value
      return Effect.fail(new Stale({ code: "version_mismatch", en: e.message, zh: e.zh, current: typeof actual === "number" ? `"v${actual}"` : "" }))
    }
    return Effect.fail(e)
  }
