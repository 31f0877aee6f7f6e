import { AsyncLocalStorage } from "node:async_hooks"

/** A table a command printed: its header and rows, as the aligned text shows them. */
export interface PrintedTable {
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

const sink = new AsyncLocalStorage<PrintedTable[]>()

/** The tables being collected for `--format csv` in this call, if any (output.table hands them over here). */
export const tableSink = (): PrintedTable[] | undefined => sink.getStore()

/**
 * Run a command and keep the tables it prints instead of their text.
 * @example const { code, tables } = await collectTables(() => command.run(argv, io))
 */
export const collectTables = async <T>(fn: () => Promise<T>): Promise<{ result: T; tables: PrintedTable[] }> => {
  const tables: PrintedTable[] = []
  const result = await sink.run(tables, fn)
  return { result, tables }
}
