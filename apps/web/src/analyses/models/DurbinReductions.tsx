import type { DurbinReductions as Reductions } from "@jiju/domain/econometrics"
import { useI18n } from "../../i18n/I18n.js"
import { showNumber, showP } from "./numbers.js"

/**
 * The spatial Durbin model's reductions as the server tested them (LR and Wald, Elhorst 2010): whether the SDM
 * reduces to the spatial lag model (H0 θ = 0) or to the spatial error model (H0 θ = −ρβ), what each means, and the
 * verdict in the interface language.
 */
export function DurbinReductions({ reductions }: { readonly reductions: Reductions }) {
  const { t, pick } = useI18n()
  const rows = [
    { key: "lag" as const, r: reductions.lag, hypothesis: "θ = 0", meaning: t.reductionLag },
    { key: "error" as const, r: reductions.error, hypothesis: "θ = −ρβ", meaning: t.reductionError },
  ]
  return (
    <section className="card reductions" aria-labelledby="reductions-title">
      <h3 id="reductions-title">{t.reductionsTitle}</h3>
      <p className="muted">{t.reductionsIntro(reductions.alpha)}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.reductionTo}</th>
              <th scope="col">H0</th>
              <th scope="col" className="num">
                LR (df)
              </th>
              <th scope="col" className="num">
                p
              </th>
              <th scope="col" className="num">
                Wald (df)
              </th>
              <th scope="col" className="num">
                p
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, r, hypothesis }) => (
              <tr key={key} data-reduction={key}>
                <th scope="row">{key === "lag" ? t.reduceToLag : t.reduceToError}</th>
                <td>{hypothesis}</td>
                {r ? (
                  <>
                    <td className="num">{`${showNumber(r.lr.statistic)} (${r.lr.df})`}</td>
                    <td className="num">{showP(r.lr.p)}</td>
                    <td className="num">{`${showNumber(r.wald.statistic)} (${r.wald.df})`}</td>
                    <td className="num">{showP(r.wald.p)}</td>
                  </>
                ) : (
                  <td colSpan={4}>{t.reductionNotTested}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="explain">
        {rows.map(({ key, meaning }) => (
          <div key={key}>
            <dt>{key === "lag" ? t.reduceToLag : t.reduceToError}</dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="verdict" data-model={reductions.verdict.model}>
        <strong>{t.verdict}</strong>: {pick(reductions.verdict)}
      </p>
    </section>
  )
}
