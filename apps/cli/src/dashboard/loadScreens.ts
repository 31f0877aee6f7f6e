import { dashboardParts } from "./parts.js"

type Env = Readonly<Record<string, string | undefined>>

/**
 * Load Ink and the screens. Ink's layout engine (yoga) fetches its WebAssembly, embedded as a data: URL, when
 * there is a global fetch: Node's fetch loads its HTTP client for that, and importing yoga took 43–63 ms instead
 * of 16–22 ms. Without fetch yoga decodes the same bytes itself. fetch is hidden only while the store is the
 * source (nothing else in the process needs it meanwhile; the API source does) and only until the screens load.
 * @example const ui = await loadScreens(true, process.env); ui.mount({ … })
 */
export const loadScreens = async (hideFetch: boolean, env: Env): Promise<typeof import("./ui/mount.js")> => {
  const fetch = hideFetch ? Object.getOwnPropertyDescriptor(globalThis, "fetch") : undefined
  if (fetch === undefined) return dashboardParts(env).mount()
  Object.defineProperty(globalThis, "fetch", { value: undefined, configurable: true, writable: true })
  try {
    return await dashboardParts(env).mount()
  } finally {
    Object.defineProperty(globalThis, "fetch", fetch)
  }
}
