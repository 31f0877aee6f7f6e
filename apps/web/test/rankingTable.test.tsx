import { render, screen, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import type { GroupWire, ZoneResultWire } from "../src/api/wire.js"
import { I18nProvider } from "../src/i18n/I18n.js"
import { RankingTable } from "../src/results/RankingTable.js"

// A hand-written group of four zones in wire form: two rewarded (band 2), a tie at rank 2 ("1224"), one new entry.
const group: GroupWire = {
  group: "county",
  name: { zh: "县域", en: "County" },
  size: 4,
  reward_band: 2,
  ranking: [
    { cluster_id: "a", name: "甲集聚区", rank: 1, score: 91.234, reward: true },
    { cluster_id: "b", name: "乙集聚区", rank: 2, score: 80, reward: true },
    { cluster_id: "c", name: "丙集聚区", rank: 2, score: 80, reward: true },
    { cluster_id: "d", name: "丁集聚区", rank: 4, score: 55.5, reward: false },
  ],
}
const zone = (id: string, o: Partial<ZoneResultWire>) => [id, { cluster_id: id, name_en: null, stars: null, ...o } as ZoneResultWire] as const
const clusters = new Map([
  zone("a", { rank_change: 2, previous_rank: 3, stars: { stars: 3 } as ZoneResultWire["stars"] }),
  zone("b", { rank_change: -1, previous_rank: 1, stars: { stars: 0 } as ZoneResultWire["stars"] }),
  zone("c", { rank_change: 0, previous_rank: 2 }),
  zone("d", { rank_change: null, previous_rank: null, name_en: "Ding zone", stars: { stars: null } as ZoneResultWire["stars"] }),
])

const rows = () => screen.getAllByRole("row").slice(1)

describe("ranking table", () => {
  it("shows ranks, scores, rank changes ▲▼, stars and rewards in Chinese", () => {
    render(
      <I18nProvider lang="zh">
        <RankingTable group={group} clusters={clusters} period="2025" />
      </I18nProvider>,
    )
    expect(screen.getByText("县域：4 个参评，前 2 名奖励")).toBeTruthy()
    expect(rows().map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(["1", "2", "2", "4"])
    const [a, b, c, d] = rows() as [HTMLElement, HTMLElement, HTMLElement, HTMLElement]
    expect(within(a).getByText("91.23")).toBeTruthy()
    // The symbol is for the eye (aria-hidden), the words for screen readers.
    const said = (row: HTMLElement, words: string) => within(row).getByText(words).previousElementSibling
    expect(said(a, "上升 2 位")?.textContent).toBe("▲2")
    expect(said(a, "上升 2 位")?.getAttribute("aria-hidden")).toBe("true")
    expect(said(b, "下降 1 位")?.textContent).toBe("▼1")
    expect(said(c, "名次不变")?.textContent).toBe("–")
    expect(within(d).getByText("新进入")).toBeTruthy()
    expect(said(a, "3 星")?.textContent).toBe("★★★")
    expect(said(b, "0 星")?.textContent).toBe("☆")
    expect(within(c).getByText("本方案不评星级")).toBeTruthy()
    expect(within(d).getByText("未评级")).toBeTruthy()
    expect(rows().map((r) => within(r).queryByText("奖励") !== null)).toEqual([true, true, true, false])
    expect(within(a).getByRole("link", { name: "甲集聚区" }).getAttribute("href")).toBe("#/cluster/a?period=2025")
  })

  it("speaks English when asked, with English names where the register has them", () => {
    render(
      <I18nProvider lang="en">
        <RankingTable group={group} clusters={clusters} period="2025" />
      </I18nProvider>,
    )
    expect(screen.getByText("County: 4 ranked, top 2 rewarded")).toBeTruthy()
    const [a, b, , d] = rows() as [HTMLElement, HTMLElement, HTMLElement, HTMLElement]
    expect(within(a).getByText("up 2 places")).toBeTruthy()
    expect(within(b).getByText("down 1 place")).toBeTruthy()
    expect(within(d).getByRole("link", { name: "Ding zone" })).toBeTruthy()
    expect(within(a).getByText("3 stars")).toBeTruthy()
  })
})
