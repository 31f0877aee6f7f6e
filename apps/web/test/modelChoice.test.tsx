import { fireEvent, render, screen, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { ModelChoice } from "../src/analyses/models/ModelChoice.js"
import type { RegressModel } from "../src/analyses/models/modelChoices.js"
import { I18nProvider } from "../src/i18n/I18n.js"

// Hand-written answers of the regression operation: only the parts the model choice reads, with made-up numbers.
const diagnostics = {
  moran_residuals: { I: 0.21, expected: -0.05, variance: 0.01, z: 2.6, p: 0.009 },
  lm_error: { statistic: 1.5, df: 1, p: 0.22 },
  lm_lag: { statistic: 6.25, df: 1, p: 0.0124 },
  robust_lm_error: { statistic: 0.4, df: 1, p: 0.53 },
  robust_lm_lag: { statistic: 5.15, df: 1, p: 0.0232 },
  sarma: { statistic: 6.65, df: 2, p: 0.036 },
}
const olsDoc = {
  model: "ols",
  diagnostics_of: "ols_residuals",
  diagnostics,
  recommendation: { model: "lag", alpha: 0.05, reason: { en: "Only LM-lag is significant (server's words).", zh: "仅 LM-lag 显著（服务器的说明）。" } },
}
const reductions = {
  lag: { lr: { statistic: 7.1, df: 2, p: 0.029 }, wald: { statistic: 7.4, df: 2, p: 0.025 } },
  error: { lr: { statistic: 1.2, df: 2, p: 0.55 }, wald: { statistic: 1.1, df: 2, p: 0.58 } },
  alpha: 0.05,
  verdict: { model: "error", en: "The common factor holds (server's verdict).", zh: "共同因子约束成立（服务器的结论）。" },
}

const show = (doc: Record<string, unknown>, lang: "zh" | "en" = "zh") => {
  const fitted: RegressModel[] = []
  const view = render(
    <I18nProvider lang={lang}>
      <ModelChoice doc={doc} model={doc.model as RegressModel} busy={false} onFit={(m) => fitted.push(m)} />
    </I18nProvider>,
  )
  return { fitted, view }
}

describe("model choice", () => {
  it("shows the LM tests of the OLS residuals and the server's suggestion, and fits the model it names", () => {
    const { fitted } = show(olsDoc)
    const lm = screen.getByRole("table")
    const rows = within(lm).getAllByRole("row").slice(1)
    expect(rows.map((r) => r.getAttribute("data-test"))).toEqual(["lm_lag", "lm_error", "robust_lm_lag", "robust_lm_error"])
    expect(
      within(rows[0]!)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["6.2500", "0.0124 **"])
    const suggestion = document.querySelector('[data-step="lm"] .verdict')!
    expect(suggestion.getAttribute("data-model")).toBe("lag")
    expect(suggestion.textContent).toBe("建议：SAR 空间滞后模型。 仅 LM-lag 显著（服务器的说明）。")
    fireEvent.click(screen.getByRole("button", { name: "估计 SAR 空间滞后模型" }))
    // Without a Durbin fit yet, the second step offers one.
    fireEvent.click(screen.getByRole("button", { name: "估计 SDM 空间杜宾模型" }))
    expect(fitted).toEqual(["lag", "durbin"])
  })

  it("after a Durbin fit, gives the server's verdict on its reductions and offers the model it names", () => {
    const { fitted } = show({ ...olsDoc, model: "durbin", reductions })
    const verdict = document.querySelector('[data-step="durbin"] .verdict')!
    expect(verdict.getAttribute("data-model")).toBe("error")
    expect(verdict.textContent).toBe("建议：SEM 空间误差模型。 共同因子约束成立（服务器的结论）。")
    // The SDM itself is not offered again.
    expect(screen.queryByRole("button", { name: "估计 SDM 空间杜宾模型" })).toBeNull()
    fireEvent.click(screen.getByRole("button", { name: "估计 SEM 空间误差模型" }))
    expect(fitted).toEqual(["error"])
  })

  it("offers nothing to fit when the suggestion is the model shown, and speaks English", () => {
    show({ ...olsDoc, model: "lag" }, "en")
    expect(screen.getByRole("heading", { name: "Choosing the model: from the LM tests to a spatial model" })).toBeTruthy()
    expect(document.querySelector('[data-step="lm"] .verdict')!.textContent).toBe("Suggested: SAR spatial lag. Only LM-lag is significant (server's words).")
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Fit the SDM spatial Durbin"])
  })

  it("is absent for a document without LM tests or reductions (a model fitted without weights)", () => {
    const { view } = show({ model: "ols", coefficients: {} })
    expect(view.container.innerHTML).toBe("")
  })
})
