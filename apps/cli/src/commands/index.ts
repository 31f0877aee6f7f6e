import type { Command } from "../Command.js"
import { assessCommand } from "./assess.js"
import { certifyCommand } from "./certify.js"
import { clustersCommand } from "./clusters.js"
import { concentrationCommand } from "./concentration.js"
import { couplingCommand } from "./coupling.js"
import { demoCommand } from "./demo.js"
import { densityCommand } from "./density.js"
import { diagnoseCommand } from "./diagnose.js"
import { disparityCommand } from "./disparity.js"
import { exportCommand } from "./export.js"
import { gearyCommand } from "./geary.js"
import { gwrCommand } from "./gwr.js"
import { hotspotsCommand } from "./hotspots.js"
import { importCommand } from "./import.js"
import { incentiveCommand } from "./incentive.js"
import { indicatorsCommand } from "./indicators.js"
import { lisaCommand } from "./lisa.js"
import { markovCommand } from "./markov.js"
import { moranCommand } from "./moran.js"
import { panelCommand } from "./panel.js"
import { regionsCommand } from "./regions.js"
import { regressCommand } from "./regress.js"
import { restoreCommand } from "./restore.js"
import { serveCommand } from "./serve.js"
import { stageCommand } from "./stage.js"
import { targetsCommand } from "./targets.js"
import { thresholdCommand } from "./threshold.js"
import { tokenCommand } from "./token.js"
import { userCommand } from "./user.js"
import { weightsCommand } from "./weights.js"

/** Every `jiju` subcommand, by name. Each lives in its own module in this folder. */
export const commands: ReadonlyArray<Command> = [
  clustersCommand,
  regionsCommand,
  indicatorsCommand,
  importCommand,
  exportCommand,
  restoreCommand,
  demoCommand,
  couplingCommand,
  concentrationCommand,
  weightsCommand,
  moranCommand,
  lisaCommand,
  gearyCommand,
  hotspotsCommand,
  regressCommand,
  panelCommand,
  gwrCommand,
  thresholdCommand,
  disparityCommand,
  densityCommand,
  markovCommand,
  userCommand,
  tokenCommand,
  serveCommand,
  assessCommand,
  certifyCommand,
  stageCommand,
  incentiveCommand,
  targetsCommand,
  diagnoseCommand,
]
