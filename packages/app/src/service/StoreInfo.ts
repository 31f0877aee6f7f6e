import { use } from "@jiju/store"

/**
 * Which engine holds the data and where (a directory, or a URL without its password), for the operator's messages.
 * @example const { engine, location } = yield* storeInfo()
 */
export const storeInfo = () => use(async (db) => ({ engine: db.engine, location: db.location }))
