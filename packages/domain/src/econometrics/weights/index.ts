export type * from "./SpatialWeights.js"
