import { writeFile } from "node:fs/promises"
import { extname, resolve } from "node:path"
import { parseFlags, required } from "../args.js"
import { periodFlag } from "../assessmentData.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson } from "../output.js"

const formats = ["xlsx", "docx", "pdf"] as const

// Without a Chromium the PDF cannot be printed: that failure is said in both languages, as it tells the person
// what to install or set.
const chromiumSaid = (e: unknown): unknown => {
  const t = e as { code?: unknown; en?: unknown; zh?: unknown }
  return t?.code === "chromium_missing" ? new CliError("chromium_missing", `${String(t.zh)}\n${String(t.en)}`, 1) : e
}

/** `jiju report`: the documents of a stored run — the workbook, the 通报 bulletin, or a zone's 体检报告. */
export const reportCommand: Command = {
  name: "report",
  summary: { zh: "生成考核结果工作簿、通报或体检报告", en: "write a run's workbook, bulletin (通报) or a zone's check-up" },
  usage: [
    "jiju report --period P [--scheme S] --format xlsx|docx|pdf --out F [--cluster ID] [--lang zh|en] [--targets SET]",
    "            [--issuer TEXT] [--date YYYY-MM-DD] [--yellow-card ID,ID] [--json]",
    "  --period P        the period of the stored run (its latest run under --scheme)",
    "  --scheme S        the scheme (default: the scheme of industrial zones, jiju-industrial unless JIJU_KIND_SCHEMES says)",
    "  --format F        xlsx: the workbook (rankings, values and points, certification, targets, single-indicator",
    "                    positions, explanations); docx: the 通报 bulletin; pdf: the bulletin printed by Chromium",
    "                    ($JIJU_CHROMIUM, default /usr/bin/chromium). Default: the extension of --out",
    "  --cluster ID      docx: that zone's 体检报告 (check-up) instead of the bulletin",
    "  --lang L          zh (default) or en",
    "  --targets SET     track a built-in target set in the period (hengshui, dalian, shaanxi, county_services)",
    "  --issuer TEXT     the issuing body (发文机关); default $JIJU_REPORT_ISSUER",
    "  --date D          the date of issue; default today",
    "  --yellow-card IDS zones the commission gave a yellow card (黄牌警告), comma-separated",
    "An unpublished run is written marked 未发布 (draft). Run it first with jiju assess.",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, {
      period: { type: "string" },
      scheme: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      cluster: { type: "string" },
      lang: { type: "string" },
      targets: { type: "string" },
      issuer: { type: "string" },
      date: { type: "string" },
      "yellow-card": { type: "string" },
      json: { type: "boolean" },
    })
    const period = periodFlag(values.period)
    const out = required(values.out, "out")
    const format = values.format ?? extname(out).slice(1).toLowerCase()
    if (!(formats as ReadonlyArray<string>).includes(format))
      throw new CliError(
        "usage",
        `--format must be xlsx, docx or pdf${values.format === undefined ? " (or give --out a .xlsx, .docx or .pdf name)" : `; got "${format}"`}`,
        2,
      )
    if (values.lang !== undefined && values.lang !== "zh" && values.lang !== "en")
      throw new CliError("usage", `--lang must be zh or en; got "${values.lang}"`, 2)
    if (values.cluster !== undefined && format !== "docx") throw new CliError("usage", "--cluster writes a zone's 体检报告: use it with --format docx", 2)
    const [{ withApp }, { runReportFile }, Effect] = await Promise.all([import("../app.js"), import("@jiju/app"), import("effect/Effect")])
    return withApp(io, async (app) => {
      const file = await app.run(
        Effect.mapError(
          runReportFile(app.actor, {
            run: values.scheme !== undefined ? { scheme: values.scheme, period } : { kind: "industrial", period },
            format: format as (typeof formats)[number],
            lang: values.lang as "zh" | "en" | undefined,
            cluster: values.cluster,
            targets: values.targets as never,
            issuer: values.issuer,
            date: values.date,
            yellowCards: values["yellow-card"]
              ?.split(",")
              .map((x) => x.trim())
              .filter((x) => x !== "")
              .map((clusterId) => ({ clusterId })),
          }),
          chromiumSaid,
        ),
      )
      await writeFile(resolve(io.cwd, out), file.bytes)
      if (values.json === true) printJson(io, { written: out, format, bytes: file.bytes.length, draft: file.draft, file_name: file.fileName })
      else io.stdout.write(`已写出 written ${out} (${file.bytes.length} bytes)${file.draft ? "，未发布 draft" : ""}\n`)
      return 0
    })
  },
}
