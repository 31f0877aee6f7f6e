import react from "@vitejs/plugin-react"
import { defineConfig } from "vite"

// The web app talks only to the API; in development Vite proxies /v1 to a local server.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["@jiju/source"] },
  server: { proxy: { "/v1": "http://127.0.0.1:8080", "/health": "http://127.0.0.1:8080" } },
  build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 700 },
})
