import { writeFile } from "node:fs/promises"
import { resolve } from "node:path"
import { toNeighbourList, weightsAnalysis, weightsDocument, writeGal, writeGwt } from "@jiju/domain"
import { parseFlags, required } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"
import { checkWeightsFlags, cliError, domainCall, readSpatialData, weightsFlagOptions, weightsSpec, weightsUsage } from "../weightsOptions.js"

const usage = `jiju weights — 空间权重 · build and summarise spatial weights

usage: jiju weights --data FILE [--id COL] <weights> [--out W.gal|W.gwt] [--json]

  --data   CSV, XLSX, JSON records or GeoJSON, one row per spatial unit
  --out    write the neighbour list as GAL (links) or GWT (links and weights)

${weightsUsage}

Output: number of units, links (directed, as spdep counts them), islands (units without neighbours) and the
smallest, largest and mean number of neighbours.`

/** `jiju weights`: build weights from a file, polygons or points; summarise them and optionally write GAL/GWT. */
export const weightsCommand: Command = {
  name: "weights",
  summary: { zh: "构建并概括空间权重", en: "build and summarise spatial weights" },
  usage,
  async run(argv, io) {
    const { values: f } = parseFlags(argv, { ...weightsFlagOptions, data: { type: "string" }, out: { type: "string" }, json: { type: "boolean" } })
    const dataPath = required(f.data, "data")
    checkWeightsFlags(f)
    if (f.out !== undefined && !/\.(gal|gwt)$/i.test(f.out))
      throw new CliError("unknown_weights_format", `--out expects a .gal or .gwt file name, got "${f.out}"`, 2)
    const data = await readSpatialData(dataPath, io)
    const spec = await weightsSpec(f, io)
    const analysis = domainCall(() => weightsAnalysis(data, { id: f.id, weights: spec }))
    const { weights, summary: s } = analysis
    if (f.out !== undefined) {
      const list = toNeighbourList(weights)
      let text: string
      try {
        text = /\.gwt$/i.test(f.out)
          ? writeGwt({ ids: list.ids, neighbours: list.neighbours, weights: list.weights ?? list.neighbours.map((r) => r.map(() => 1)) })
          : writeGal({ ids: list.ids, neighbours: list.neighbours })
      } catch (e) {
        throw cliError(e)
      }
      try {
        await writeFile(resolve(io.cwd, f.out), text)
      } catch (e) {
        throw new CliError("write_failed", `cannot write --out file "${f.out}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1)
      }
    }
    const out = weightsDocument(analysis)
    if (f.json) {
      printJson(io, out)
      return 0
    }
    io.stdout.write(
      table(
        ["统计 statistic", "值 value"],
        [
          ["units", String(out.n)],
          ["links", String(out.links)],
          ["min neighbours", String(out.min_neighbours)],
          ["max neighbours", String(out.max_neighbours)],
          ["mean neighbours", out.mean_neighbours.toFixed(4)],
          [
            "islands",
            out.islands.length === 0 ? "none" : `${out.islands.length}: ${out.islands.slice(0, 20).join(", ")}${out.islands.length > 20 ? " …" : ""}`,
          ],
          ["symmetric", s.symmetric ? "yes" : "no"],
        ],
      ),
    )
    if (f.out !== undefined) io.stdout.write(`wrote ${f.out}\n`)
    return 0
  },
}
