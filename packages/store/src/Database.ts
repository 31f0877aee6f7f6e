import { InputError } from "@jiju/domain/model"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import type { Db } from "./db/Db.js"
import { type OpenStoreOptions, openStore } from "./Store.js"

/**
 * The database the use cases work on: the embedded PGlite store, a PostgreSQL server, or an in-memory store for
 * tests, chosen by the layer that provides it. Inside {@link transaction} it is the transaction's connection.
 */
export class Database extends Context.Service<Database, Db>()("@jiju/store/Database") {}

/** A database failure that no input explains (connection lost, a bug in a statement): answered as a 500. */
export class StoreError extends Data.TaggedError("StoreError")<{
  readonly message: string
  readonly cause: unknown
}> {}

const storeError = (e: unknown): InputError | StoreError =>
  e instanceof InputError ? e : new StoreError({ message: e instanceof Error ? e.message : String(e), cause: e })

/**
 * Run promise-based store code with the current connection. An InputError it throws (a duplicate id, a stale
 * version, an unknown region) becomes a typed failure; anything else a StoreError.
 * @example const n = yield* use((db) => regionRepo(db).count())
 */
export const use = <A>(f: (db: Db) => Promise<A>): Effect.Effect<A, InputError | StoreError, Database> =>
  Effect.flatMap(Database, (db) => Effect.tryPromise({ try: () => f(db), catch: storeError }))

class Rollback {
  constructor(readonly exit: Exit.Exit<unknown, unknown>) {}
}

/**
 * Run an effect in one database transaction: committed when it succeeds, rolled back when it fails (with its own
 * error) or dies. Inside, {@link Database} is the transaction's connection; a nested call joins the outer one.
 * @example yield* transaction(Effect.gen(function* () { yield* use((db) => …); yield* audit(…) }))
 */
export const transaction = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | StoreError, R | Database> =>
  Effect.gen(function* () {
    const db = yield* Database
    const context = yield* Effect.context<R | Database>()
    const outcome = yield* Effect.promise(() =>
      db
        .transaction(async (tx) => {
          const exit = await Effect.runPromiseExitWith(Context.add(context, Database, tx))(effect)
          if (Exit.isFailure(exit)) throw new Rollback(exit)
          return exit
        })
        .then(
          (exit) => exit as Exit.Exit<A, E | StoreError>,
          (e: unknown) => (e instanceof Rollback ? (e.exit as Exit.Exit<A, E>) : Exit.fail(new StoreError({ message: String(e), cause: e }))),
        ),
    )
    return yield* outcome
  })

/** The promise-based repository of {@link repository}, its methods as effects on the current connection. */
export type Effectful<R> = {
  readonly [K in keyof R]: R[K] extends (...args: infer A) => Promise<infer B> ? (...args: A) => Effect.Effect<B, InputError | StoreError, Database> : never
}

// Building a repository only makes closures: a handle that refuses every query is enough to list its methods.
const probe: Db = {
  engine: "pglite",
  location: "probe",
  query: () => Promise.reject(new Error("probe")),
  exec: () => Promise.reject(new Error("probe")),
  transaction: () => Promise.reject(new Error("probe")),
  close: () => Promise.resolve(),
}

/**
 * A repository's methods as effects that run on the current connection (the transaction's, inside one).
 * @example export const Regions = repository(regionRepo); const r = yield* Regions.get("410000")
 */
export const repository = <R extends object>(make: (db: Db) => R): Effectful<R> => {
  const out: Record<string, unknown> = {}
  for (const [name, member] of Object.entries(make(probe)))
    if (typeof member === "function")
      out[name] = (...args: unknown[]) => use((db) => (make(db) as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(...args))
  return out as Effectful<R>
}

/**
 * The layer of an opened, migrated store (closed when the layer is released): PostgreSQL when a URL is given or
 * DATABASE_URL is set, else the embedded PGlite database, or an in-memory one for tests.
 * @example const runtime = ManagedRuntime.make(databaseLayer({ env: process.env }))
 */
export const databaseLayer = (opts: OpenStoreOptions = {}): Layer.Layer<Database, InputError | StoreError> =>
  Layer.effect(
    Database,
    Effect.acquireRelease(Effect.tryPromise({ try: () => openStore(opts).then((s) => s.db), catch: storeError }), (db) => Effect.promise(() => db.close())),
  )

/**
 * A layer over a database already opened (and closed) by the caller: tests that share one store between suites.
 * @example Layer.provide(appLayer, databaseLayerOf(db))
 */
export const databaseLayerOf = (db: Db): Layer.Layer<Database> => Layer.succeed(Database, db)
