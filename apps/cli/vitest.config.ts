import { jijuProject } from "@jiju/testkit/vitest"

export default jijuProject("cli", { store: true })
