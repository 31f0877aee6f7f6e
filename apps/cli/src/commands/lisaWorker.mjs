// A permutation worker of `jiju lisa --threads`: computes the p-values of ranges of units on request. Its own module
// (not code evaluated from a string), so that the bundle ships it beside the command and it finds the domain in the
// published package as in the repository.
import { parentPort, workerData } from "node:worker_threads"
import { localMoranPermutations } from "@jiju/domain/econometrics"

const { input } = workerData
parentPort.on("message", ({ from, to }) => {
  const p = localMoranPermutations(input, from, to)
  parentPort.postMessage({ from, p }, [p.buffer])
})
parentPort.postMessage({ ready: true })
