import type { Db } from "../db/Db.js"

/** One period's values for one cluster, as its management committee submits them. */
export interface ClusterSubmission {
  readonly clusterId: string
  readonly period: string
  /** indicator code → value (codes checked against the catalogue by the caller). */
  readonly values: Readonly<Record<string, number>>
  readonly source: string
  readonly submitter: string
  readonly submittedAt: string
  readonly note: string | null
  /** Overwrite values already stored for the period (a correction) instead of refusing them. */
  readonly replace?: boolean
  /** The client's Idempotency-Key and the hash of its request: a key the submitter already used writes nothing. */
  readonly idempotency?: { readonly key: string; readonly hash: string }
}

/** Values a submission found already stored for its period: indicator code → value. */
export type StoredValues = Readonly<Record<string, number>>

/** What became of a submission: written (with the values it replaced), or refused with nothing written. */
export type SubmissionOutcome =
  | { readonly kind: "written"; readonly written: number; readonly replaced: StoredValues | null }
  | { readonly kind: "unknown_cluster" }
  | { readonly kind: "archived" }
  | { readonly kind: "duplicate"; readonly existing: StoredValues }
  | { readonly kind: "replayed" }

const stored = (v: unknown): StoredValues | null => (v == null ? null : ((typeof v === "string" ? JSON.parse(v) : v) as StoredValues))

/**
 * Write submissions, each with its audit entry, in one call of the `jiju_submit_many` database function
 * (migration 0300): one round trip and one commit for the lot. Each submission is decided on its own
 * (a refused one does not hold back the others), and the clusters' row locks serialise submissions for one
 * zone across processes. Without `replace`, indicators that already have a value for the period make that
 * submission a duplicate; with it, they are overwritten and the audit entry keeps their old values.
 * Each cluster may appear once per call; a database error fails the whole call and writes nothing.
 *
 * @example
 * const [r] = await submitClusterValues(db, [{ clusterId: "zz-qibin", period: "2025-03", values: { revenue: 12.5 },
 *   source: "submission", submitter: "token:tok_1", submittedAt: new Date().toISOString(), note: null }])
 */
export const submitClusterValues = async (db: Db, batch: ReadonlyArray<ClusterSubmission>): Promise<SubmissionOutcome[]> => {
  if (batch.length === 0) return []
  if (new Set(batch.map((s) => s.clusterId)).size < batch.length)
    throw new Error("submitClusterValues: a cluster appears twice in one call; submit the second in a later call")
  const items = batch.map((s) => ({
    cluster: s.clusterId,
    period: s.period,
    values: s.values,
    source: s.source,
    submitter: s.submitter,
    at: s.submittedAt,
    note: s.note,
    replace: s.replace === true,
    ...(s.idempotency ? { key: s.idempotency.key, hash: s.idempotency.hash } : {}),
  }))
  const rows = await db.query<{ ord: number; outcome: string; existing: unknown; written: number }>(
    "select ord, outcome, existing, written from jiju_submit_many($1::jsonb)",
    [JSON.stringify(items)],
  )
  if (rows.length !== batch.length) throw new Error(`jiju_submit_many answered ${rows.length} of ${batch.length} submissions`)
  return rows.map((row): SubmissionOutcome => {
    switch (row.outcome) {
      case "unknown_cluster":
        return { kind: "unknown_cluster" }
      case "archived":
        return { kind: "archived" }
      case "duplicate":
        return { kind: "duplicate", existing: stored(row.existing) ?? {} }
      case "written":
        return { kind: "written", written: Number(row.written), replaced: stored(row.existing) }
      case "replayed":
        return { kind: "replayed" }
      default:
        throw new Error(`jiju_submit_many returned an unexpected outcome: ${String(row.outcome)}`)
    }
  })
}

/**
 * Submissions from many concurrent requests, coalesced (group commit): one call goes to the database at
 * a time, and the submissions that arrive meanwhile go together in the next. A lone submission waits only
 * for the current turn of the event loop. Under load one call carries many, which is what lifts the rate
 * of the embedded store, where every call has a fixed cost. A second submission for a cluster already in
 * the batch waits for the next call; when a call fails, its submissions are retried one by one so that
 * each gets its own outcome or error.
 *
 * @example
 * const queue = submissionQueue(store.db)
 * const outcome = await queue.submit({ clusterId: "zz-qibin", period: "2025-03", values: { revenue: 12.5 },
 *   source: "submission", submitter: "token:tok_1", submittedAt: new Date().toISOString(), note: null })
 */
export const submissionQueue = (db: Db, maxBatch = 64) => {
  type Waiting = { s: ClusterSubmission; resolve: (o: SubmissionOutcome) => void; reject: (e: unknown) => void }
  let waiting: Waiting[] = []
  let busy = false
  const settle = async (batch: ReadonlyArray<Waiting>) => {
    try {
      const outcomes = await submitClusterValues(
        db,
        batch.map((w) => w.s),
      )
      for (const [i, w] of batch.entries()) w.resolve(outcomes[i]!)
    } catch (e) {
      if (batch.length === 1) batch[0]!.reject(e)
      else for (const w of batch) await settle([w])
    }
  }
  const drain = async () => {
    while (waiting.length > 0) {
      const batch: Waiting[] = []
      const rest: Waiting[] = []
      const clusters = new Set<string>()
      for (const w of waiting) {
        if (batch.length < maxBatch && !clusters.has(w.s.clusterId)) {
          clusters.add(w.s.clusterId)
          batch.push(w)
        } else rest.push(w)
      }
      waiting = rest
      await settle(batch)
      // PGlite runs queries synchronously on this thread: let the requests that arrived meanwhile queue.
      await new Promise((r) => setImmediate(r))
    }
    busy = false
  }
  return {
    submit: (s: ClusterSubmission): Promise<SubmissionOutcome> =>
      new Promise((resolve, reject) => {
        waiting.push({ s, resolve, reject })
        if (!busy) {
          busy = true
          // After the requests already read in this turn of the event loop have queued theirs.
          setImmediate(drain)
        }
      }),
  }
}

export type SubmissionQueue = ReturnType<typeof submissionQueue>
