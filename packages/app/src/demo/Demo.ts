/** Use cases of the demo data set: load it into an empty store, and open a demo with one account per role. */

import { randomBytes } from "node:crypto"
import type { Role } from "@jiju/domain/contract"
import { Accounts, Audit, Clusters, isEmpty, transaction, use } from "@jiju/store"
import type { DemoLoadResult } from "@jiju/store/demo"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"

/**
 * Load the synthetic demo data set (Henan's zones, 2009–2025, every value marked as demo data) into an EMPTY store,
 * in one transaction with its audit entry (admins; the operator). InputError "store_not_empty" otherwise. The seed
 * used (the standard one unless given) comes back with what was written.
 * @example const { seed, observations } = yield* loadDemoData(operator("zhang"), { seed: 2009 })
 */
export const loadDemoData = (caller: Caller, opts: { readonly seed?: number } = {}) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    // The demo's generators and tables load only for this use case, not with every other that opens the store.
    const { DEMO_SEED, loadDemo } = yield* Effect.promise(() => import("@jiju/store/demo"))
    const seed = opts.seed ?? DEMO_SEED
    return yield* transaction(
      Effect.gen(function* () {
        const result: DemoLoadResult & { readonly seed: number } = { seed, ...(yield* use((db) => loadDemo({ db }, { seed }))) }
        yield* Audit.record({ actor: auditName(who), entity: "store", entityId: "demo", action: "load_demo", before: null, after: result })
        return result
      }),
    )
  })

/** A demo account as created: its password is shown this once. */
export interface DemoAccount {
  readonly name: string
  readonly role: Role
  readonly password: string
  readonly clusterIds: ReadonlyArray<string>
}

/** What {@link openDemo} found or did. */
export interface DemoState {
  /** The store holds the demo (loaded now, or demo accounts from an earlier start). */
  readonly demo: boolean
  /** The data loaded now; undefined when the store was not empty. */
  readonly loaded: DemoLoadResult | undefined
  /** The accounts created now, one per role, with random passwords; empty when none were made. */
  readonly accounts: ReadonlyArray<DemoAccount>
}

const demoRoles: ReadonlyArray<Role> = ["admin", "submitter", "viewer"]

/**
 * The demo a server opens with: an empty store gets the demo data (unless `load` is false) and one account per role
 * ("demo-admin", "demo-submitter" bound to the first zone, "demo-viewer") with random passwords; a store that
 * already holds demo accounts is a demo too; any other store is left as it is.
 * @example const { demo, accounts } = yield* openDemo(operator("server"), { load: true })
 */
export const openDemo = (caller: Caller, opts: { readonly load: boolean }) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin")
    // Several servers may start together on one empty PostgreSQL: the first loads under this lock, the others wait
    // and then find the store holding the demo.
    return yield* transaction(
      Effect.gen(function* () {
        yield* use((db) => db.query("select pg_advisory_xact_lock(4107242)"))
        if (!opts.load || !(yield* use((db) => isEmpty(db)))) {
          const demo = (yield* Accounts.list()).some((u) => u.isDemo)
          const state: DemoState = { demo, loaded: undefined, accounts: [] }
          return state
        }
        const { seed: _seed, ...loaded } = yield* loadDemoData(caller)
        const first = (yield* Clusters.list())[0]?.id
        const accounts: DemoAccount[] = []
        for (const role of demoRoles) {
          const password = randomBytes(9).toString("base64url")
          const clusterIds = role === "submitter" && first ? [first] : []
          yield* Accounts.create({ name: `demo-${role}`, role, password, isDemo: true, clusterIds })
          accounts.push({ name: `demo-${role}`, role, password, clusterIds })
        }
        const state: DemoState = { demo: true, loaded, accounts }
        return state
      }),
    )
  })
