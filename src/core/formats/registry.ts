import type { ResultFormat } from './format';
import { babilong } from './babilong';
import { easyContext } from './easyContext';
import { generic } from './generic';
import { gkamradtV1 } from './gkamradtV1';
import { gkamradtV2 } from './gkamradtV2';
import { haymapCells } from './haymapCells';
import { haymapShare } from './haymapShare';
import { langchainMultiNeedle } from './langchainMultiNeedle';
import { lmEvalResults } from './lmEvalResults';
import { lmEvalSamples } from './lmEvalSamples';
import { lwm } from './lwm';
import { openCompassNeedleBench } from './openCompass';
import { rulerPredictions } from './rulerPredictions';
import { rulerSummary } from './rulerSummary';
import { tidyCsv } from './tidyCsv';
import { wideTable } from './wideTable';

/** Every format Haymap reads. Adding a producer is one file and one line here. */
export const FORMATS: readonly ResultFormat[] = [
  haymapCells,
  haymapShare,
  gkamradtV1,
  tidyCsv,
  gkamradtV2,
  langchainMultiNeedle,
  easyContext,
  lwm,
  rulerPredictions,
  rulerSummary,
  babilong,
  lmEvalSamples,
  lmEvalResults,
  openCompassNeedleBench,
  wideTable,
  generic,
];
