/**
 * HTML printed to PDF by a Chromium on the machine (headless, its own print-to-PDF), so that no browser is
 * downloaded or bundled: JIJU_CHROMIUM names it, /usr/bin/chromium by default.
 */
import { execFile } from "node:child_process"
import { access, constants, mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { Unavailable } from "../Failure.js"

/** The Chromium used when JIJU_CHROMIUM is not set (Debian's package). */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium"

/**
 * The failure when no Chromium can be run at `path`: what is missing and how to give it, in both languages.
 * @example chromiumMissing("/usr/bin/chromium").code // "chromium_missing"
 */
export const chromiumMissing = (path: string, why?: string): Unavailable =>
  new Unavailable({
    code: "chromium_missing",
    en: `a PDF is printed by Chromium, and none can be run at ${path}${why ? ` (${why})` : ""}: install Chromium or set JIJU_CHROMIUM to its executable, or write the .docx instead`,
    zh: `生成 PDF 需要 Chromium，但无法运行 ${path}${why ? `（${why}）` : ""}：请安装 Chromium 或用 JIJU_CHROMIUM 指定其可执行文件，或改为生成 .docx`,
  })

const run = (file: string, args: ReadonlyArray<string>) =>
  new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    execFile(file, [...args], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === "ENOENT") reject(err)
      else if (err && (err as NodeJS.ErrnoException).code === "EACCES") reject(err)
      else resolve({ code: err ? ((err as { code?: unknown }).code as number | null) : 0, stderr: String(stderr) })
    })
  })

/**
 * Print a self-contained HTML page to PDF bytes with the Chromium at `chromium`. Fails with
 * {@link chromiumMissing} when that file is absent or does not run, and with the browser's own message when it
 * runs but writes no PDF.
 * @example const pdf = await printPdf("<!doctype html><p>通报</p>", "/usr/bin/chromium")
 */
export const printPdf = async (html: string, chromium: string): Promise<Uint8Array> => {
  try {
    await access(chromium, constants.X_OK)
  } catch {
    throw chromiumMissing(chromium)
  }
  const dir = await mkdtemp(join(tmpdir(), "jiju-pdf-"))
  try {
    const page = join(dir, "report.html")
    const pdf = join(dir, "report.pdf")
    await writeFile(page, html)
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--no-default-browser-check",
      `--user-data-dir=${join(dir, "profile")}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ]
    let result: { code: number | null; stderr: string }
    try {
      result = await run(chromium, args)
    } catch (e) {
      throw chromiumMissing(chromium, (e as Error).message)
    }
    try {
      return new Uint8Array(await readFile(pdf))
    } catch {
      throw chromiumMissing(chromium, `exit ${result.code}: ${result.stderr.trim().split("\n").slice(-2).join(" ").slice(0, 300)}`)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
