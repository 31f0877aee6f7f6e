/**
 * Names for the wire (snake_case) documents the web app reads, each taken from the contract's Schemas: nothing here
 * repeats a field of the server's.
 */
import type { AnswerOf, CallOf, JijuApi } from "@jiju/domain/contract"

/** What an operation answers, in wire form. */
export type Answer<K extends keyof JijuApi> = AnswerOf<JijuApi[K]>["data"]
/** What an operation takes as its JSON body, in wire form. */
export type BodyOf<K extends keyof JijuApi> = CallOf<JijuApi[K]>["body"]

/** Who is signed in. */
export type MeWire = Answer<"me">
/** A zone of the register. */
export type ClusterWire = Answer<"getCluster">
/** A stored observation. */
export type ObservationWire = Answer<"clusterSeries">["items"][number]
/** What a written submission answers. */
export type ReceiptWire = Answer<"submitPeriod">
/** An assessment result (a stored run's or a preview's). */
export type ResultWire = Answer<"assessmentResult">["result"]
/** One zone's assessment in a result. */
export type ZoneResultWire = ResultWire["clusters"][number]
/** One ranking group of a result. */
export type GroupWire = ResultWire["groups"][number]
/** One zone's stage, certification and diagnosis as the judgement operations answer them. */
export type StageWire = Answer<"stage">["results"][number]
export type CertificationWire = Answer<"certification">["results"][number]
export type DiagnosisWire = Answer<"diagnosis">["results"][number]
/** A queued analysis job's state. */
export type JobWire = Answer<"getJob">
