import { join } from "node:path"
import { fileURLToPath } from "node:url"

// The examples shipped with the command line (Anselin's Columbus neighbourhoods), run by the start-up tests.
const examples = fileURLToPath(new URL("../../examples/", import.meta.url))

/**
 * `jiju moran` on Columbus's crime rate, with `data` (default the example CSV) and the output flags.
 * @example spawnSync(node, [main, ...columbusMoran(["--json"])])
 */
export const columbusMoran = (output: ReadonlyArray<string>, data = join(examples, "columbus.csv")): string[] => [
  "moran",
  "--data",
  data,
  "--id",
  "POLYID",
  "--weights",
  join(examples, "columbus.gal"),
  "--var",
  "CRIME",
  ...output,
]
