/**
 * Where the embedded store lives, without opening it (a light module: a front end may read files it keeps beside
 * the store before the store has loaded).
 */

import { dataDir, type StoreEnv } from "@jiju/store/dataDir"

/**
 * The data directory of the embedded store (PGlite) the environment chooses, or null when it chooses PostgreSQL
 * (DATABASE_URL set).
 * @example embeddedStoreDir({ JIJU_DATA_DIR: "/tmp/j" }) // "/tmp/j"
 */
export const embeddedStoreDir = (env: StoreEnv): string | null => (env.DATABASE_URL !== undefined && env.DATABASE_URL !== "" ? null : dataDir(env))
