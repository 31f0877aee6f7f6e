import { existsSync, readFileSync, statSync } from "node:fs"
import { extname, join, normalize, sep } from "node:path"

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".map": "application/json",
}

/**
 * Serve a built single-page app from `dir`: existing files as they are (hashed assets cached for a
 * year), any other GET path as index.html so that client-side routes load. Returns undefined when
 * the folder or its index.html is missing.
 *
 * @example
 * const web = staticSite("/srv/jiju/apps/web/dist"); const res = web?.(new Request("http://x/clusters"))
 */
export const staticSite = (dir: string): ((req: Request) => Response) | undefined => {
  const index = join(dir, "index.html")
  if (!existsSync(index)) return undefined
  const root = normalize(dir + sep)
  return (req) => {
    if (req.method !== "GET" && req.method !== "HEAD") return new Response("method not allowed", { status: 405 })
    let path: string
    try {
      path = decodeURIComponent(new URL(req.url).pathname)
    } catch {
      return new Response("bad path", { status: 400 })
    }
    const file = normalize(join(root, path))
    // Never leave the folder (../ in the path).
    const inside = file.startsWith(root)
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : index
    const body = readFileSync(target)
    const immutable = target !== index && /[/\\]assets[/\\]/.test(target)
    return new Response(req.method === "HEAD" ? null : body, {
      headers: {
        "content-type": types[extname(target).toLowerCase()] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
        "x-content-type-options": "nosniff",
      },
    })
  }
}
