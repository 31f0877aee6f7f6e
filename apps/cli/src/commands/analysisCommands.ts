import type { Command } from "../Command.js"

/**
 * The analysis commands that need neither the store nor the other commands, loaded alone by name: a one-off
 * `jiju hotspots …` or `jiju gwr …` then starts without loading every command (and the store) first.
 * Each is also listed in commands/index.ts for `jiju --help`.
 */
export const analysisCommandLoaders: Readonly<Record<string, () => Promise<Command>>> = {
  geary: async () => (await import("./geary.js")).gearyCommand,
  hotspots: async () => (await import("./hotspots.js")).hotspotsCommand,
  gwr: async () => (await import("./gwr.js")).gwrCommand,
  threshold: async () => (await import("./threshold.js")).thresholdCommand,
  disparity: async () => (await import("./disparity.js")).disparityCommand,
  density: async () => (await import("./density.js")).densityCommand,
  markov: async () => (await import("./markov.js")).markovCommand,
}
