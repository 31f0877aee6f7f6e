export * from "./CoordinationLevel.js"
export * from "./CouplingCoordination.js"
export * from "./CouplingDegree.js"
