/**
 * One operation of the HTTP API, described once: method, path, who may call it, the Schemas of its path
 * parameters, query, body and success response, and the error statuses it can answer. The server registers
 * its routes from these descriptions, the OpenAPI document is generated from them, and the clients (the web
 * app, the dashboard) are derived from them.
 */
import type * as Schema from "effect/Schema"
import type { Bilingual } from "../model/errors.js"

/** An HTTP method of the API. */
export type Method = "get" | "post" | "put" | "delete"

/** Who may call an operation, in words (the use case enforces it; the tests check the two agree). */
export type Access = "public" | "signed_in" | "admin" | "admin_viewer" | "zone_writer" | "zone_reader" | "results_reader"

/** What each {@link Access} means, for the reference page and the OpenAPI description. */
export const accessText: Record<Access, Bilingual> = {
  public: { zh: "无需登录", en: "anyone" },
  signed_in: { zh: "已登录的任何角色", en: "any signed-in role" },
  admin: { zh: "仅管理员", en: "admins only" },
  admin_viewer: { zh: "管理员、查看者", en: "admins and viewers" },
  zone_writer: { zh: "管理员；填报员仅限本集聚区", en: "admins; submitters for their own zones only" },
  zone_reader: { zh: "管理员、查看者；填报员仅限本集聚区", en: "admins and viewers; submitters for their own zones only" },
  results_reader: {
    zh: "已发布结果：已登录者（公开发布时任何人）；未发布结果：管理员、查看者，填报员仅本集聚区",
    en: "published results: signed-in callers (anyone when results are public); drafts: admins and viewers, submitters only their own zones",
  },
}

/** A request body that is a file's bytes (CSV, TSV or XLSX), not JSON. */
export interface FileBody {
  readonly _tag: "FileBody"
  /** Media types accepted. */
  readonly media: ReadonlyArray<string>
}

/** The file body of an import. */
export const fileBody: FileBody = {
  _tag: "FileBody",
  media: ["text/csv", "text/tab-separated-values", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"],
}

/** The media type of an Excel workbook (.xlsx). */
export const xlsxMedia = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/** The media type of a Word document (.docx). */
export const docxMedia = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/** The media type of a PDF document. */
export const pdfMedia = "application/pdf"

/** The success answer of an operation. */
export interface Success {
  readonly status: 200 | 201 | 202 | 204
  /** The JSON body's Schema; absent for 204 and for non-JSON bodies. */
  readonly schema?: Schema.Top
  /** Non-JSON answers: a web page, or a file download. */
  readonly media?: "text/html" | "text/javascript" | "application/octet-stream" | typeof xlsxMedia | typeof docxMedia | typeof pdfMedia
}

/** An error status an operation documents (each answered as RFC 9457 problem details). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 423 | 428 | 429 | 503

/** The description of one operation. */
export interface Endpoint {
  /** Stable operation id (OpenAPI operationId, client method name). */
  readonly id: string
  readonly method: Method
  /** The path with `{name}` parameters, e.g. "/v1/clusters/{id}". */
  readonly path: string
  readonly tag: "service" | "auth" | "register" | "observations" | "analyses" | "assessments" | "judgements" | "projects"
  readonly summary: Bilingual
  readonly access: Access
  /** A struct of the path parameters. */
  readonly params?: Schema.Top
  /** A struct of the query parameters (string values). */
  readonly query?: Schema.Top
  readonly body?: Schema.Top | FileBody
  /** The request must send If-Match with the ETag read (optimistic concurrency). */
  readonly ifMatch?: boolean
  readonly success: Success
  readonly errors: ReadonlyArray<ErrorStatus>
}

/**
 * Declare an operation, keeping its literal types (for the typed server handlers and clients).
 * @example
 * const getRegion = endpoint({ id: "getRegion", method: "get", path: "/v1/regions/{code}", tag: "register",
 *   summary: { zh: "读取区域", en: "One region" }, access: "signed_in", params: Schema.Struct({ code: Schema.String }),
 *   success: { status: 200, schema: RegionEntry }, errors: [401, 404] })
 */
export const endpoint = <const E extends Endpoint>(e: E): E => e

/** A set of operations by id. */
export type Contract = Readonly<Record<string, Endpoint>>

type TypeOf<S> = S extends Schema.Top ? S["Type"] : undefined

/** What a handler of an operation receives (decoded, camelCase). */
export interface RequestOf<E extends Endpoint> {
  readonly params: TypeOf<E["params"]>
  readonly query: TypeOf<E["query"]>
  readonly body: E["body"] extends FileBody ? Uint8Array : TypeOf<E["body"]>
}

/** What a handler of an operation returns (before encoding). */
export type ResponseOf<E extends Endpoint> = E["success"]["schema"] extends Schema.Top ? E["success"]["schema"]["Type"] : undefined

/**
 * Whether a body is a file upload rather than JSON.
 * @example isFileBody(fileBody) // true
 */
export const isFileBody = (b: Endpoint["body"]): b is FileBody => b !== undefined && (b as FileBody)._tag === "FileBody"
