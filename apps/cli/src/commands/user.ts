import { randomBytes } from "node:crypto"
import type { Role } from "@jiju/domain/contract"
import { parseFlags } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson, table } from "../output.js"

const usage = `jiju user — 账户 · accounts of the HTTP API

usage: jiju user create NAME --role admin|submitter|viewer [--cluster ID ...] [--password P] [--json]
       jiju user list [--json]

  --role      admin (everything), submitter (its clusters' data), viewer (read only)
  --cluster   a cluster the submitter may write (repeat for several; submitters need at least one)
  --password  at least 10 characters; a random one is generated and printed when omitted`

const roles: ReadonlyArray<Role> = ["admin", "submitter", "viewer"]

/** Check a role flag. */
export const roleFlag = (value: string | undefined): Role => {
  if (value === undefined) throw new CliError("usage", "missing required flag --role (admin, submitter or viewer)", 2)
  if (!roles.includes(value as Role)) throw new CliError("usage", `--role must be admin, submitter or viewer, got "${value}"`, 2)
  return value as Role
}

/** Check that a submitter names clusters (and only a submitter does). */
export const clusterFlags = (role: Role, clusters: ReadonlyArray<string>): void => {
  if (role === "submitter" && clusters.length === 0) throw new CliError("usage", "a submitter needs --cluster ID (the zone it may submit for)", 2)
  if (role !== "submitter" && clusters.length > 0) throw new CliError("usage", "--cluster is only for --role submitter", 2)
}

/** `jiju user`: create and list accounts (scrypt-hashed passwords) in the store. */
export const userCommand: Command = {
  name: "user",
  summary: { zh: "管理接口账户", en: "manage API accounts" },
  usage,
  async run(argv, io) {
    const { values: f, positionals } = parseFlags(
      argv,
      { role: { type: "string" }, cluster: { type: "string", multiple: true }, password: { type: "string" }, json: { type: "boolean" } },
      true,
    )
    const [action, name, ...extra] = positionals
    const [{ withApp }, { createUser, listUsers }] = await Promise.all([import("../app.js"), import("@jiju/app")])
    if (action === "list") {
      return withApp(io, async (app) => {
        const users = (await app.run(listUsers(app.actor))).items
        if (f.json) printJson(io, { users })
        else
          io.stdout.write(
            table(
              ["name", "role", "clusters", "locked until"],
              users.map((u) => [u.name, u.role, u.clusterIds.join(","), u.lockedUntil ?? ""]),
            ),
          )
        return 0
      })
    }
    if (action !== "create") throw new CliError("usage", `expected "user create NAME" or "user list"; see jiju user --help`, 2)
    if (!name || extra.length > 0) throw new CliError("usage", "give exactly one NAME: jiju user create NAME --role R", 2)
    if (!/^[\p{L}\p{N}_.@-]{2,64}$/u.test(name)) throw new CliError("usage", `NAME "${name}": use 2–64 letters, digits, _ . @ -`, 2)
    const role = roleFlag(f.role)
    const clusters = f.cluster ?? []
    clusterFlags(role, clusters)
    if (f.password !== undefined && f.password.length < 10) throw new CliError("usage", "--password must have at least 10 characters", 2)
    const password = f.password ?? randomBytes(12).toString("base64url")
    return withApp(io, async (app) => {
      const user = await app.run(createUser(app.actor, { name, role, password, clusterIds: clusters }))
      if (f.json) printJson(io, { user, ...(f.password === undefined ? { password } : {}) })
      else
        io.stdout.write(
          `已创建账户 created ${role} "${name}"${clusters.length ? ` for ${clusters.join(", ")}` : ""}${f.password === undefined ? `; password: ${password}` : ""}\n`,
        )
      return 0
    })
  },
}
