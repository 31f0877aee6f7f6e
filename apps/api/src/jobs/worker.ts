import { decodeOrThrow } from "@jiju/domain/model"
import type { Job } from "@jiju/store"
import { analyses } from "../analyses/index.js"
import { toApiProblem } from "../http/problem.js"
import type { Services } from "../services.js"

/** A running job worker; `stop` lets the job in hand finish (up to `graceMs`) and re-queues it otherwise. */
export interface Worker {
  /** Look for work now (after an enqueue) instead of at the next poll. */
  kick(): void
  stop(graceMs?: number): Promise<void>
  /** Jobs this worker finished, for tests and logs. */
  readonly done: () => number
}

/** Run one claimed job to its end state (succeeded with the result, or failed with a problem). */
export const runJob = async (s: Services, worker: string, job: Job): Promise<void> => {
  try {
    const analysis = analyses[job.kind]
    if (!analysis) throw new Error(`no analysis "${job.kind}"`)
    const input = decodeOrThrow(analysis.schema, job.input, job.kind)
    // Let the event loop breathe before a CPU-bound computation.
    await new Promise((r) => setImmediate(r))
    const result = await analysis.run(input as never, (f) => s.jobs.progress(job.id, worker, f))
    await s.jobs.succeed(job.id, worker, result)
  } catch (e) {
    const p = toApiProblem(e)
    await s.jobs.fail(job.id, worker, { status: p.status, code: p.code, detail: p.detail, errors: p.errors })
  }
}

/**
 * Poll the job table and run jobs one at a time. Several processes may run workers against one
 * PostgreSQL: claims use FOR UPDATE SKIP LOCKED, so each job runs once.
 *
 * @example
 * const worker = startWorker(services, { workerId: "api-1", pollMs: 250 })
 * await worker.stop()
 */
export const startWorker = (s: Services, opts: { workerId: string; pollMs: number }): Worker => {
  let stopping = false
  let busy: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined
  let finished = 0
  const schedule = (ms: number) => {
    if (stopping) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(tick, ms)
    timer.unref?.()
  }
  const tick = () => {
    if (stopping || busy) return
    busy = (async () => {
      let found = false
      try {
        const job = await s.jobs.claim(opts.workerId)
        if (job) {
          found = true
          await runJob(s, opts.workerId, job)
          finished++
        }
      } catch {
        // The database may be briefly unavailable; try again at the next poll.
      }
      busy = undefined
      schedule(found ? 0 : opts.pollMs)
    })()
  }
  schedule(0)
  return {
    kick: () => schedule(0),
    done: () => finished,
    stop: async (graceMs = 10_000) => {
      stopping = true
      if (timer) clearTimeout(timer)
      if (busy) await Promise.race([busy, new Promise((r) => setTimeout(r, graceMs))])
      // A job still in hand after the grace period goes back to the queue for another process.
      await s.jobs.release(opts.workerId, "requeue").catch(() => 0)
    },
  }
}
