/**
 * The error `f` throws, as the type expected (the test fails when `f` throws nothing or something else).
 * @example expect(caught(() => parseCsv("a,b\n1"), InputError).code).toBe("ragged_row")
 */
export const caught = <E>(f: () => unknown, type: abstract new (...args: never[]) => E): E => {
  try {
    f()
  } catch (e) {
    if (e instanceof type) return e
    throw new Error(`expected ${type.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`)
  }
  throw new Error(`expected ${type.name}, nothing was thrown`)
}

/**
 * The rejection of a promise, as the type expected.
 * @example expect((await rejected(store.clusters.get("x"), InputError)).code).toBe("not_found")
 */
export const rejected = async <E>(p: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> => {
  try {
    await p
  } catch (e) {
    if (e instanceof type) return e
    throw new Error(`expected ${type.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`)
  }
  throw new Error(`expected ${type.name}, the promise resolved`)
}
