/**
 * An in-memory token bucket per key (a token, a session or an IP address): each request takes one
 * token; tokens refill at `perSecond` up to `capacity`. `take` says whether the request may pass
 * and, when not, how many seconds until it may.
 *
 * @example
 * const limiter = makeRateLimiter({ capacity: 10, perSecond: 5 })
 * limiter.take("ip:127.0.0.1") // { ok: true }
 */
export const makeRateLimiter = (opts: { capacity: number; perSecond: number }, now: () => number = Date.now) => {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    take(key: string): { ok: true } | { ok: false; retryAfter: number } {
      const t = now()
      const b = buckets.get(key) ?? { tokens: opts.capacity, at: t }
      b.tokens = Math.min(opts.capacity, b.tokens + ((t - b.at) / 1000) * opts.perSecond)
      b.at = t
      // Keep the map from growing without bound under many distinct clients: full buckets are dropped.
      if (buckets.size > 50_000) for (const [k, v] of buckets) if (v.tokens >= opts.capacity) buckets.delete(k)
      if (b.tokens >= 1) {
        b.tokens -= 1
        buckets.set(key, b)
        return { ok: true }
      }
      buckets.set(key, b)
      return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / opts.perSecond)) }
    },
  }
}

export type RateLimiter = ReturnType<typeof makeRateLimiter>
