import { mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { indicatorCatalogue } from "@jiju/domain/model"
import ExcelJS from "exceljs"
import { afterEach, describe, expect, it } from "vitest"
import { clusters, observations, regions } from "./fixture.js"
import { memorySource } from "./memorySource.js"
import { start } from "./ui.js"

const dirs: string[] = []
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), "jiju-export-"))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

// A source whose 2025 run of henan-2017 is stored (the ranking the core computes from the fixture), published or not.
const storedSource = async (draft: boolean) => {
  const data = { clusters, regions, indicators: indicatorCatalogue, observations }
  const computed = await memorySource(data).ranking("henan-2017", "2025")
  return memorySource(
    { ...data, stored: { "henan-2017|2025": computed!.result }, drafts: draft ? ["henan-2017|2025"] : [] },
    { zh: "测试数据", en: "test data" },
  )
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1)

describe("e exports the stored run's workbook", () => {
  it("writes the workbook to the working directory and says where; its ranking sheet holds the run's order", async () => {
    const dir = scratch()
    const { frame, press, until, r } = await start({ source: await storedSource(false), exportDir: dir, width: 160 })
    await press("e")
    const path = join(dir, "henan-2017-2025.xlsx")
    await until(`已导出 ${path}`)
    expect(frame()).not.toContain("未发布")
    r.unmount()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path)
    const ws = wb.getWorksheet("省辖市区组排名")!
    expect(rowValues(ws, 1).slice(0, 4)).toEqual(["名次", "代码", "集聚区", "得分"])
    // Reference values worked by hand in overview.test.tsx: 100, 52 and 0 points; A rose two places, C fell two.
    expect(rowValues(ws, 2).slice(0, 6)).toEqual([1, "zz-a", "中原产业集聚区", 100, 3, 2])
    expect(rowValues(ws, 3).slice(0, 4)).toEqual([2, "zz-b", "金水科技集聚区", 52])
    expect(rowValues(ws, 4).slice(0, 6)).toEqual([3, "zz-c", "上街装备集聚区", 0, 1, -2])
    const cover = wb.getWorksheet("说明")!
    const state = cover.getColumn(1).values.indexOf("状态")
    expect(cover.getRow(state).getCell(2).value).toBe("已发布")
  })

  it("marks a draft, in English when the screen is", async () => {
    const dir = scratch()
    const { press, until, r } = await start({ source: await storedSource(true), exportDir: dir, width: 160, lang: "en" })
    await press("e")
    const path = join(dir, "henan-2017-2025-draft.xlsx")
    await until(`written ${path} (draft, not published)`)
    r.unmount()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path)
    expect(wb.getWorksheet("Ranking Urban districts") ?? wb.worksheets.find((w) => w.name.startsWith("Ranking"))).toBeDefined()
    const cover = wb.getWorksheet("About")!
    const state = cover.getColumn(1).values.indexOf("State")
    expect(cover.getRow(state).getCell(2).value).toBe("DRAFT — not published")
  })

  it("says so when the period has no stored run, and writes nothing", async () => {
    const dir = scratch()
    const { press, until, r } = await start({ exportDir: dir, width: 160 })
    await press("e")
    await until("2025 没有已存的考核结果，先运行 jiju assess")
    r.unmount()
    expect(readdirSync(dir)).toEqual([])
  })

  it("lists e in the help", async () => {
    const { press, until, r } = await start()
    await press("?")
    await until("导出本期已存考核结果的工作簿")
    r.unmount()
  })
})
