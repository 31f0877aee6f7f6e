import type { Principal, Role } from "@jiju/store"
import type { Context } from "hono"
import type { AppEnv } from "../http/env.js"
import { ApiProblem, problems } from "../http/problem.js"

/**
 * The caller, or 401 when anonymous; 403 when its role is not among `allowed`.
 *
 * @example
 * const who = requireRole(c, "admin")
 */
export const requireRole = (c: Context<AppEnv>, ...allowed: Role[]): Principal => {
  const p = c.get("principal")
  if (!p) throw problems.unauthorized()
  if (allowed.length > 0 && !allowed.includes(p.role))
    throw problems.forbidden(
      `this needs the role ${allowed.join(" or ")}; you are ${p.role}`,
      `此操作需要 ${allowed.map(zhRole).join("或")} 角色；当前为 ${zhRole(p.role)}`,
    )
  return p
}

/** Whether a principal may write a cluster's data: admins any, submitters only their own. */
export const mayWriteCluster = (p: Principal, clusterId: string): boolean => p.role === "admin" || (p.role === "submitter" && p.clusterIds.includes(clusterId))

/** Require write access to one cluster's data (403 for another zone). */
export const requireClusterWrite = (c: Context<AppEnv>, clusterId: string): Principal => {
  const p = requireRole(c, "admin", "submitter")
  if (!mayWriteCluster(p, clusterId))
    throw new ApiProblem(403, "other_cluster", {
      en: `you may submit data only for ${p.clusterIds.join(", ") || "no cluster"}, not ${clusterId}`,
      zh: `您只能为 ${p.clusterIds.join("、") || "（无）"} 提交数据，不能为 ${clusterId} 提交`,
    })
  return p
}

/** The actor name written to the audit log. */
export const actorOf = (p: Principal): string => `${p.kind}:${p.name}`

const zhRole = (r: Role) => ({ admin: "管理员", submitter: "填报员", viewer: "查看者" })[r]
