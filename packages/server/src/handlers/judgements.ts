import { certification, diagnosis, incentive, stage, targets } from "@jiju/app"
import type { TargetSet } from "@jiju/domain/assessment"
import type { judgementsApi } from "@jiju/domain/contract"
import type { Handlers } from "../http/bind.js"

/** Judgements on zones: each answers the document its `jiju` command prints with --json. */
export const judgementsHandlers: Handlers<typeof judgementsApi> = {
  certification: ({ query }, { caller }) => certification(caller, query),
  stage: ({ query }, { caller }) => stage(caller, query),
  diagnosis: ({ query }, { caller }) => diagnosis(caller, query),
  incentive: ({ query }, { caller }) => incentive(caller, query),
  targets: ({ query }, { caller }) => targets(caller, query),
  customTargets: ({ body }, { caller }) => targets(caller, { set: body.set as TargetSet, period: body.period, region: body.region }),
}
