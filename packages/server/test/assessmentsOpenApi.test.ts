import { assessmentsApi, jijuApi, judgementsApi, openApiDocument } from "@jiju/domain/contract"
import { describe, expect, it } from "vitest"

// Every assessment and judgement operation is described by the contract alone: its path, its parameters in
// snake_case and the Schema of its answer.
describe("the OpenAPI description of assessments and judgements", () => {
  const doc = openApiDocument(jijuApi) as {
    paths: Record<string, Record<string, { operationId: string; parameters: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>>
  }
  it("lists every operation at its path, with its success answer", () => {
    for (const e of Object.values({ ...assessmentsApi, ...judgementsApi })) {
      const op = doc.paths[e.path]?.[e.method]
      expect(op?.operationId, e.id).toBe(e.id)
      expect(op!.responses[String(e.success.status)], e.id).toBeDefined()
    }
  })
  it("names query parameters as the wire does", () => {
    const names = (path: string) => doc.paths[path]!.get!.parameters.filter((p) => p.in === "query").map((p) => p.name)
    expect(names("/v1/assessments/incentive")).toEqual(["base_year", "from", "to", "rule", "share", "cluster"])
    expect(names("/v1/assessments/targets")).toEqual(["set", "period", "target_year", "base_year", "region"])
    expect(names("/v1/assessments/preview")).toEqual(["scheme", "period", "kind"])
  })
})
