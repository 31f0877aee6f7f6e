import { readFile } from "node:fs/promises"
import { basename, resolve } from "node:path"
import { DerivedIndicatorsDocument, fromWire, wireDocument } from "@jiju/domain/contract"
import { decodeOrThrow, InputError } from "@jiju/domain/model"
import {
  documentKindNames,
  documentStateNames,
  isIsoDate,
  ProjectEntry,
  ProjectFindings,
  type ProjectStatus,
  type ProjectType,
  projectSourceLine,
  projectStatusNames,
  projectTypeNames,
  StoredProject,
} from "@jiju/domain/projects"
import * as Schema from "effect/Schema"
import { parseFlags, required } from "../args.js"
import { readFlagFile } from "../assessmentData.js"
import { CliError, cliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { reportInvalidRows } from "./import.js"

const usage = `jiju projects — 项目库 · the project register

usage: jiju projects [list] [--cluster ID] [--area A] [--status S] [--type T] [--json | --format csv]
       jiju projects show ID [--json]
       jiju projects add FILE.json [--json]
       jiju projects import FILE.csv|FILE.xlsx [--json]
       jiju projects status ID --status S --on YYYY-MM-DD [--note TEXT] [--json]
       jiju projects findings [--cluster ID] [--as-of YYYY-MM-DD] [--half 2025H1] [--json | --format csv]
       jiju projects derived --period P [--cluster ID] [--json | --format csv]

  list       projects with status, investment (万元) and land (亩)
  show       one project: its file (档案), status history and admission check
  add        enter a project from a JSON file (snake_case, as POST /v1/projects takes it), checked against its
             sub-area's admission rules
  import     add the projects of a CSV/XLSX table (one per row; all rows or none, every bad row reported)
  status     record the next status step: ${Object.keys(projectStatusNames).join(" | ")}
  findings   two-year review (land recovery), half year without new industrial starts, idle land, contract intensity
  derived    indicators derived from projects for a period, beside the submitted values (conflicts flagged)
  --type     ${Object.keys(projectTypeNames).join(" | ")}`

const oneOf = <K extends string>(value: string | undefined, allowed: Record<K, unknown>, flag: string): K | undefined => {
  if (value === undefined) return undefined
  if (value in allowed) return value as K
  throw new CliError("usage", `--${flag} must be one of ${Object.keys(allowed).join(", ")}; got "${value}"`, 2)
}

const dateFlag = (value: string | undefined, flag: string): string | undefined => {
  if (value !== undefined && !isIsoDate(value)) throw new CliError("usage", `--${flag} expects a date YYYY-MM-DD, got "${value}"`, 2)
  return value
}

const wan = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 })

const Projects = Schema.Struct({ projects: Schema.Array(StoredProject) })

/** `jiju projects`: list, show, enter projects and record their status; the register's findings and derived indicators. */
export const projectsCommand: Command = {
  name: "projects",
  summary: { zh: "项目库：入园项目、档案、进展节点、自动发现、推算指标", en: "the project register: projects, files, status, findings, derived indicators" },
  usage,
  run: async (argv, io) => {
    const { values: f, positionals } = parseFlags(
      argv,
      {
        json: { type: "boolean" },
        cluster: { type: "string" },
        area: { type: "string" },
        status: { type: "string" },
        type: { type: "string" },
        on: { type: "string" },
        note: { type: "string" },
        "as-of": { type: "string" },
        half: { type: "string" },
        period: { type: "string" },
      },
      true,
    )
    const [action = "list", id, ...extra] = positionals
    if (extra.length > 0) throw new CliError("usage", `unexpected argument "${extra[0]}"; see jiju projects --help`, 2)
    const json = f.json === true
    // The application core loads only for the commands that open the store.
    const [{ withApp }, app] = await Promise.all([import("../app.js"), import("@jiju/app")])

    if (action === "list") {
      const status = oneOf<ProjectStatus>(f.status, projectStatusNames, "status")
      const type = oneOf<ProjectType>(f.type, projectTypeNames, "type")
      return withApp(io, async (a) => {
        const items: StoredProject[] = []
        let cursor: string | undefined
        do {
          const page = await a.run(app.listProjects(a.actor, { cluster: f.cluster, area: f.area, status, type, limit: 500, ...(cursor ? { cursor } : {}) }))
          items.push(...page.items)
          cursor = page.nextCursor ?? undefined
        } while (cursor)
        if (json) {
          printJson(io, wireDocument(Projects, { projects: items }))
          return 0
        }
        io.stdout.write(
          table(
            ["编号 id", "名称 name", "集聚区 cluster", "片区 area", "类型 type", "状态 status", "固定资产投资 fixed 万元", "用地 land 亩"],
            items.map((p) => [
              p.id,
              p.name,
              p.cluster,
              p.area ?? "",
              projectTypeNames[p.type].zh,
              projectStatusNames[p.status].zh,
              wan(p.fixedInvestment),
              wan(p.land),
            ]),
          ),
        )
        io.stdout.write(`${items.length} 个项目 projects${items.some((p) => p.isDemo) ? "（含演示数据 includes demo data）" : ""}\n`)
        return 0
      })
    }

    if (action === "show") {
      const projectId = required(id, "ID (jiju projects show ID)")
      return withApp(io, async (a) => {
        const p = await a.run(app.getProject(a.actor, projectId))
        if (json) {
          printJson(io, wireDocument(StoredProject, p))
          return 0
        }
        io.stdout.write(
          `${p.name}（${p.id}）${p.isDemo ? " [演示数据 demo]" : ""}\n` +
            `集聚区 cluster ${p.cluster}${p.area ? ` / 片区 area ${p.area}` : ""} · ${projectTypeNames[p.type].zh} · 投资方 investor ${p.investor}\n` +
            `总投资 total ${wan(p.totalInvestment)} 万元 · 固定资产投资 fixed ${wan(p.fixedInvestment)} 万元 · 用地 land ${wan(p.land)} 亩 · 状态 status ${projectStatusNames[p.status].zh}\n` +
            `准入 admission: ${p.admission.admitted ? "符合 admitted" : "不符合 not admitted"}${p.admission.breaches.map((b) => `\n  - ${b.zh} / ${b.en}`).join("")}\n\n`,
        )
        io.stdout.write(
          table(
            ["进展 status", "日期 on", "记录人 recorded by"],
            p.history.map((h) => [projectStatusNames[h.status].zh, h.on, h.recordedBy]),
          ),
        )
        io.stdout.write("\n")
        io.stdout.write(
          table(
            ["档案 approval", "状态 state", "文号 reference", "日期 on"],
            p.documents.map((d) => [documentKindNames[d.kind].zh, documentStateNames[d.state].zh, d.reference ?? "", d.on ?? ""]),
          ),
        )
        return 0
      })
    }

    if (action === "add") {
      const file = required(id, "FILE (jiju projects add FILE.json)")
      let raw: unknown
      try {
        raw = JSON.parse(await readFile(resolve(io.cwd, file), "utf8"))
      } catch (e) {
        throw new CliError("file_not_found", `cannot read project file "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
      }
      let entry: ProjectEntry
      try {
        entry = decodeOrThrow(ProjectEntry, fromWire(ProjectEntry, raw), "project")
      } catch (e) {
        throw cliError(e)
      }
      return withApp(io, async (a) => {
        const p = await a.run(app.createProject(a.actor, entry))
        if (json) printJson(io, wireDocument(StoredProject, p))
        else io.stdout.write(`已录入 entered ${p.id}（${p.name}）· 准入 admission ${p.admission.admitted ? "符合 admitted" : "有提示 with advisories"}\n`)
        return 0
      })
    }

    if (action === "import") {
      const file = await readFlagFile(io, required(id, "FILE (jiju projects import FILE)"), "FILE")
      return withApp(io, async (a) => {
        let r: { readonly imported: number; readonly file: string; readonly importId: number }
        try {
          // The runtime's own run: a refused file keeps its located issues for the row report.
          r = await a.runtime.run(app.importProjectFile(a.actor, { bytes: file.bytes, fileName: basename(file.name) }))
        } catch (e) {
          if (e instanceof InputError && e.code === "invalid_rows") return reportInvalidRows(io, e, json)
          throw cliError(e)
        }
        if (json) printJson(io, { imported: r.imported, file: r.file, import_id: r.importId })
        else io.stdout.write(`已导入 imported ${r.imported} 个项目 projects from ${r.file}（导入记录 import ${r.importId}）\n`)
        return 0
      })
    }

    if (action === "status") {
      const projectId = required(id, "ID (jiju projects status ID --status S --on DATE)")
      const status = oneOf<ProjectStatus>(required(f.status, "status"), projectStatusNames, "status")!
      const on = dateFlag(required(f.on, "on"), "on")!
      return withApp(io, async (a) => {
        const p = await a.run(app.recordProjectStatus(a.actor, projectId, { status, on, ...(f.note !== undefined ? { note: f.note } : {}) }))
        if (json) printJson(io, wireDocument(StoredProject, p))
        else io.stdout.write(`${p.id}：${projectStatusNames[status].zh} ${status} ${on}\n`)
        return 0
      })
    }

    if (action === "findings") {
      const asOf = dateFlag(f["as-of"], "as-of")
      if (f.half !== undefined && !/^(19|20)\d{2}H[12]$/.test(f.half)) throw new CliError("usage", `--half expects e.g. 2025H1, got "${f.half}"`, 2)
      return withApp(io, async (a) => {
        const doc = await a.run(app.findings(a.actor, { cluster: f.cluster, asOf, half: f.half }))
        if (json) {
          printJson(io, wireDocument(ProjectFindings, doc))
          return 0
        }
        io.stdout.write(`截至 as of ${doc.asOf}\n\n两年无实质性进展 two-year review（${projectSourceLine(doc.recovery.source)}）\n`)
        io.stdout.write(
          table(
            ["项目 project", "集聚区 cluster", "状态 state", "最后进展 last progress", "用地 land 亩"],
            doc.recovery.items.map((r) => [r.project, r.cluster, r.state, r.lastProgressOn, wan(r.land)]),
          ),
        )
        io.stdout.write(
          `\n${doc.halfYear.half} 无新开工工业项目的集聚区 zones without new industrial starts: ${doc.halfYear.withoutStarts.join(", ") || "—"}\n\n`,
        )
        io.stdout.write(
          table(
            ["闲置 idle", "集聚区 cluster", "原因 reason", "自 since", "用地 land 亩"],
            doc.idle.map((i) => [i.project, i.cluster, i.reason, i.since, wan(i.land)]),
          ),
        )
        io.stdout.write("\n")
        io.stdout.write(
          table(
            ["强度不达标 intensity", "集聚区 cluster", "指标 measure", "合同 contract", "实际 actual"],
            doc.intensity.map((b) => [b.project, b.cluster, b.measure, wan(b.contract), wan(b.actual)]),
          ),
        )
        return 0
      })
    }

    if (action === "derived") {
      const period = required(f.period, "period")
      return withApp(io, async (a) => {
        const doc = await a.run(app.derivedIndicators(a.actor, { period, cluster: f.cluster }))
        if (json) {
          printJson(io, wireDocument(DerivedIndicatorsDocument, doc))
          return 0
        }
        io.stdout.write(
          table(
            ["集聚区 cluster", "指标 indicator", "推算值 derived", "填报值 submitted", "冲突 conflict"],
            doc.items.map((d) => [d.cluster, d.indicator, wan(d.value), d.submitted ? wan(d.submitted.value) : "", d.conflict ? "是 yes" : ""]),
          ),
        )
        io.stdout.write(
          `${doc.items.length} 个推算值 derived values (derived_from_projects); 冲突 conflicts ${doc.items.filter((d) => d.conflict).length}，填报值保留 submitted values kept\n`,
        )
        return 0
      })
    }
    throw new CliError("usage", `unknown action "${action}"; see jiju projects --help`, 2)
  },
}
