export * from "./CouplingDegree.js"
export * from "./CoordinationLevel.js"
export * from "./CouplingCoordination.js"
