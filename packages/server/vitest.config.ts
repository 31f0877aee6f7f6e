import { jijuProject } from "@jiju/testkit/vitest"

export default jijuProject("server", { store: true })
