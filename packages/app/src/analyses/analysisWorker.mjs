// A worker thread of the analysis pool: answers one analysis request at a time, off the server's event loop.
// Plain JavaScript so that it runs as it is, from the sources and from the build alike.
import { parentPort } from "node:worker_threads"
import { runAnalysisRequest } from "@jiju/domain/analyses"

const plain = (e) =>
  e && typeof e === "object" && (e._tag === "InputError" || e._tag === "ComputationError")
    ? { tag: e._tag, code: e.code, message: e.message, zh: e.zh, issues: e.issues ?? [] }
    : { tag: "Defect", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }

parentPort.on("message", ({ id, name, body }) => {
  let last = 0
  const onProgress = (fraction) => {
    // At most a hundred progress messages a run.
    if (fraction - last >= 0.01 || fraction === 1) {
      last = fraction
      parentPort.postMessage({ id, progress: fraction })
    }
  }
  try {
    parentPort.postMessage({ id, ok: true, value: runAnalysisRequest(name, body, onProgress) })
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: plain(e) })
  }
})
