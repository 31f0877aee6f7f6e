/**
 * Spatial weights: build them from neighbour lists (GAL/GWT), polygons (queen/rook contiguity) or points
 * (k nearest neighbours, distance band, inverse distance); match them to the data by id; style, summarise
 * and export them.
 *
 * @example
 * import { weightsFromNeighbourList, alignWeights, summariseWeights } from "@jiju/domain/econometrics"
 * const w = alignWeights(weightsFromNeighbourList(gal), dataIds)
 * summariseWeights(w).islands // []
 */

export * from "./align.js"
export * from "./contiguity.js"
export * from "./distance.js"
export * from "./links.js"
export * from "./neighbourList.js"
export type * from "./SpatialWeights.js"
export * from "./spatialLag.js"
export * from "./summary.js"
