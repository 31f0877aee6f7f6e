import { describe, expect, it } from "vitest"
import { parseGeoJson } from "../../src/io/geojson.js"
import { parseJsonRecords } from "../../src/io/json.js"
import { InputError } from "../../src/model/errors.js"

const caught = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}

describe("parseJsonRecords", () => {
  it("builds columns from the union of keys and fills gaps with null", () => {
    const t = parseJsonRecords('\uFEFF[{"id":"410102","产值":1.5,"ok":true},{"id":2,"note":"x"},{}]')
    expect(t.columns).toEqual(["id", "产值", "ok", "note"])
    expect(t.rows).toEqual([
      { id: "410102", 产值: 1.5, ok: true, note: null },
      { id: 2, 产值: null, ok: null, note: "x" },
      { id: null, 产值: null, ok: null, note: null },
    ])
  })
  it("empty array gives an empty table", () => {
    expect(parseJsonRecords("[]")).toEqual({ columns: [], rows: [] })
  })
  it("rejects syntax errors, non-arrays, non-objects and nested values", () => {
    expect(caught(() => parseJsonRecords("[{")).code).toBe("invalid_json")
    expect(caught(() => parseJsonRecords('{"a":1}')).code).toBe("not_records")
    const e = caught(() => parseJsonRecords('[{"a":1}, 5]'))
    expect(e.code).toBe("not_records")
    expect(e.issues?.[0]?.row).toBe(2)
    const n = caught(() => parseJsonRecords('[{"a":1},{"a":2,"b":{"c":1}}]'))
    expect(n.code).toBe("nested_value")
    expect(n.issues?.[0]).toMatchObject({ row: 2, column: "b" })
    expect(n.message).toContain('"b"')
    expect(caught(() => parseJsonRecords('[{"__proto__":1}]')).code).toBe("reserved_name")
  })
})

const fc = (features: unknown[]): string => JSON.stringify({ type: "FeatureCollection", features })
const square = [
  [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ],
]

describe("parseGeoJson", () => {
  it("reads properties, geometries and null geometry", () => {
    const t = parseGeoJson(
      fc([
        { type: "Feature", properties: { code: "410102", name: "郑州" }, geometry: { type: "Polygon", coordinates: square } },
        { type: "Feature", properties: { code: "410103", pop: 5 }, geometry: { type: "Point", coordinates: [113.6, 34.7, 100] } },
        { type: "Feature", properties: { code: "410104" }, geometry: { type: "MultiPolygon", coordinates: [square, square] } },
        { type: "Feature", properties: { code: "410105" }, geometry: null },
      ]),
    )
    expect(t.columns).toEqual(["code", "name", "pop"])
    expect(t.rows[1]).toEqual({ code: "410103", name: null, pop: 5 })
    expect(t.geometry).toEqual([
      { type: "Polygon", coordinates: square },
      { type: "Point", coordinates: [113.6, 34.7] },
      { type: "MultiPolygon", coordinates: [square, square] },
      null,
    ])
  })
  it("exposes feature.id as column id only when no property is named id", () => {
    const withId = parseGeoJson(
      fc([
        { type: "Feature", id: 7, properties: { v: 1 }, geometry: null },
        { type: "Feature", id: "b", properties: { v: 2 }, geometry: null },
      ]),
    )
    expect(withId.columns).toEqual(["id", "v"])
    expect(withId.rows).toEqual([
      { id: 7, v: 1 },
      { id: "b", v: 2 },
    ])
    const own = parseGeoJson(fc([{ type: "Feature", id: 7, properties: { id: "x", v: 1 }, geometry: null }]))
    expect(own.columns).toEqual(["id", "v"])
    expect(own.rows).toEqual([{ id: "x", v: 1 }])
    expect(parseGeoJson(fc([{ type: "Feature", properties: { v: 1 }, geometry: null }])).columns).toEqual(["v"])
  })
  it("rejects what is not a usable FeatureCollection, naming the feature", () => {
    expect(caught(() => parseGeoJson('{"type":"Feature","properties":{},"geometry":null}')).code).toBe("not_feature_collection")
    expect(caught(() => parseGeoJson("nope")).code).toBe("invalid_json")
    const np = caught(() =>
      parseGeoJson(
        fc([
          { type: "Feature", properties: {}, geometry: null },
          { type: "Feature", geometry: null },
        ]),
      ),
    )
    expect(np.code).toBe("missing_properties")
    expect(np.issues?.[0]?.row).toBe(2)
    expect(caught(() => parseGeoJson(fc([{ type: "Point" }]))).code).toBe("not_feature")
    const line = caught(() =>
      parseGeoJson(
        fc([
          {
            type: "Feature",
            properties: {},
            geometry: {
              type: "LineString",
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
          },
        ]),
      ),
    )
    expect(line.code).toBe("unsupported_geometry")
    expect(line.message).toContain("LineString")
    expect(caught(() => parseGeoJson(fc([{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: ["a", 1] } }]))).code).toBe(
      "invalid_geometry",
    )
    expect(
      caught(() =>
        parseGeoJson(
          fc([
            {
              type: "Feature",
              properties: {},
              geometry: {
                type: "Polygon",
                coordinates: [
                  [
                    [0, 0],
                    [1, 1],
                  ],
                ],
              },
            },
          ]),
        ),
      ).code,
    ).toBe("invalid_geometry")
    expect(caught(() => parseGeoJson(fc([{ type: "Feature", properties: { a: [1] }, geometry: null }]))).code).toBe("nested_value")
  })
})
