/** Who is signed in (GET /v1/auth/me). */
export interface Me {
  readonly kind: "user" | "token"
  readonly name: string
  readonly role: "admin" | "submitter" | "viewer"
  readonly clusterIds: ReadonlyArray<string>
}

/** A cluster of the register as GET /v1/clusters lists it (the fields the web app reads). */
export interface ClusterRow {
  readonly id: string
  readonly name: string
  readonly nameEn?: string | null
  readonly kind: string
  readonly form?: string | null
  readonly group: "urban_district" | "county"
  readonly region: string
  readonly isDemo?: boolean
  readonly planning?: ReadonlyArray<{ readonly kind: string; readonly state: string }>
  readonly managementBody?: string | null
}

/** A page of a list endpoint. */
export interface Page<T> {
  readonly items: ReadonlyArray<T>
  readonly nextCursor?: string | null
  readonly total?: number
}

/** A stored observation (GET /v1/observations, GET /v1/clusters/{id}/observations). */
export interface ObservationRow {
  readonly target: { readonly kind: "cluster" | "region"; readonly id: string }
  readonly period: string
  readonly indicator: string
  readonly value: number
  readonly source?: string
  readonly submitter?: string
  readonly submittedAt?: string
  readonly note?: string | null
  readonly isDemo?: boolean
}

/** What POST /v1/clusters/{id}/observations answers. */
export interface SubmissionReceipt {
  readonly cluster: string
  readonly period: string
  readonly written: number
  readonly submittedAt: string
}

/** A job of GET /v1/jobs/{id}. */
export interface JobState {
  readonly id: string
  readonly status: "queued" | "running" | "succeeded" | "failed" | string
  readonly progress: number
  readonly result: Record<string, unknown> | null
  readonly error: { readonly detail?: string; readonly title?: string } | null
}
