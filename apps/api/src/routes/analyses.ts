import { decodeOrThrow } from "@jiju/domain/model"
import { Hono } from "hono"
import { analyses } from "../analyses/index.js"
import type { AppEnv } from "../http/env.js"
import { ApiProblem, problemDocument, problems, toApiProblem } from "../http/problem.js"
import { actorOf, requireRole } from "../security/principal.js"
import type { Services } from "../services.js"

const readJson = async (text: string): Promise<unknown> => {
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiProblem(400, "malformed_json", { en: "the body is not valid JSON", zh: "请求体不是有效的 JSON" })
  }
}

/**
 * POST /v1/analyses/{kind}: the CLI's JSON document for the same data and options. With
 * `Prefer: respond-async` (or `?async=1`) the analysis runs as a job: 202 and Location /v1/jobs/{id}.
 */
export const analysisRoutes = (s: Services, kick: () => void) =>
  new Hono<AppEnv>()
    .get("/analyses", (c) => {
      requireRole(c)
      return c.json({ items: Object.entries(analyses).map(([name, a]) => ({ name, summary: a.summary })) })
    })
    .post("/analyses/:kind", async (c) => {
      const who = requireRole(c)
      const kind = c.req.param("kind")
      const analysis = analyses[kind]
      if (!analysis) throw problems.notFound("analysis", kind)
      const raw = await readJson(await c.req.text())
      const input = decodeOrThrow(analysis.schema, raw, kind)
      const async = /respond-async/i.test(c.req.header("prefer") ?? "") || c.req.query("async") === "1"
      if (async) {
        const job = await s.jobs.enqueue(kind, raw, actorOf(who))
        kick()
        c.header("Location", `/v1/jobs/${job.id}`)
        return c.json({ id: job.id, status: job.status, location: `/v1/jobs/${job.id}` }, 202)
      }
      return c.json((await analysis.run(input as never, async () => undefined)) as Record<string, unknown>)
    })
    .get("/jobs/:id", async (c) => {
      const who = requireRole(c)
      const job = await s.jobs.get(c.req.param("id"))
      // Another caller's job is reported as absent, not forbidden: ids do not leak.
      if (!job || (who.role !== "admin" && job.createdBy !== actorOf(who))) throw problems.notFound("job", c.req.param("id"))
      const error =
        job.error && typeof job.error === "object"
          ? problemDocument(
              toApiProblem(
                new ApiProblem(
                  Number((job.error as { status?: number }).status ?? 500),
                  String((job.error as { code?: string }).code ?? "internal"),
                  (job.error as { detail?: { en: string; zh: string } }).detail ?? { en: "failed", zh: "失败" },
                  (job.error as { errors?: Array<{ field: string; en: string; zh: string }> }).errors ?? [],
                ),
              ),
              c.get("lang"),
            )
          : null
      if (job.status === "queued" || job.status === "running") c.header("Retry-After", "1")
      return c.json({
        id: job.id,
        kind: job.kind,
        status: job.status,
        progress: job.progress,
        createdAt: job.createdAt,
        startedAt: job.startedAt,
        finishedAt: job.finishedAt,
        result: job.result as Record<string, unknown> | null,
        error,
      })
    })
