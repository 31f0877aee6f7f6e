/** How the API behaves; `configFromEnv` reads it from JIJU_* variables. */
export interface ApiConfig {
  /** Published assessment results readable without credentials (JIJU_PUBLIC_RESULTS=1; on in the demo). */
  readonly publicResults: boolean
  /** The one web origin allowed by CORS (JIJU_WEB_ORIGIN); none when undefined. */
  readonly webOrigin: string | undefined
  /** Send the session cookie with `Secure` (off only for http://localhost in development and tests). */
  readonly secureCookies: boolean
  /** Token bucket per token or IP: burst size and refill per second. */
  readonly rateLimit: { readonly capacity: number; readonly perSecond: number }
  /** Request body limits in bytes. */
  readonly bodyLimit: { readonly imports: number; readonly other: number }
  /** A name for this process in the job table (several processes may share one PostgreSQL). */
  readonly workerId: string
  /** How often an idle worker looks for queued jobs, ms (0: no worker in this process). */
  readonly jobPollMs: number
  /** The latest period a submission may name; later periods are "in the future". */
  readonly currentYear: () => number
}

/** Defaults suited to tests: no CORS, insecure cookies for http://localhost, generous rate limit. */
export const defaultConfig = (over: Partial<ApiConfig> = {}): ApiConfig => ({
  publicResults: false,
  webOrigin: undefined,
  secureCookies: false,
  rateLimit: { capacity: 600, perSecond: 300 },
  bodyLimit: { imports: 10 * 1024 * 1024, other: 1024 * 1024 },
  workerId: `api-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  jobPollMs: 250,
  currentYear: () => new Date().getFullYear(),
  ...over,
})

/** The configuration from the environment (JIJU_PUBLIC_RESULTS, JIJU_WEB_ORIGIN, JIJU_RATE_*, JIJU_INSECURE_COOKIES). */
export const configFromEnv = (env: Readonly<Record<string, string | undefined>>, over: Partial<ApiConfig> = {}): ApiConfig =>
  defaultConfig({
    publicResults: env.JIJU_PUBLIC_RESULTS === "1",
    webOrigin: env.JIJU_WEB_ORIGIN || undefined,
    secureCookies: env.JIJU_INSECURE_COOKIES !== "1",
    rateLimit: {
      capacity: Number(env.JIJU_RATE_BURST ?? 600),
      perSecond: Number(env.JIJU_RATE_PER_SECOND ?? 300),
    },
    ...over,
  })
