import { isUnauthorised, messageOf } from "../../api/problems.js"
import type { CertificationWire, ClusterWire, DiagnosisWire, StageWire } from "../../api/wire.js"
import { useSession } from "../../auth/Session.js"
import { useLoad } from "../../ui/useLoad.js"

/** One judgement as the server answered it, or why it could not be had. */
export type Judged<T> = { readonly value: T } | { readonly error: string; readonly signIn: boolean }

/** A zone's judgements in a period; certification is null for a zone that is no service agglomeration. */
export interface Judgements {
  /** The zone's register entry (null when the reader may not see the register). */
  readonly zone: ClusterWire | null
  readonly stage: Judged<StageWire>
  readonly certification: Judged<CertificationWire> | null
  readonly diagnosis: Judged<DiagnosisWire>
}

const settle = <T>(p: Promise<T | undefined>): Promise<Judged<T>> =>
  p.then(
    (value) => (value === undefined ? { error: "—", signIn: false } : { value }),
    (e: unknown) => ({ error: messageOf(e), signIn: isUnauthorised(e) }),
  )

/**
 * Stage, certification and diagnosis of one zone from the judgement operations (GET /v1/assessments/stage,
 * certification, diagnosis with cluster=…): the server decides, including which certification table applies.
 * Certification is asked only for zones the register gives a service form (as the server's own default list).
 * @example const { data } = useJudgements("hb-qibin", "2025")
 */
export const useJudgements = (clusterId: string, period: string) => {
  const { api } = useSession()
  return useLoad<Judgements>(async () => {
    const query = { period, cluster: clusterId }
    const zone = await api.getCluster({ params: { id: clusterId } }).then(
      (r) => r.data,
      () => null,
    )
    const service = zone !== null && zone.kind !== "industrial" && zone.form !== null
    const [stage, certification, diagnosis] = await Promise.all([
      settle(api.stage({ query }).then((r) => r.data.results[0])),
      service ? settle(api.certification({ query }).then((r) => r.data.results[0])) : Promise.resolve(null),
      settle(api.diagnosis({ query }).then((r) => r.data.results[0])),
    ])
    return { zone, stage, certification, diagnosis }
  }, [api, clusterId, period])
}
