import { gearyReport } from "@jiju/domain/analyses"
import { MoranRequest, weightsSpecOf } from "./spatial.js"
import { tableOf } from "./table.js"

/** Body of POST /v1/analyses/geary: the same as Moran's I (data, id, var, weights, permutations, seed). */
export const GearyRequest = MoranRequest
export type GearyRequest = typeof GearyRequest.Type

/** The document `jiju geary --json` prints. */
export const runGeary = (req: GearyRequest) =>
  gearyReport(tableOf(req), { id: req.id, var: req.var, weights: weightsSpecOf(req.weights), permutations: req.permutations, seed: req.seed })
