import type { UserWorkspaceConfig } from "vitest/config"

/** The vitest project of a Jiju package (see vitest.shared.mjs). */
export declare const jijuProject: (
  name: string,
  opts?: { store?: boolean; environment?: "node" | "happy-dom"; include?: string[]; setupFiles?: string[] },
) => UserWorkspaceConfig
