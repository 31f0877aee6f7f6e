import { type ClusterKind, type ClusterLevel, clusterKindNames, clusterLevelNames, type RankingGroup, rankingGroupNames } from "@jiju/domain"
import { parseFlags } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

const oneOf = <K extends string>(value: string | undefined, allowed: Record<K, unknown>, flag: string): K | undefined => {
  if (value === undefined) return undefined
  if (value in allowed) return value as K
  throw new CliError("usage", `--${flag} must be one of ${Object.keys(allowed).join(", ")}; got "${value}"`, 2)
}

/** `jiju clusters`: list the register of cluster zones. */
export const clustersCommand: Command = {
  name: "clusters",
  summary: { zh: "列出集聚区名录", en: "list the register of cluster zones" },
  usage: [
    "jiju clusters [--json] [--region CODE] [--kind K] [--group G] [--level L] [--archived]",
    "  --region CODE   a province, city or county code: zones in it and below",
    `  --kind K        ${Object.keys(clusterKindNames).join(" | ")}`,
    `  --group G       ${Object.keys(rankingGroupNames).join(" | ")}`,
    `  --level L       ${Object.keys(clusterLevelNames).join(" | ")}`,
    "  --archived      include archived zones",
  ].join("\n"),
  run: async (argv, io) => {
    const { values } = parseFlags(argv, {
      json: { type: "boolean" },
      region: { type: "string" },
      kind: { type: "string" },
      group: { type: "string" },
      level: { type: "string" },
      archived: { type: "boolean" },
    })
    const kind = oneOf<ClusterKind>(values.kind, clusterKindNames, "kind")
    const group = oneOf<RankingGroup>(values.group, rankingGroupNames, "group")
    const level = oneOf<ClusterLevel>(values.level, clusterLevelNames, "level")
    if (values.region !== undefined && !/^[1-9]\d{5}$/.test(values.region))
      throw new CliError("usage", `--region expects a 6-digit region code, got "${values.region}"`, 2)
    // The application core loads only for the commands that open the store.
    const [{ withApp }, { allClusters, allRegions }] = await Promise.all([import("../app.js"), import("@jiju/app")])
    return withApp(io, async (app) => {
      const clusters = await app.run(
        allClusters(app.actor, { region: values.region, kind, group, level, archived: values.archived === true ? "include" : "exclude" }),
      )
      const regions = await app.run(allRegions(app.actor, { archived: "include" }))
      const regionName = new Map(regions.map((r) => [r.code as string, r.name]))
      const rows = clusters.map((c) => ({
        id: c.id,
        name: c.name,
        ...(c.nameEn !== undefined ? { nameEn: c.nameEn } : {}),
        kind: c.kind,
        form: c.form,
        level: c.level,
        group: c.group,
        region: c.region,
        regionName: regionName.get(c.region) ?? null,
        plannedArea: c.plannedArea,
        established: c.established,
        leadingIndustries: c.leadingIndustries,
        managementBody: c.managementBody,
        isDemo: c.isDemo,
        version: c.version,
        archivedAt: c.archivedAt,
      }))
      if (values.json === true) {
        printJson(io, { clusters: rows })
        return 0
      }
      io.stdout.write(
        table(
          ["编号 id", "名称 name", "类型 kind", "组别 group", "区域 region", "面积 km²"],
          rows.map((r) => [
            r.id,
            r.name + (r.archivedAt ? " (已归档 archived)" : ""),
            clusterKindNames[r.kind].zh,
            rankingGroupNames[r.group].zh,
            `${r.regionName ?? ""} ${r.region}`,
            String(r.plannedArea),
          ]),
        ),
      )
      io.stdout.write(`${rows.length} 个集聚区 clusters`)
      io.stdout.write(rows.some((r) => r.isDemo) ? "（含演示数据 includes demo data）\n" : "\n")
      return 0
    })
  },
}
