import { parseFlags } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command } from "../Command.js"
import { printJson } from "../output.js"
import { clusterFlags, roleFlag } from "./user.js"

const usage = `jiju token — 访问令牌 · bearer tokens for the HTTP API

usage: jiju token create --role admin|submitter|viewer [--cluster ID ...] [--name NAME] [--json]
       jiju token revoke ID

The token is printed once; the store keeps only its sha256 hash.
Use it as: curl -H "Authorization: Bearer <token>" http://127.0.0.1:8080/v1/clusters`

/** `jiju token`: mint and revoke API bearer tokens. */
export const tokenCommand: Command = {
  name: "token",
  summary: { zh: "创建或撤销访问令牌", en: "create or revoke API tokens" },
  usage,
  async run(argv, io) {
    const { values: f, positionals } = parseFlags(
      argv,
      { role: { type: "string" }, cluster: { type: "string", multiple: true }, name: { type: "string" }, json: { type: "boolean" } },
      true,
    )
    const [action, id, ...extra] = positionals
    if (action === "revoke") {
      if (!id || extra.length > 0) throw new CliError("usage", "give the token id: jiju token revoke ID", 2)
      const [{ withApp }, { revokeToken }] = await Promise.all([import("../app.js"), import("@jiju/app")])
      return withApp(io, async (app) => {
        await app.run(revokeToken(app.actor, id))
        if (f.json) printJson(io, { revoked: id })
        else io.stdout.write(`已撤销 revoked ${id}\n`)
        return 0
      })
    }
    if (action !== "create" || id !== undefined) throw new CliError("usage", `expected "token create --role R" or "token revoke ID"`, 2)
    const role = roleFlag(f.role)
    const clusters = f.cluster ?? []
    clusterFlags(role, clusters)
    const [{ withApp }, { createToken }] = await Promise.all([import("../app.js"), import("@jiju/app")])
    return withApp(io, async (app) => {
      const made = await app.run(createToken(app.actor, { role, clusterIds: clusters, ...(f.name ? { name: f.name } : {}) }))
      const { token } = made
      if (f.json) printJson(io, { token })
      else io.stdout.write(`${token}\n(id ${made.id}, ${role}${clusters.length ? ` for ${clusters.join(", ")}` : ""}; shown once)\n`)
      return 0
    })
  },
}
