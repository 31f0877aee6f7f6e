import { useState } from "react"
import { useI18n } from "../i18n/I18n.js"
import { readUploadedGeoJson, type UploadedGeoJson } from "./uploadedGeoJson.js"

/** The user's GeoJSON file: read it, then choose its id property and (for polygons) the coordinate properties GWR uses. */
export function UploadPicker({
  id,
  upload,
  onUpload,
  idProperty,
  onIdProperty,
  coords,
  onCoords,
}: {
  readonly id: string
  readonly upload: UploadedGeoJson | null
  readonly onUpload: (u: UploadedGeoJson) => void
  readonly idProperty: string
  readonly onIdProperty: (p: string) => void
  readonly coords: readonly [string, string] | null
  readonly onCoords: (c: readonly [string, string] | null) => void
}) {
  const { t } = useI18n()
  const [problem, setProblem] = useState<string | null>(null)
  const read = async (file: File | undefined) => {
    if (!file) return
    const got = readUploadedGeoJson(await file.text(), file.name)
    if ("problem" in got) return setProblem(t.uploadProblem[got.problem])
    setProblem(null)
    onUpload(got)
    onIdProperty(got.properties.find((p) => !got.numeric.includes(p)) ?? got.properties[0] ?? "")
    onCoords(null)
  }
  return (
    <div className="form-head">
      <div className="field">
        <label htmlFor={`${id}-file`}>{t.uploadGeoJson}</label>
        <input id={`${id}-file`} type="file" accept=".geojson,.json,application/geo+json,application/json" onChange={(e) => void read(e.target.files?.[0])} />
        <span className="error" role="alert">
          {problem}
        </span>
      </div>
      {upload ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-idp`}>{t.idProperty}</label>
            <select id={`${id}-idp`} value={idProperty} onChange={(e) => onIdProperty(e.target.value)}>
              {upload.properties.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          {upload.points ? null : (
            <div className="field">
              <label htmlFor={`${id}-xy`}>{t.coordProperties}</label>
              <select
                id={`${id}-xy`}
                value={coords ? coords.join(",") : ""}
                onChange={(e) => {
                  const [x, y] = e.target.value.split(",")
                  onCoords(x && y ? [x, y] : null)
                }}
              >
                <option value="">{t.noCoords}</option>
                {upload.numeric.flatMap((x, i) =>
                  upload.numeric.slice(i + 1).map((y) => (
                    <option key={`${x},${y}`} value={`${x},${y}`}>
                      {x}, {y}
                    </option>
                  )),
                )}
              </select>
            </div>
          )}
        </>
      ) : null}
    </div>
  )
}
