import type { ZoneFactRecord } from "@jiju/domain/assessment"
import { seededRandom } from "@jiju/domain/econometrics"
import { type Cluster, InputError } from "@jiju/domain/model"
import type { Db } from "../db/Db.js"
import type { ObservationInput } from "../repos/observations.js"
import { isEmpty, type Store, storeOn } from "../Store.js"
import { type DemoCluster, demoClusters } from "./demoClusters.js"
import { demoFacts } from "./demoFacts.js"
import { demoJudgementInputs } from "./demoJudgementInputs.js"
import { demoObservations } from "./demoObservations.js"
import { type DemoProjects, demoProjects, writeDemoProjects } from "./demoProjects.js"
import { henanRegions } from "./henanRegions.js"

/** The default seed of the demo data set. */
export const DEMO_SEED = 2009

/** The whole demo data set, as plain values (nothing written). */
export interface DemoData {
  readonly regions: ReturnType<typeof henanRegions>
  readonly clusters: ReadonlyArray<Cluster>
  readonly observations: ReadonlyArray<ObservationInput>
  /** Stored facts about the service zones (certification's yes/no conditions). */
  readonly facts: ReadonlyArray<ZoneFactRecord>
  readonly projectRegister: DemoProjects
}

const registerOnly = ({ sizeEffect: _s, growthEffect: _g, firstYear: _f, ...c }: DemoCluster): Cluster => c

/**
 * Generate the demo data set: Henan's real regions, ~177 zones, yearly observations 2009–2025 from a seeded model
 * (see src/demo/README.md). Same seed → same data.
 * @example demoData().observations.length // ≈ 48,000
 */
export const demoData = (seed: number = DEMO_SEED): DemoData => {
  const rng = seededRandom(seed)
  const regions = henanRegions()
  const panel = demoObservations(demoClusters(regions, rng), rng)
  const clusters = panel.clusters.map(registerOnly)
  // The judgements' inputs come from a stream of their own: the panel above is the same as without them.
  const judged = demoJudgementInputs(clusters, panel.observations, seed)
  return {
    regions,
    clusters,
    observations: [...panel.observations, ...judged.observations],
    facts: [...demoFacts(clusters), ...judged.facts],
    projectRegister: demoProjects(clusters, seed),
  }
}

/** What {@link loadDemo} wrote and how long it took. */
export interface DemoLoadResult {
  readonly regions: number
  readonly clusters: number
  readonly observations: number
  readonly facts: number
  readonly projects: number
  readonly weeklyReports: number
  readonly milliseconds: number
}

/**
 * Load the demo data set into an EMPTY store, in one transaction. InputError "store_not_empty" otherwise.
 * Every value is marked is_demo with source "demo (synthetic)".
 * @example if (await isEmpty(store.db)) await loadDemo(store)
 */
export const loadDemo = async (store: Store | { db: Db }, opts: { seed?: number } = {}): Promise<DemoLoadResult> => {
  const started = performance.now()
  const data = demoData(opts.seed ?? DEMO_SEED)
  await store.db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) {
      const en = `the store at ${store.db.location} already holds data; demo data load only into an empty store`
      const zh = `数据库 ${store.db.location} 已有数据；演示数据只能载入空数据库`
      throw new InputError({ code: "store_not_empty", message: en, zh, issues: [] })
    }
    const s = storeOn(tx)
    await s.indicators.ensureCatalogue()
    await s.regions.upsert(data.regions)
    await s.clusters.insertMany(data.clusters, tx)
    await s.observations.insertMany(data.observations, tx)
    await s.zoneFacts.insertMany(data.facts)
    await writeDemoProjects(tx, data.projectRegister)
  })
  return {
    regions: data.regions.length,
    clusters: data.clusters.length,
    observations: data.observations.length,
    facts: data.facts.length,
    projects: data.projectRegister.projects.length,
    weeklyReports: data.projectRegister.reports.length,
    milliseconds: Math.round(performance.now() - started),
  }
}
