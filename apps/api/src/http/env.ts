import type { Language } from "@jiju/domain/model"
import type { Principal } from "@jiju/store"

/** What middleware puts on the request context for the routes. */
export interface AppEnv {
  Variables: {
    lang: Language
    principal: Principal | undefined
  }
}
