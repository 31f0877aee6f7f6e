import type { ZoneFactRecord } from "@jiju/domain/assessment"
import type { Cluster } from "@jiju/domain/model"

/** When the demo facts were recorded, fixed so the same seed gives the same store. */
const RECORDED_AT = "2025-01-01T00:00:00.000Z"
/** The day the demo facts hold from: after the service zones were set up (2012), before the periods assessed. */
const AS_OF = "2014-12-31"
/** The day the commission's weak-base findings hold from: the end of 篇8's base year (现在, 2009). */
const BASE_AS_OF = "2009-12-31"

// The conditions of 篇9 (city) and 篇10 (county) that the register cannot tell; management body and plans come from it.
const CITY_FACTS = ["in_approved_area", "clear_boundaries", "location_route", "scale_and_character", "employment_absorbed", "public_service", "upgrading"]
const COUNTY_FACTS = ["public_service"]

/**
 * The demo's stored facts about its service zones, chosen so that certification shows every outcome from the
 * store: most zones have every yes/no condition recorded; every fifth city-level zone (from the second) does not
 * employ people enough (a failed condition), every fifth (from the fourth) has no public-service record (unknown,
 * so incomplete unless a value fails), and one of the trading markets is not a 经营方式先进的专业类市场. For 篇8's
 * 考核晋级 the industrial zones in id order are, by turns, found to have a weak base (基础单薄), a good base twice, and
 * not classified, so the promotion shows every verdict. Synthetic, marked as demo; no random draws, so the
 * observations of a seed do not change.
 * @example demoFacts(demoData().clusters).every((f) => f.isDemo) // true
 */
export const demoFacts = (clusters: ReadonlyArray<Cluster>): ZoneFactRecord[] => {
  const out: ZoneFactRecord[] = []
  const record = (cluster: string, fact: string, value: boolean, asOf = AS_OF): void => {
    out.push({
      id: `demo-${cluster}-${fact}`,
      cluster,
      fact,
      value,
      asOf,
      evidence: "演示数据（合成） demo (synthetic)",
      status: "accepted",
      recordedBy: "demo",
      recordedAt: RECORDED_AT,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      isDemo: true,
    })
  }
  const services = clusters.filter((c) => c.kind === "modern_service").sort((a, b) => a.id.localeCompare(b.id))
  const city = services.filter((c) => c.level === "city")
  city.forEach((c, i) => {
    for (const f of CITY_FACTS) {
      if (f === "public_service" && i % 5 === 3) continue
      record(c.id, f, !(f === "employment_absorbed" && i % 5 === 1))
    }
  })
  const county = services.filter((c) => c.level === "county")
  county.forEach((c, i) => {
    for (const f of COUNTY_FACTS) record(c.id, f, true)
    if (c.form === "trading_market") record(c.id, "advanced_specialised_market", i !== 1)
  })
  const industrial = clusters.filter((c) => c.kind === "industrial").sort((a, b) => a.id.localeCompare(b.id))
  industrial.forEach((c, i) => {
    if (i % 4 !== 3) record(c.id, "weak_base", i % 4 === 0, BASE_AS_OF)
  })
  return out
}
