import { indicatorCatalogue } from "@jiju/domain/model"
import type { ProjectFacts, SupervisedReport } from "@jiju/domain/projects"
import { describe, expect, it } from "vitest"
import { clusters, observations, regions } from "./fixture.js"
import { memorySource } from "./memorySource.js"
import { keys, start } from "./ui.js"

const contract = { investmentIntensity: null, floorAreaRatio: null, startBy: null, completeBy: null }
const project = (id: string, name: string, cluster: string, land: number, history: ProjectFacts["history"]): ProjectFacts => ({
  id,
  name,
  cluster,
  type: "industrial",
  land,
  floorArea: 0,
  contract,
  specialReason: null,
  history,
})
const report = (project: string, week: string, firstSubmittedAt: string, toDate: number, problems: SupervisedReport["problems"]): SupervisedReport => ({
  project,
  week,
  investmentThisWeek: 50,
  investmentToDate: toDate,
  progressPercent: toDate / 20,
  problems,
  firstSubmittedAt,
})
const power = [{ department: "供电公司", description: "专用线路未接通" }]

/**
 * Wednesday 12 March 2025, 10:00 Beijing time: the last complete week is 2025-W10 (3–9 March), due Monday 10 March
 * 12:00. Zone A's project filed W09 on time and W10 a day late, both asking the power company for its line; zone
 * B's project stalled on 17 February and files nothing; zone D's project got its land on 4 April 2022 and has done
 * nothing since (two years passed on 4 April 2024).
 */
const source = () =>
  memorySource({
    clusters,
    regions,
    indicators: indicatorCatalogue,
    observations,
    projects: {
      now: new Date("2025-03-12T02:00:00Z"),
      projects: [
        project("zz-a-001", "中原电子项目", "zz-a", 40, [
          { status: "signed", on: "2024-12-02" },
          { status: "land_supplied", on: "2025-01-06" },
          { status: "started", on: "2025-02-03" },
        ]),
        project("zz-b-001", "金水食品项目", "zz-b", 20, [
          { status: "signed", on: "2024-12-09" },
          { status: "land_supplied", on: "2025-01-13" },
          { status: "started", on: "2025-01-20" },
          { status: "stalled", on: "2025-02-17" },
        ]),
        project("kf-d-001", "杞县旧厂项目", "kf-d", 30, [
          { status: "signed", on: "2022-03-01" },
          { status: "land_supplied", on: "2022-04-04" },
        ]),
      ],
      reports: [report("zz-a-001", "2025-W09", "2025-03-03T01:00:00Z", 400, power), report("zz-a-001", "2025-W10", "2025-03-11T02:00:00Z", 450, power)],
    },
  })

describe("the Projects screen (supervision of the project register)", () => {
  it("opens with p on the last complete week: reports, stalled projects, the department's queue, the agenda and the findings", async () => {
    const { frame, press, until, r } = await start({ source: source(), width: 100, height: 60 })
    await press("p")
    await until((f) => f.includes("[项目督导]") && f.includes("周次 ◀ 2025-W10 ▶ · 截至 2025-03-12"))
    const f = frame()
    expect(f).toContain("周报：应报 3 · 按时 0 · 逾期 1 · 未报 2 · 待报 0")
    expect(f).toMatch(/杞县旧厂项目\s+kf-d\s+未报送/)
    expect(f).toMatch(/中原电子项目\s+zz-a\s+逾期报送/)
    expect(f).toMatch(/金水食品项目\s+zz-b\s+未报送/)
    expect(f).toContain("停滞项目 1 个")
    expect(f).toMatch(/金水食品项目\s+zz-b\s+自 2025-02-17/)
    expect(f).toContain("供电公司 (1)")
    expect(f).toMatch(/中原电子项目\s+专用线路未接通 · 2 周/)
    // The meeting's order: missing and late reports, the departments' problems, stalled projects, land recovery.
    const agenda = f.split("\n").filter((l) => /^\s*\d+\. /.test(l))
    expect(agenda.map((l) => l.trim())).toEqual([
      "1. 杞县旧厂项目：2025-W10 周报未报送",
      "2. 金水食品项目：2025-W10 周报未报送",
      "3. 中原电子项目：2025-W10 周报逾期报送",
      "4. 供电公司：中原电子项目——专用线路未接通（自 2025-W09 起，已 2 周）",
      "5. 金水食品项目：自 2025-02-17 起停滞",
      "6. 杞县旧厂项目：自 2022-04-04 起两年以上无实质性进展，30 亩土地应予收回",
    ])
    expect(f).toContain("两年无实质性进展、应收回土地：1 个项目")
    expect(f).toMatch(/杞县旧厂项目\s+kf-d\s+30 亩 · 最后进展 2022-04-04/)
    // No project started in the second half of 2024: every zone is on the list.
    expect(f).toContain("2024H2 无新开工工业项目的集聚区：5 个")
    expect(f).toContain("kf-d, kf-e, zz-a, zz-b, zz-c")
    expect(f).toContain("依据：文件规定 004 二 四是「")
    // The week before: zone A's W09 report came on time.
    await press(keys.left)
    await until((f) => f.includes("周次 ◀ 2025-W09 ▶") && f.includes("周报：应报 3 · 按时 1 · 逾期 0 · 未报 2 · 待报 0"))
    await press("l")
    await until((f) => f.includes("[Projects]") && f.includes("reports: owed 3 · on time 1 · late 0 · missing 2 · not yet due 0"))
    await press(keys.esc)
    await until("[Overview]")
    r.unmount()
  })

  it("fits 80×24 and scrolls to the rest", async () => {
    const { frame, press, until, r } = await start({ source: source(), width: 80, height: 24 })
    await press("p")
    await until("周次 ◀ 2025-W10 ▶")
    for (const line of frame().split("\n")) expect(line.length).toBeLessThanOrEqual(80)
    expect(frame().split("\n").length).toBeLessThanOrEqual(24)
    expect(frame()).not.toContain("2024H2")
    await press(keys.down, keys.down, keys.down, keys.down, keys.down, keys.down, keys.down, keys.down, keys.down, keys.down, keys.down, keys.down)
    await until("2024H2 无新开工工业项目的集聚区")
    r.unmount()
  })
})
