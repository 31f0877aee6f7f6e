declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of a migrated, empty PGlite data directory: test files start from it instead of running initdb. */
    pgliteTemplate: string
  }
}

export {}
