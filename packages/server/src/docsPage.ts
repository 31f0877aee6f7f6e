import { accessText, type Contract } from "@jiju/domain/contract"

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The script of the reference page (served from its own path, so that the page's CSP allows no inline script). */
export const docsScript = `for (const tr of document.querySelectorAll("tr[data-path]")) tr.onclick = () => { document.getElementById("path").value = tr.dataset.path }
document.getElementById("go").onclick = async () => {
  const t = document.getElementById("token").value.trim()
  const r = await fetch(document.getElementById("path").value, { headers: t ? { authorization: "Bearer " + t } : {}, credentials: "same-origin" })
  const text = await r.text()
  let body = text; try { body = JSON.stringify(JSON.parse(text), null, 2) } catch {}
  document.getElementById("out").textContent = r.status + " " + r.statusText + "\\n\\n" + body
}`

/**
 * A self-contained reference page (no CDN): every operation of the contract with its access rule, and a small form
 * to try GET operations with a token.
 * @example docsPage(jijuApi).includes("/v1/regions") // true
 */
export const docsPage = (contract: Contract): string => {
  const rows = Object.values(contract)
    .map(
      (op) =>
        `<tr data-method="${op.method}" data-path="${esc(op.path)}"><td><code class="m ${op.method}">${op.method.toUpperCase()}</code></td><td><code>${esc(op.path)}</code></td><td>${esc(op.summary.zh)}<br><small>${esc(op.summary.en)}</small></td><td><small>${esc(accessText[op.access].zh)}<br>${esc(accessText[op.access].en)}</small></td></tr>`,
    )
    .join("\n")
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Jiju API 接口参考</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2733}
table{border-collapse:collapse;width:100%}td{border-top:1px solid #dde3ea;padding:.4rem .5rem;vertical-align:top}
code.m{font-weight:700}.get{color:#17663a}.post{color:#1b4f9c}.put{color:#8a5a00}.delete{color:#9c1b1b}
tr{cursor:pointer}tr:hover{background:#f3f6f9}pre{background:#f3f6f9;padding:1rem;overflow:auto;max-height:30rem}
input{font:inherit;padding:.2rem .4rem}
</style></head><body>
<h1>Jiju API · 集聚 接口参考</h1>
<p>机器可读说明 Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a>. JSON 字段为 snake_case；错误为 RFC 9457 problem details；<code>Accept-Language: en</code> 返回英文。
Authenticate with <code>Authorization: Bearer …</code> or the session cookie from <code>POST /v1/auth/login</code>.</p>
<p><label>Token <input id="token" size="50" placeholder="jjt_… (optional)"></label> <label>Path <input id="path" size="40" value="/v1/clusters"></label>
<button id="go">GET</button></p>
<pre id="out">点击一行 GET 接口并发送 · click a GET row, then send</pre>
<table><thead><tr><th></th><th>Path</th><th>Summary</th><th>Access</th></tr></thead><tbody>
${rows}
</tbody></table>
<script src="/v1/docs.js"></script>
</body></html>`
}
