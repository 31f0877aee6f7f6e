// A two-minute tour of @jiju/domain: load a CSV and a GAL file, Moran's I, OLS diagnostics,
// a spatial lag model, coupling coordination and an assessment. Run: node tour.mjs DATA.csv WEIGHTS.gal
import { readFileSync } from "node:fs"
import { henan2017Scheme, runAssessment, valueLookup } from "@jiju/domain/assessment"
import {
  alignWeights,
  couplingCoordination,
  fitSpatialLag,
  modelFrame,
  moranTest,
  olsFormula,
  spatialDiagnostics,
  weightsFromNeighbourList,
} from "@jiju/domain/econometrics"
import { numericColumn, parseCsv, parseGal, stringColumn } from "@jiju/domain/io"

const [csvFile, galFile] = process.argv.slice(2)
const table = parseCsv(readFileSync(csvFile, "utf8"))
const ids = stringColumn(table, "POLYID")
// Weights are matched to the data by id, never by row order; row-standardised by default.
const w = alignWeights(weightsFromNeighbourList(parseGal(readFileSync(galFile, "utf8"))), ids)

const moran = moranTest(numericColumn(table, "CRIME"), w, { permutations: 999, seed: 1 })
const { fit } = olsFormula(table, "CRIME ~ INC + HOVAL")
const diagnostics = spatialDiagnostics(fit, w)
const frame = modelFrame(table, "CRIME ~ INC + HOVAL")
const lag = fitSpatialLag({ y: frame.y, X: frame.x, names: frame.names, weights: w })

const coupling = couplingCoordination([
  { name: "economy", indicators: [{ name: "INC", values: numericColumn(table, "INC") }] },
  { name: "housing", indicators: [{ name: "HOVAL", values: numericColumn(table, "HOVAL") }] },
])

// An assessment on made-up values: two county zones, every indicator of the built-in Henan-shaped scheme.
const codes = henan2017Scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.code))
const rows = ["a", "b"].flatMap((id, z) => codes.map((indicator, j) => ({ clusterId: id, indicator, period: "2025", value: 10 + z * 5 + j })))
const clusters = [
  { id: "a", name: "甲产业集聚区", group: "county", planning: [{ kind: "master_plan", state: "approved" }] },
  { id: "b", name: "乙产业集聚区", group: "county", planning: [{ kind: "master_plan", state: "approved" }] },
]
const result = runAssessment(henan2017Scheme, { clusters, value: valueLookup(rows) }, "2025")

console.log(
  JSON.stringify({
    moran: { I: moran.I, p: moran.pRandomization, p_permutation: moran.pPermutation },
    recommendation: diagnostics.recommendation.model,
    rho: lag.rho.estimate,
    coupling_D_first: coupling.rows[0].D,
    assessed: result.groups.flatMap((g) => g.ranking.map((r) => [r.clusterId, r.rank])),
  }),
)
