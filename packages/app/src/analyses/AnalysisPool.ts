import { availableParallelism } from "node:os"
import { Worker } from "node:worker_threads"
import { ComputationError, InputError } from "@jiju/domain/model"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Unavailable } from "../Failure.js"

/** How many analyses run at once, and how many may wait. */
export interface PoolLimits {
  /** Worker threads (default: the cores but one, at least one). */
  readonly threads: number
  /** Requests waiting for a thread before new ones are refused (Unavailable "busy"). */
  readonly queue: number
}

/** Runs analyses in worker threads, so that no request holds the server's event loop. */
export interface AnalysisPoolShape {
  /** Answer one analysis request (its body in TypeScript casing); `onProgress` gets fractions done. */
  run(name: string, body: unknown, onProgress?: (fraction: number) => void): Effect.Effect<unknown, InputError | ComputationError | Unavailable>
  /** Requests running and waiting now. */
  load(): { readonly running: number; readonly waiting: number }
}

/** The analysis pool of this process. */
export class AnalysisPool extends Context.Service<AnalysisPool, AnalysisPoolShape>()("@jiju/app/AnalysisPool") {}

type Reply =
  | { readonly id: number; readonly progress: number }
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: { tag: string; code?: string; message: string; zh?: string; issues?: [] } }

interface Task {
  readonly id: number
  readonly name: string
  readonly body: unknown
  readonly onProgress: ((f: number) => void) | undefined
  readonly resolve: (v: unknown) => void
  readonly reject: (e: unknown) => void
}

const WORKER = new URL("./analysisWorker.mjs", import.meta.url)

const revive = (e: Extract<Reply, { ok: false }>["error"]): unknown =>
  e.tag === "InputError"
    ? new InputError({ code: e.code ?? "invalid", message: e.message, zh: e.zh ?? e.message, issues: e.issues ?? [] })
    : e.tag === "ComputationError"
      ? new ComputationError({ code: e.code ?? "computation", message: e.message, zh: e.zh ?? e.message })
      : new Error(e.message)

/**
 * A pool of worker threads started on first use; `close` ends them.
 * @example const pool = makeAnalysisPool({ threads: 1, queue: 8 }); await pool.submit("moran", body)
 */
export const makeAnalysisPool = (limits: PoolLimits) => {
  const idle: Worker[] = []
  const all: Worker[] = []
  const waiting: Task[] = []
  const running = new Map<Worker, Task>()
  let next = 1
  let closed = false
  const start = (): Worker => {
    // The threads run the built domain: a test runner's source conditions (TypeScript) are not passed on.
    const execArgv = process.execArgv.filter((a, i, all) => !/^(-C|--conditions)(=|$)/.test(a) && !/^(-C|--conditions)$/.test(all[i - 1] ?? ""))
    const w = new Worker(WORKER, { execArgv })
    w.unref()
    w.on("message", (m: Reply) => {
      const task = running.get(w)
      if (!task || task.id !== m.id) return
      if ("progress" in m) return task.onProgress?.(m.progress)
      running.delete(w)
      if (m.ok) task.resolve(m.value)
      else task.reject(revive(m.error))
      idle.push(w)
      pump()
    })
    w.on("error", (e) => {
      // A crashed thread fails its task and is replaced on the next demand.
      const task = running.get(w)
      running.delete(w)
      all.splice(all.indexOf(w), 1)
      task?.reject(e)
      pump()
    })
    all.push(w)
    return w
  }
  const pump = () => {
    while (waiting.length > 0 && !closed) {
      const w = idle.pop() ?? (all.length < limits.threads ? start() : undefined)
      if (!w) return
      const task = waiting.shift()!
      running.set(w, task)
      w.postMessage({ id: task.id, name: task.name, body: task.body })
    }
  }
  return {
    submit: (name: string, body: unknown, onProgress?: (f: number) => void): Promise<unknown> =>
      new Promise((resolve, reject) => {
        waiting.push({ id: next++, name, body, onProgress, resolve, reject })
        pump()
      }),
    load: () => ({ running: running.size, waiting: waiting.length }),
    close: async () => {
      closed = true
      for (const t of waiting.splice(0)) t.reject(new Error("the analysis pool closed"))
      await Promise.all(all.map((w) => w.terminate()))
    },
  }
}

const busy = (limits: PoolLimits) =>
  new Unavailable({
    code: "busy",
    en: `${limits.threads} analyses are running and ${limits.queue} wait; try again shortly or send it to the job queue`,
    zh: `已有 ${limits.threads} 项分析在运行、${limits.queue} 项在等待；请稍后重试，或提交为后台任务`,
  })

/**
 * The analysis pool as a layer (threads end with the layer).
 * @example Layer.mergeAll(databaseLayer(opts), analysisPoolLayer())
 */
export const analysisPoolLayer = (over: Partial<PoolLimits> = {}): Layer.Layer<AnalysisPool> =>
  Layer.effect(
    AnalysisPool,
    Effect.map(
      Effect.acquireRelease(
        Effect.sync(() => {
          const limits: PoolLimits = { threads: Math.max(1, availableParallelism() - 1), queue: 16, ...over }
          return { limits, pool: makeAnalysisPool(limits) }
        }),
        ({ pool }) => Effect.promise(() => pool.close()),
      ),
      ({ limits, pool }): AnalysisPoolShape => ({
        run: (name, body, onProgress) =>
          pool.load().waiting >= limits.queue
            ? Effect.fail(busy(limits))
            : Effect.flatMap(
                Effect.promise(() =>
                  pool.submit(name, body, onProgress).then(
                    (value) => ({ ok: true as const, value }),
                    (error: unknown) => ({ ok: false as const, error }),
                  ),
                ),
                // The domain's input and computation errors are the caller's to read; anything else is a defect (500).
                (r) =>
                  r.ok
                    ? Effect.succeed(r.value)
                    : r.error instanceof InputError || r.error instanceof ComputationError
                      ? Effect.fail(r.error)
                      : Effect.die(r.error),
              ),
        load: () => pool.load(),
      }),
    ),
  )
