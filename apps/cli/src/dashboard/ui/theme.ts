/** Colours by role; every one is undefined under NO_COLOR, so nothing is told by colour alone. */
export interface Theme {
  readonly accent: string | undefined
  readonly up: string | undefined
  readonly down: string | undefined
  readonly dim: boolean
  readonly warn: string | undefined
}

/**
 * The theme for an environment: plain when NO_COLOR is set (any value, per no-color.org) or TERM is "dumb".
 * @example themeFor({ NO_COLOR: "1" }).accent // undefined
 */
export const themeFor = (env: Readonly<Record<string, string | undefined>>): Theme => {
  const plain = (env.NO_COLOR !== undefined && env.NO_COLOR !== "") || env.TERM === "dumb"
  return plain
    ? { accent: undefined, up: undefined, down: undefined, dim: false, warn: undefined }
    : { accent: "cyan", up: "green", down: "red", dim: true, warn: "yellow" }
}
