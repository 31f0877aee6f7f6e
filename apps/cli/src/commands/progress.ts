import { basename } from "node:path"
import { ProjectReports, wireDocument } from "@jiju/domain/contract"
import { InputError } from "@jiju/domain/model"
import { type HelpRequest, isIsoWeek, reportStateNames, StoredWeeklyReport, SupervisionView } from "@jiju/domain/projects"
import { numberFlag, parseFlags, required } from "../args.js"
import { readFlagFile } from "../assessmentData.js"
import { CliError, cliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { reportInvalidRows } from "./import.js"

const usage = `jiju progress — 周汇报与督导 · weekly progress reports and supervision

usage: jiju progress [supervision] [--cluster ID] [--week 2025-W10] [--json | --format csv]
       jiju progress reports PROJECT [--json | --format csv]
       jiju progress import FILE.csv|FILE.xlsx [--json]
       jiju progress report PROJECT --week W --this-week N --to-date N --percent P [--progress TEXT]
                            [--problem "部门:问题" ...] [--note TEXT] [--json]

  supervision  the week's reports (on time, late, missing), stalled and slow projects, problems waiting on
               departments, and the weekly meeting's agenda (default week: the last complete one)
  reports      a project's weekly reports and its reporting calendar
  report       file or correct a project's report of one week (investment 万元; physical progress 0–100 %)
  import       file the reports of a CSV/XLSX table (one per project and week; all rows or none)
  --problem    a problem needing help, as DEPARTMENT:DESCRIPTION (repeat for several)`

const weekFlag = (value: string | undefined, flag: string): string | undefined => {
  if (value !== undefined && !isIsoWeek(value)) throw new CliError("usage", `--${flag} expects an ISO week such as 2025-W10, got "${value}"`, 2)
  return value
}

const problemFlag = (text: string): HelpRequest => {
  const i = text.search(/[:：]/)
  if (i <= 0 || i === text.length - 1) throw new CliError("usage", `--problem expects DEPARTMENT:DESCRIPTION, got "${text}"`, 2)
  return { department: text.slice(0, i).trim(), description: text.slice(i + 1).trim() }
}

const n = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 })

/** `jiju progress`: the supervision view, a project's reports, and filing a weekly report. */
export const progressCommand: Command = {
  name: "progress",
  summary: { zh: "项目周汇报与督导视图", en: "weekly project reports and the supervision view" },
  usage,
  run: async (argv, io) => {
    const { values: f, positionals } = parseFlags(
      argv,
      {
        json: { type: "boolean" },
        cluster: { type: "string" },
        week: { type: "string" },
        "this-week": { type: "string" },
        "to-date": { type: "string" },
        percent: { type: "string" },
        progress: { type: "string" },
        problem: { type: "string", multiple: true },
        note: { type: "string" },
      },
      true,
    )
    const [action = "supervision", project, ...extra] = positionals
    if (extra.length > 0) throw new CliError("usage", `unexpected argument "${extra[0]}"; see jiju progress --help`, 2)
    const json = f.json === true
    const [{ withApp }, app] = await Promise.all([import("../app.js"), import("@jiju/app")])

    if (action === "supervision") {
      const week = weekFlag(f.week, "week")
      return withApp(io, async (a) => {
        const view = await a.run(app.supervision(a.actor, { cluster: f.cluster, week }))
        if (json) {
          printJson(io, wireDocument(SupervisionView, view))
          return 0
        }
        const r = view.reports
        io.stdout.write(
          `${view.week} 周报 reports (截止 due ${view.deadline}): 应报 expected ${r.expected} · 按时 on time ${r.onTime} · 逾期 late ${r.late} · 未报 missing ${r.missing} · 待报 open ${r.open}\n` +
            `停滞 stalled ${view.stalled.length} · 进展缓慢 slow ${view.slow.length} · 待部门解决的问题 waiting problems ${view.waiting.reduce((s, q) => s + q.items.length, 0)}\n\n` +
            "周例会议程 agenda of the weekly meeting\n",
        )
        io.stdout.write(
          table(
            ["#", "类别 kind", "集聚区 cluster", "事项 item"],
            view.agenda.map((x, i) => [String(i + 1), x.kind, x.cluster, x.zh]),
          ),
        )
        return 0
      })
    }

    if (action === "import") {
      const file = await readFlagFile(io, required(project, "FILE (jiju progress import FILE)"), "FILE")
      return withApp(io, async (a) => {
        let r: { readonly imported: number; readonly file: string; readonly importId: number }
        try {
          // The runtime's own run: a refused file keeps its located issues for the row report.
          r = await a.runtime.run(app.importReportFile(a.actor, { bytes: file.bytes, fileName: basename(file.name) }))
        } catch (e) {
          if (e instanceof InputError && e.code === "invalid_rows") return reportInvalidRows(io, e, json)
          throw cliError(e)
        }
        if (json) printJson(io, { imported: r.imported, file: r.file, import_id: r.importId })
        else io.stdout.write(`已导入 imported ${r.imported} 份周报 weekly reports from ${r.file}（导入记录 import ${r.importId}）\n`)
        return 0
      })
    }

    const projectId = required(project, `PROJECT (jiju progress ${action} PROJECT)`)
    if (action === "reports") {
      return withApp(io, async (a) => {
        const doc = await a.run(app.projectReports(a.actor, projectId))
        if (json) {
          printJson(io, wireDocument(ProjectReports, doc))
          return 0
        }
        const byWeek = new Map(doc.items.map((r) => [r.week, r]))
        io.stdout.write(
          table(
            ["周 week", "报送 state", "本周投资 this week 万元", "累计 to date 万元", "形象进度 %", "问题 problems"],
            doc.schedule.map((s) => {
              const r = byWeek.get(s.week)
              return [
                s.week,
                reportStateNames[s.state].zh,
                r ? n(r.investmentThisWeek) : "",
                r ? n(r.investmentToDate) : "",
                r ? n(r.progressPercent) : "",
                r ? r.problems.map((p) => `${p.department}:${p.description}`).join("; ") : "",
              ]
            }),
          ),
        )
        return 0
      })
    }

    if (action === "report") {
      const week = weekFlag(required(f.week, "week"), "week")!
      const report = {
        week,
        investmentThisWeek: numberFlag(required(f["this-week"], "this-week"), "this-week")!,
        investmentToDate: numberFlag(required(f["to-date"], "to-date"), "to-date")!,
        progressPercent: numberFlag(required(f.percent, "percent"), "percent")!,
        progress: f.progress ?? "",
        problems: (f.problem ?? []).map(problemFlag),
        note: f.note ?? null,
      }
      return withApp(io, async (a) => {
        const saved = await a.run(app.submitWeeklyReport(a.actor, projectId, report))
        if (json) printJson(io, wireDocument(StoredWeeklyReport, saved))
        else
          io.stdout.write(
            `已报送 filed ${saved.project} ${saved.week}（第 ${saved.revision} 版 revision）${saved.late ? " · 逾期 late" : ""} · 截止 due ${saved.deadline}\n`,
          )
        return 0
      })
    }
    throw new CliError("usage", `unknown action "${action}"; see jiju progress --help`, 2)
  },
}
