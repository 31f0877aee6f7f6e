import { type Db, type OpenStoreOptions, openStore } from "@jiju/store"

/**
 * Open (and migrate) the store once, for a process that starts more than one runtime over it (a server that learns
 * its settings from the store's content): each runtime given it as `db` leaves it open; the caller closes it.
 * @example const db = await openDatabase({ env: process.env }); const app = await makeAppRuntime({ db }); … await db.close()
 */
export const openDatabase = async (opts: OpenStoreOptions = {}): Promise<Db> => (await openStore(opts)).db
