import { type AppRuntime, releaseJobs, runNextJob } from "@jiju/app"

/** A running job worker; `stop` lets the job in hand finish (up to `graceMs`) and re-queues it otherwise. */
export interface JobWorker {
  /** Look for work now (after an enqueue) instead of at the next poll. */
  kick(): void
  stop(graceMs?: number): Promise<void>
  /** Jobs this worker finished, for tests and logs. */
  done(): number
}

/**
 * Poll the job table and answer jobs one at a time through the application core (the analysis itself runs in a
 * worker thread). Several processes may share one PostgreSQL: each job is claimed once.
 * @example const worker = startJobWorker(runtime, { workerId: "api-1", pollMs: 250 }); await worker.stop()
 */
export const startJobWorker = (runtime: AppRuntime, opts: { readonly workerId: string; readonly pollMs: number }): JobWorker => {
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
        found = await runtime.run(runNextJob(opts.workerId))
        if (found) finished++
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
      await runtime.run(releaseJobs(opts.workerId)).catch(() => 0)
    },
  }
}
