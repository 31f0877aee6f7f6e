import { useRef } from "react"
import { messageOf } from "../api/problems.js"
import { useI18n } from "../i18n/I18n.js"
import type { FormIndicator } from "./schemeIndicators.js"
import type { TemplateImport } from "./xlsxTemplate.js"

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/**
 * The Excel template's buttons: download one (with last period's values and what is typed) and import a filled
 * one. The workbook code loads on first use.
 */
export function TemplateActions({
  items,
  fileName,
  previous,
  raw,
  onImported,
  onFailed,
}: {
  /** The form's indicators (the scheme of the zone's kind). */
  readonly items: ReadonlyArray<FormIndicator>
  readonly fileName: string
  readonly previous: ReadonlyMap<string, number>
  readonly raw: Readonly<Record<string, string>>
  readonly onImported: (got: TemplateImport) => void
  readonly onFailed: (why: string) => void
}) {
  const { t, lang } = useI18n()
  const file = useRef<HTMLInputElement | null>(null)
  const download = async () => {
    const { templateWorkbook } = await import("./xlsxTemplate.js")
    const url = URL.createObjectURL(new Blob([templateWorkbook(items, previous, raw) as BlobPart], { type: XLSX }))
    const a = document.createElement("a")
    a.href = url
    a.download = fileName
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  const read = async (chosen: File | undefined) => {
    if (!chosen) return
    try {
      const { readTemplate } = await import("./xlsxTemplate.js")
      onImported(readTemplate(new Uint8Array(await chosen.arrayBuffer()), items))
    } catch (err) {
      // The domain's InputError carries its Chinese message as `zh`.
      const zh = (err as { zh?: string }).zh
      onFailed(lang === "zh" && zh ? zh : messageOf(err))
    }
  }
  return (
    <div className="actions">
      <button type="button" onClick={download}>
        {t.downloadTemplate}
      </button>
      <button type="button" onClick={() => file.current?.click()}>
        {t.importXlsx}
      </button>
      <input
        ref={file}
        type="file"
        accept={`.xlsx,${XLSX}`}
        hidden
        onChange={(e) => {
          const chosen = e.target.files?.[0]
          e.target.value = ""
          void read(chosen)
        }}
        aria-label={t.importXlsx}
      />
    </div>
  )
}
