import type { JijuClient } from "./client.js"
import type { JobWire } from "./wire.js"

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A job that failed on the server, with its problem in both languages. */
export class JobFailed extends Error {
  constructor(readonly problem: NonNullable<JobWire["error"]>) {
    super(problem.en)
    this.name = "JobFailed"
  }
}

/**
 * Follow a queued analysis job (GET /v1/jobs/{id}) until it ends, reporting its progress (0–1); resolves with its
 * document, rejects with {@link JobFailed}.
 * @example const doc = await followJob(api, (await api.queueCoupling({ body })).data.id, setProgress)
 */
export const followJob = async (api: JijuClient, id: string, onProgress: (fraction: number) => void, every = 400): Promise<unknown> => {
  for (;;) {
    const { data: job } = await api.getJob({ params: { id } })
    onProgress(job.progress)
    if (job.status === "succeeded") return job.result
    if (job.status === "failed") throw new JobFailed(job.error ?? { code: "job_failed", en: "the job failed", zh: "任务失败", issues: [] })
    await sleep(every)
  }
}
