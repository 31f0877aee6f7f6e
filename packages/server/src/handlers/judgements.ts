import { certification, diagnosis, incentive, landQuota, positions, promotion, stage, targets } from "@jiju/app"
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
  positions: ({ query }, { caller }) => positions(caller, query),
  landQuota: ({ query }, { caller }) => landQuota(caller, query),
  promotion: ({ query }, { caller }) => {
    const { thresholdRevenue, thresholdEmployment, thresholdTaxTotal, ...rest } = query
    const threshold = {
      ...(thresholdRevenue !== undefined ? { revenue: thresholdRevenue } : {}),
      ...(thresholdEmployment !== undefined ? { employment: thresholdEmployment } : {}),
      ...(thresholdTaxTotal !== undefined ? { tax_total: thresholdTaxTotal } : {}),
    }
    return promotion(caller, { ...rest, ...(Object.keys(threshold).length > 0 ? { threshold } : {}) })
  },
  customTargets: ({ body }, { caller }) => targets(caller, { set: body.set as TargetSet, period: body.period, region: body.region }),
}
