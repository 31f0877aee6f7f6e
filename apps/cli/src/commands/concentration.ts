import { open } from "node:fs/promises"
import { extname, resolve } from "node:path"
import {
  type ConcentrationReportOptions,
  concentrationAnalysis,
  concentrationCsvStream,
  concentrationDocument,
  InputError,
  type ReferenceTotals,
  referenceTotalsOfTable,
} from "@jiju/domain"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command, CommandIO } from "../Command.js"
import { printJson, table } from "../output.js"
import { asCliError, readDataFile } from "./coupling.js"

const usage = `jiju concentration — 产业集聚测度 · industrial concentration and specialisation

usage: jiju concentration --data FILE --region COL --industry COL --value COL [--firm COL | --plant-h "ind=0.02,ind2=0.1"]
                         [--reference FILE --reference-total Q] [--sheet S] [--json]

  --data      CSV, XLSX, JSON records or GeoJSON in long form, one row per region and industry (--sheet for XLSX),
              or one row per firm with --firm; CSV files are read in chunks (millions of rows)
  --region    column naming the region
  --industry  column naming the industry
  --value     column with the size (employment, output, value added …)
  --firm      column naming the firm (plant): the rows are firm records (microdata, e.g. 工业企业数据库), summed per
              region and industry, and Ellison–Glaeser's plant Herfindahl H = Σ(e_k/E)² is computed for each
              industry from its firms (a firm's rows in one industry are added up and must name one region)
  --plant-h   plant-level Herfindahl H per industry for Ellison–Glaeser γ (default 0: many small plants,
              which makes γ = G/(1 − Σx²), an upper bound); not with --firm
  --reference the reference area's total of each industry (e.g. national totals, as 002 篇3's financial LQ uses):
              a CSV, XLSX or JSON file of one row per industry with the --industry and --value columns; every
              industry of the data needs one. Location quotients are then (q_im/q_m)/(Q_i/Q)
  --reference-total
              Q, the reference area's total over all industries (e.g. national GDP or employment), with --reference

Totals are sums over the data unless --reference gives them. Output: location quotients (区位熵) per region and industry; per industry the
Hirschman–Herfindahl index, Ellison–Glaeser γ, spatial Gini and Krugman concentration; per region the Krugman
specialisation index and Gini specialisation (definitions of the R package REAT).`

/** Parse `--plant-h "a=0.02,b=0.1"` into H per industry. */
const parsePlantH = (text: string): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const part of text.split(",")) {
    const [name, value, ...rest] = part.split("=").map((s) => s.trim())
    const h = Number(value)
    if (!name || value === undefined || value === "" || rest.length > 0 || !Number.isFinite(h) || h < 0 || h >= 1)
      throw new CliError("bad_plant_h", `--plant-h "${part}": expected INDUSTRY=H with 0 ≤ H < 1`, 2)
    out[name] = h
  }
  return out
}

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : "—")

const CSV = new Set([".csv", ".tsv", ".txt"])

/**
 * Read a CSV file in 4 MB chunks through the domain's byte-level reader (concentrationCsvStream): the rows go
 * to typed arrays, never to a table of strings. Undefined for other formats and for UTF-16 files (BOM), which
 * take the general reader.
 */
const streamCsv = async (path: string, cwd: string, options: ConcentrationReportOptions) => {
  if (!CSV.has(extname(path).toLowerCase())) return undefined
  let file: Awaited<ReturnType<typeof open>>
  try {
    file = await open(resolve(cwd, path))
  } catch (e) {
    throw new CliError("file_not_found", `cannot read --data file "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
  }
  try {
    const buffer = new Uint8Array(4 << 20)
    const stream = concentrationCsvStream(options)
    for (let first = true; ; first = false) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null)
      if (first && bytesRead >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) return undefined
      if (bytesRead === 0) break
      stream.push(buffer.subarray(0, bytesRead))
    }
    return stream.finish()
  } finally {
    await file.close()
  }
}

/** The reference totals of `--reference FILE`; its problems name the file. */
const readReference = async (file: string, io: CommandIO, industry: string, value: string, total: number): Promise<ReferenceTotals> => {
  const table = await readDataFile(file, io, undefined, "reference")
  try {
    return referenceTotalsOfTable(table, { industry, value }, total)
  } catch (e) {
    if (e instanceof InputError) throw new CliError(e.code, `--reference file "${file}": ${e.message}`, 1)
    throw e
  }
}

/** `jiju concentration`: LQ, HHI, Ellison–Glaeser, Krugman and spatial Gini from long region–industry data. */
export const concentrationCommand: Command = {
  name: "concentration",
  summary: { zh: "区位熵与产业集聚指数", en: "location quotients and concentration indices" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, {
      data: { type: "string" },
      region: { type: "string" },
      industry: { type: "string" },
      value: { type: "string" },
      "plant-h": { type: "string" },
      firm: { type: "string" },
      reference: { type: "string" },
      "reference-total": { type: "string" },
      sheet: { type: "string" },
      json: { type: "boolean" },
    })
    const dataPath = required(f.data, "data")
    const regionCol = required(f.region, "region")
    const industryCol = required(f.industry, "industry")
    const valueCol = required(f.value, "value")
    const plantHerfindahl = f["plant-h"] === undefined ? undefined : parsePlantH(f["plant-h"])
    if (f.firm !== undefined && plantHerfindahl !== undefined)
      throw new CliError("conflicting_plant_h", "--plant-h cannot be combined with --firm: the plant Herfindahl is computed from the firm rows", 2)
    if ((f.reference === undefined) !== (f["reference-total"] === undefined))
      throw new CliError(
        "usage",
        f.reference === undefined
          ? "--reference-total needs --reference FILE (the reference total of each industry)"
          : "--reference needs --reference-total Q (the reference area's total over all industries, e.g. national GDP)",
        2,
      )
    const referenceTotal = f["reference-total"] === undefined ? undefined : Number(f["reference-total"])
    if (referenceTotal !== undefined && !(Number.isFinite(referenceTotal) && referenceTotal > 0))
      throw new CliError("usage", `--reference-total must be a positive number, got "${f["reference-total"]}"`, 2)
    try {
      // The reference file is read and checked before the data: a bad one stops the run first.
      const reference: ReferenceTotals | undefined =
        f.reference === undefined ? undefined : await readReference(f.reference, io, industryCol, valueCol, referenceTotal!)
      const options: ConcentrationReportOptions = {
        region: regionCol,
        industry: industryCol,
        value: valueCol,
        plantH: plantHerfindahl,
        firm: f.firm,
        reference,
      }
      const r = (await streamCsv(dataPath, io.cwd, options)) ?? concentrationAnalysis(await readDataFile(dataPath, io, f.sheet), options)
      if (f.json) {
        printJson(io, concentrationDocument(r, reference))
        return 0
      }
      const lq = new Map(r.lq.map((q) => [`${q.region}\u0000${q.industry}`, q.lq]))
      io.stdout.write(reference ? `区位熵 location quotients（参照总量 against the reference totals, Q = ${referenceTotal}）\n` : "区位熵 location quotients\n")
      io.stdout.write(
        table(
          ["region", ...r.industries],
          r.regions.map((reg) => [reg, ...r.industries.map((ind) => fmt(lq.get(`${reg}\u0000${ind}`)!))]),
        ),
      )
      io.stdout.write("\n按产业 by industry\n")
      io.stdout.write(
        table(
          ["industry", "HHI", "EG gamma", "EG G", "EG H", "Gini", "Krugman conc."],
          r.industries.map((ind) => {
            const eg = r.ellison_glaeser[ind]!
            return [ind, fmt(r.hhi[ind]!), fmt(eg.gamma), fmt(eg.G), fmt(eg.H), fmt(r.gini[ind]!), fmt(r.krugman_concentration[ind]!)]
          }),
        ),
      )
      io.stdout.write("\n按区域 by region\n")
      io.stdout.write(
        table(
          ["region", "Krugman spec.", "Gini spec."],
          r.regions.map((reg) => [reg, fmt(r.krugman[reg]!), fmt(r.gini_specialisation[reg]!)]),
        ),
      )
      return 0
    } catch (e) {
      throw asCliError(e)
    }
  },
}
