import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

// The layering of docs/architecture.md, checked on every source file: a rule that is only written down drifts.
const root = fileURLToPath(new URL("../../../", import.meta.url))

const sources = (dir: string): string[] => {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (name === "node_modules" || name === "dist") continue
      if (statSync(p).isDirectory()) walk(p)
      else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith(".d.ts")) out.push(p)
    }
  }
  walk(join(root, dir))
  return out
}

const importsOf = (file: string): string[] => {
  const text = readFileSync(file, "utf8")
  const found = new Set<string>()
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']/g)) found.add(m[1]!)
  for (const m of text.matchAll(/(?:import\(|require\()\s*["']([^"']+)["']/g)) found.add(m[1]!)
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g)) found.add(m[1]!)
  return [...found]
}

const violations = (dir: string, forbidden: ReadonlyArray<RegExp>): string[] =>
  sources(dir).flatMap((f) =>
    importsOf(f)
      .filter((spec) => forbidden.some((r) => r.test(spec)))
      .map((spec) => `${relative(root, f)} imports ${spec}`),
  )

const SQL_DRIVERS = [/^pg$/, /^@electric-sql\/pglite/]
const APPS = [/^@jiju\/(api|cli|web)(\/|$)/]

describe("layers (docs/architecture.md)", () => {
  it("the domain imports no store, application core, server or app", () => {
    expect(violations("packages/domain/src", [/^@jiju\/(store|app|server|testkit)/, ...APPS, ...SQL_DRIVERS, /^hono/])).toEqual([])
  })
  it("the store imports no application core, server or app", () => {
    expect(violations("packages/store/src", [/^@jiju\/(app|server|testkit)/, ...APPS, /^hono/])).toEqual([])
  })
  it("the application core imports no server, HTTP framework or app", () => {
    expect(violations("packages/app/src", [/^@jiju\/(server|testkit)/, ...APPS, /^hono/])).toEqual([])
  })
  it("the server reaches the store only through the application core", () => {
    expect(violations("packages/server/src", [/^@jiju\/(store|testkit)/, ...APPS, ...SQL_DRIVERS])).toEqual([])
  })
  it("no app imports the store, a SQL driver or another app", () => {
    expect(violations("apps/api/src", [/^@jiju\/store/, ...SQL_DRIVERS, /^@jiju\/(cli|web)(\/|$)/])).toEqual([])
    expect(violations("apps/cli/src", [/^@jiju\/store/, ...SQL_DRIVERS, /^@jiju\/(api|web)(\/|$)/])).toEqual([])
    expect(violations("apps/web/src", [/^@jiju\/(store|app|server)/, ...SQL_DRIVERS, /^@jiju\/(api|cli)(\/|$)/])).toEqual([])
  })
  it("no app opens a transaction or writes SQL", () => {
    const sqlText = /["'`]\s*(select\s[\s\S]{0,200}\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s)/i
    const found = ["apps/api/src", "apps/cli/src", "apps/web/src"].flatMap((d) =>
      sources(d)
        .filter((f) => /\.transaction\(/.test(readFileSync(f, "utf8")) || sqlText.test(readFileSync(f, "utf8")))
        .map((f) => relative(root, f)),
    )
    expect(found).toEqual([])
  })
  it("front ends compute no ranking, judgement, spatial statistic or project-register rule themselves", () => {
    // What the server computes, a front end shows: these are use cases, never called from the web or the dashboard.
    const computing =
      /\b(runAssessment|assessPeriod|rankStability|certify|classifyStage|diagnose|moranTest|localMoran|contiguityWeights|fitSpatialLag|fitSpatialError|admissionCheck|supervisionView|meetingWeek|recoveryReview|halfYearStarts|idleAssets|intensityBreaches|reportSchedule|expectedWeeks|isLate|weeklyReportProblems|deriveIndicators|compareWithSubmitted|landQuotaLists|landQuotaDocument|promotionVerdict|promotionDocument|supervisionCandidatesDocument|trackTargets|targetsDocument)\s*\(/
    // The project register's rules (deadlines, findings) and 篇8's candidate lists share names with API operations
    // (api.projectFindings, api.supervisionCandidates): a member call is the client, a bare call would be the rule.
    const projectRules = /(?<![.\w])(projectFindings|reportDeadline|supervisionCandidates)\s*\(/
    const found = [...sources("apps/web/src"), ...sources("apps/cli/src/dashboard")]
      .filter((f) => computing.test(readFileSync(f, "utf8")) || projectRules.test(readFileSync(f, "utf8")))
      .map((f) => relative(root, f))
    expect(found).toEqual([])
  })
})
