import { useI18n } from "../i18n/I18n.js"

/**
 * The documents the server writes of a stored run: its workbook and its 通报 bulletin (GET
 * /v1/assessments/runs/{id}/report.xlsx|.docx), in the interface language. The browser downloads what the server
 * made; nothing is computed here.
 */
export function ReportDownloads({ runId, published }: { readonly runId: string; readonly published: boolean }) {
  const { t, lang } = useI18n()
  const href = (ext: "xlsx" | "docx") => `/v1/assessments/runs/${encodeURIComponent(runId)}/report.${ext}?lang=${lang}`
  return (
    <p className="actions">
      <a className="button" href={href("xlsx")} download>
        {t.exportWorkbook}
      </a>{" "}
      <a className="button" href={href("docx")} download>
        {t.exportBulletin}
      </a>
      {published ? null : <small> {t.reportDraftNote}</small>}
    </p>
  )
}
