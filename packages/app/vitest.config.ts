import { jijuProject } from "@jiju/testkit/vitest"

export default jijuProject("app", { store: true })
