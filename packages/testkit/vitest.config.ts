import { jijuProject } from "./vitest.shared.mjs"

export default jijuProject("architecture")
