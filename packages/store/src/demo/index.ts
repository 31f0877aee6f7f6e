// The demo data set, apart from the store's index (@jiju/store/demo): its generators and Henan's divisions (a
// quarter of a megabyte of tables) load only where a demo is loaded or a test builds one, not with every command
// that opens the store.
export * from "./demoClusters.js"
export * from "./demoObservations.js"
export * from "./demoProjects.js"
export * from "./henanRegions.js"
export * from "./loadDemo.js"
