import { type RuleSource, sourceLine } from "@jiju/domain/model"
import { useI18n } from "../../i18n/I18n.js"

/** A setting a judgement used, as the server lists it: its name, value and where the value came from. */
export interface SettingWire {
  readonly name: string
  readonly value: number | string | null
  readonly source: RuleSource
}

/** The settings of a judgement, each with its 依据 line (the server's source, worded by the domain's sourceLine). */
export function SettingLines({ settings }: { readonly settings: ReadonlyArray<SettingWire> }) {
  const { t, pick } = useI18n()
  return (
    <ul className="sources" aria-label={t.settingsTitle}>
      {settings.map((s) => (
        <li key={s.name}>
          <code>
            {s.name} = {s.value ?? "—"}
          </code>{" "}
          <small>{pick(sourceLine(s.source))}</small>
        </li>
      ))}
    </ul>
  )
}

/** One 依据 line of a source, or nothing when there is none (a target set of one's own). */
export function SourceLine({ source }: { readonly source: RuleSource | null }) {
  const { pick } = useI18n()
  return source === null ? null : <small className="source">{pick(sourceLine(source))}</small>
}

/** Says the judgement rests on demo data when the server says so. */
export function DemoNote({ demo }: { readonly demo: boolean }) {
  const { t } = useI18n()
  return demo ? (
    <p className="muted">
      <small>{t.demoData}</small>
    </p>
  ) : null
}
