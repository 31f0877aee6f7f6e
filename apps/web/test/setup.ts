import { cleanup, configure } from "@testing-library/react"
import { afterEach } from "vitest"

// happy-dom under a loaded machine can take over a second to settle a page.
configure({ asyncUtilTimeout: 5000 })

// Each test starts from an empty page, storage and route.
afterEach(() => {
  cleanup()
  // The end-to-end suite runs in Node, without a DOM.
  if (typeof localStorage !== "undefined") localStorage.clear()
  if (typeof location !== "undefined") location.hash = ""
})
