import { newId } from "./password.js"
import { type AuthSql, isoOrNull } from "./Sql.js"

/** A job's lifecycle: queued → running → succeeded | failed. */
export type JobStatus = "queued" | "running" | "succeeded" | "failed"

/** A background job as stored. */
export interface Job {
  readonly id: string
  readonly kind: string
  readonly status: JobStatus
  readonly input: unknown
  readonly progress: number
  readonly result: unknown
  readonly error: unknown
  readonly createdBy: string
  readonly createdAt: string
  readonly startedAt: string | null
  readonly finishedAt: string | null
  readonly claimedBy: string | null
  readonly attempts: number
}

const toJob = (r: Record<string, unknown>): Job => ({
  id: String(r.id),
  kind: String(r.kind),
  status: r.status as JobStatus,
  input: r.input,
  progress: Number(r.progress),
  result: r.result ?? null,
  error: r.error ?? null,
  createdBy: String(r.created_by),
  createdAt: isoOrNull(r.created_at)!,
  startedAt: isoOrNull(r.started_at),
  finishedAt: isoOrNull(r.finished_at),
  claimedBy: r.claimed_by == null ? null : String(r.claimed_by),
  attempts: Number(r.attempts),
})

/**
 * The job queue in the database. Several API processes may share one PostgreSQL: `claim` takes the
 * oldest queued job with `FOR UPDATE SKIP LOCKED`, so no two workers ever take the same job.
 *
 * @example
 * const jobs = makeJobs(sql)
 * const job = await jobs.enqueue("moran", input, "admin")
 * const mine = await jobs.claim("worker-1")
 */
export const makeJobs = (sql: AuthSql) => ({
  async enqueue(kind: string, input: unknown, createdBy: string): Promise<Job> {
    const rows = await sql.query("INSERT INTO jobs (id, kind, status, input, created_by) VALUES ($1, $2, 'queued', $3::jsonb, $4) RETURNING *", [
      newId("job"),
      kind,
      JSON.stringify(input),
      createdBy,
    ])
    return toJob(rows[0]!)
  },

  async get(id: string): Promise<Job | undefined> {
    const rows = await sql.query("SELECT * FROM jobs WHERE id = $1", [id])
    return rows[0] ? toJob(rows[0]) : undefined
  },

  /** Take the oldest queued job for this worker, or undefined when the queue is empty. */
  async claim(worker: string): Promise<Job | undefined> {
    const rows = await sql.query(
      `UPDATE jobs SET status = 'running', claimed_by = $1, started_at = now(), attempts = attempts + 1
        WHERE id = (SELECT id FROM jobs WHERE status = 'queued' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [worker],
    )
    return rows[0] ? toJob(rows[0]) : undefined
  },

  async progress(id: string, worker: string, fraction: number): Promise<void> {
    await sql.query("UPDATE jobs SET progress = $3 WHERE id = $1 AND claimed_by = $2 AND status = 'running'", [id, worker, Math.max(0, Math.min(1, fraction))])
  },

  async succeed(id: string, worker: string, result: unknown): Promise<void> {
    await sql.query(
      `UPDATE jobs SET status = 'succeeded', progress = 1, result = $3::jsonb, finished_at = now()
        WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
      [id, worker, JSON.stringify(result)],
    )
  },

  async fail(id: string, worker: string, error: unknown): Promise<void> {
    await sql.query(
      `UPDATE jobs SET status = 'failed', error = $3::jsonb, finished_at = now()
        WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
      [id, worker, JSON.stringify(error)],
    )
  },

  /**
   * At shutdown: put this worker's running jobs back in the queue (when they may be retried) or
   * mark them failed. Returns how many were touched.
   */
  async release(worker: string, mode: "requeue" | "fail"): Promise<number> {
    const rows =
      mode === "requeue"
        ? await sql.query(
            `UPDATE jobs SET status = 'queued', claimed_by = NULL, started_at = NULL, progress = 0
              WHERE claimed_by = $1 AND status = 'running' RETURNING id`,
            [worker],
          )
        : await sql.query(
            `UPDATE jobs SET status = 'failed', finished_at = now(),
                    error = '{"code":"shutdown","message":"the server stopped while the job ran"}'::jsonb
              WHERE claimed_by = $1 AND status = 'running' RETURNING id`,
            [worker],
          )
    return rows.length
  },
})

export type Jobs = ReturnType<typeof makeJobs>
