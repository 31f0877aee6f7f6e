import type { AppRuntime, AppServices, Caller } from "@jiju/app"
import { type Contract, type Endpoint, fromWire, isFileBody, type RequestOf, type ResponseOf, toWire, wirePath } from "@jiju/domain/contract"
import { decodeOrThrow, InputError, type Language } from "@jiju/domain/model"
import type * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Schema from "effect/Schema"
import type { Context, Hono } from "hono"
import { HttpProblem } from "./Problem.js"

/** What middleware puts on the request context. */
export interface HttpEnv {
  Variables: {
    lang: Language
    caller: Caller
    /** The caller's address (rate limits, the audit of sign-ins). */
    ip: string
    /** Whether the session cookie is sent with `Secure` (the deployment's setting). */
    secureCookies: boolean
  }
}

/** What a handler knows of the request besides its decoded parameters. */
export interface HandlerContext {
  readonly caller: Caller
  readonly lang: Language
  readonly ip: string
  /** The If-Match header, for changes under optimistic concurrency. */
  readonly ifMatch: string | undefined
  /** Any request header (lower-case name). */
  header(name: string): string | undefined
  /** The raw Hono context, for the few handlers that set cookies. */
  readonly hono: Context<HttpEnv>
}

const ReplyTag = Symbol.for("@jiju/server/Reply")

/** A handler's answer with a status or headers besides the body. */
export interface Reply<A> {
  readonly [ReplyTag]: true
  readonly body: A
  readonly status?: number | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Bytes already encoded (a cached JSON document): sent as they are, with `contentType`. */
  readonly bytes?: Uint8Array | undefined
  readonly contentType?: string | undefined
}

/**
 * A body with a status or headers (ETag, Location, Cache-Control).
 * @example return reply(region, { status: 201, headers: { ETag: etagOf(region), Location: `/v1/regions/${region.code}` } })
 */
export const reply = <A>(body: A, opts: Omit<Reply<A>, typeof ReplyTag | "body"> = {}): Reply<A> => ({ [ReplyTag]: true, body, ...opts })

const isReply = (v: unknown): v is Reply<unknown> => typeof v === "object" && v !== null && (v as Reply<unknown>)[ReplyTag] === true

/** The function answering one operation: decoded input in, a use case's effect out. */
export type Handler<E extends Endpoint> = (
  req: RequestOf<E>,
  ctx: HandlerContext,
) => Effect.Effect<ResponseOf<E> | Reply<ResponseOf<E>> | Reply<unknown>, unknown, AppServices>

/** One handler per operation of a contract: the compiler refuses a contract operation without its handler. */
export type Handlers<C extends Contract> = { readonly [K in keyof C]: Handler<C[K]> }

const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1")

// Decode errors name fields by their TypeScript path; the client sent the wire (snake_case) names.
const onWire = <A>(f: () => A): A => {
  try {
    return f()
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError({
        code: e.code,
        message: e.message,
        zh: e.zh,
        issues: (e.issues ?? []).map((i) => ({ ...i, ...(i.column !== undefined ? { column: wirePath(i.column) } : {}) })),
      })
    throw e
  }
}

// Text PostgreSQL cannot store (NUL) or that is not well-formed Unicode (a lone surrogate) never reaches a use case.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const checkText = (v: unknown, path: string): void => {
  if (typeof v === "string") {
    if (v.includes("\u0000") || LONE_SURROGATE.test(v))
      throw new InputError({
        code: "bad_text",
        message: `${path || "the body"}: text with a NUL character or a lone surrogate is not accepted`,
        zh: `${path || "请求体"}：文本含 NUL 字符或不成对的代理码位，不予接受`,
        issues: [
          {
            code: "bad_text",
            column: path,
            en: `${path || "the body"}: NUL characters and lone surrogates are not accepted`,
            zh: `${path || "请求体"}：不接受 NUL 字符和不成对的代理码位`,
          },
        ],
      })
    return
  }
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) checkText(x, path ? `${path}.${i}` : String(i))
  } else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) checkText(x, path ? `${path}.${k}` : k)
}

const jsonBody = async (c: Context<HttpEnv>, schema: Schema.Top, what: string): Promise<unknown> => {
  const type = c.req.header("content-type") ?? ""
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new HttpProblem(415, "unsupported_media_type", "send the body as application/json", "请求体应为 application/json")
  const text = await c.req.text()
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new HttpProblem(400, "malformed_json", "the body is not valid JSON", "请求体不是有效的 JSON")
  }
  checkText(raw, "")
  return onWire(() => decodeOrThrow(schema, fromWire(schema, raw), what))
}

const fileBody = async (c: Context<HttpEnv>, media: ReadonlyArray<string>): Promise<Uint8Array> => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase()
  if (!media.includes(type))
    throw new HttpProblem(415, "unsupported_media_type", `send the file as one of ${media.join(", ")}`, `文件的内容类型应为 ${media.join("、")} 之一`)
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.length === 0) throw new HttpProblem(400, "empty_file", "the request body is empty; send the file's bytes", "请求体为空，请发送文件内容")
  return bytes
}

/**
 * Answer one operation: decode the path parameters, query and body with the operation's Schemas (from the wire's
 * snake_case), run its handler's use case through the application runtime, and encode the answer with the
 * success Schema (to snake_case). A failure is thrown for the app's error handler to turn into a problem.
 */
const answer = async (e: Endpoint, handler: Handler<Endpoint>, runtime: AppRuntime, c: Context<HttpEnv>): Promise<Response> => {
  // Credentials before the request is checked: a caller without them learns nothing about what input is valid.
  // (The use case checks the caller's rights again; this only spares decoding for operations that need a caller.)
  if (e.access !== "public" && e.access !== "results_reader" && c.get("caller") === undefined)
    throw new HttpProblem(401, "unauthorized", "log in or send a bearer token", "请先登录或提供访问令牌")
  const params = e.params ? onWire(() => decodeOrThrow(e.params!, c.req.param(), "path")) : undefined
  const rawQuery = c.req.query()
  checkText(rawQuery, "")
  const query = e.query ? onWire(() => decodeOrThrow(e.query!, fromWire(e.query!, rawQuery), "query")) : undefined
  const body = e.body === undefined ? undefined : isFileBody(e.body) ? await fileBody(c, e.body.media) : await jsonBody(c, e.body, e.id)
  const ctx: HandlerContext = {
    caller: c.get("caller"),
    lang: c.get("lang"),
    ip: c.get("ip"),
    ifMatch: c.req.header("if-match"),
    header: (name) => c.req.header(name),
    hono: c,
  }
  const exit = await runtime.runExit(handler({ params, query, body } as never, ctx))
  if (Exit.isFailure(exit)) throw failureOf(exit)
  const out = exit.value
  const r = isReply(out) ? out : undefined
  const value = r ? r.body : out
  for (const [k, v] of Object.entries(r?.headers ?? {})) c.header(k, v)
  const status = (r?.status ?? e.success.status) as 200
  if (r?.bytes) return c.body(r.bytes as Uint8Array<ArrayBuffer>, status, { "content-type": r.contentType ?? "application/json; charset=UTF-8" })
  if (status === (204 as number) || !e.success.schema) return c.body(null, status)
  const schema = e.success.schema
  return c.json(toWire(schema, Schema.encodeUnknownSync(schema as never)(value)) as object, status)
}

const failureOf = (exit: Exit.Failure<unknown, unknown>): unknown => {
  const reasons = exit.cause.reasons
  const fail = reasons.find((x) => x._tag === "Fail")
  if (fail && "error" in fail) return fail.error
  const die = reasons.find((x) => x._tag === "Die")
  return die && "defect" in die ? die.defect : new Error("interrupted")
}

/**
 * Register every operation of a contract on a Hono app with its handler. Routes are made from the contract alone,
 * so the OpenAPI description and the served routes cannot drift apart.
 * @example bindContract(app, jijuApi, handlers, runtime)
 */
export const bindContract = <C extends Contract>(app: Hono<HttpEnv>, contract: C, handlers: Handlers<C>, runtime: AppRuntime): void => {
  for (const [id, e] of Object.entries(contract)) {
    const handler = handlers[id as keyof C] as unknown as Handler<Endpoint>
    app.on(e.method.toUpperCase(), honoPath(e.path), (c) => answer(e, handler, runtime, c))
  }
}
