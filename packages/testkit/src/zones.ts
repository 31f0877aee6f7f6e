/**
 * A plain industrial county zone of the register, as a store's `clusters.insertMany` takes it, with `over` replacing
 * any field: fully serviced site, no plans, no leading industries.
 * @example await store.clusters.insertMany([testZone("z-a"), testZone("z-b", { group: "urban_district" })] as never)
 */
export const testZone = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  name: `集聚区 ${id}`,
  kind: "industrial",
  form: null,
  level: "provincial",
  group: "county",
  region: "410621",
  plannedArea: 10,
  established: "2009",
  leadingIndustries: [],
  managementBody: "管委会",
  planning: [],
  infrastructure: { road: true, water: true, power: true, drainage: true, telecom: true, gas: false, heat: false, levelledSite: true, sewagePlant: true },
  standardFactoryArea: 0,
  financing: { count: 1, registeredCapital: 1, cumulativeFinancing: 1 },
  isDemo: false,
  ...over,
})
