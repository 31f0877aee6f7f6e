/**
 * The caller's address as the Node server saw it ("local" for in-process requests), for rate limits and
 * the audit of sign-ins.
 * @example clientIp(c.env) // "127.0.0.1"
 */
export const clientIp = (env: unknown): string =>
  (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? "local"
