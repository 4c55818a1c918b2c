import type { ResultFormat } from './format';
import { babilong } from './babilong';
import { easyContext } from './easyContext';
import { evalScopeNeedleHaystack } from './evalScopeNeedleHaystack';
import { generic } from './generic';
import { gkamradtV1 } from './gkamradtV1';
import { gkamradtV2 } from './gkamradtV2';
import { haymapCells } from './haymapCells';
import { haymapShare } from './haymapShare';
import { helmet } from './helmet';
import { langchainMultiNeedle } from './langchainMultiNeedle';
import { lmEvalResults } from './lmEvalResults';
import { lmEvalSamples } from './lmEvalSamples';
import { longBenchV2 } from './longBenchV2';
import { lwm } from './lwm';
import { nolima } from './nolima';
import { nemoMetrics } from './nemoMetrics';
import { nemoMrcr } from './nemoMrcr';
import { nemoRuler } from './nemoRuler';
import { nemoRuler2 } from './nemoRuler2';
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
  longBenchV2,
  langchainMultiNeedle,
  easyContext,
  lwm,
  rulerPredictions,
  nemoRuler,
  nemoRuler2,
  nemoMrcr,
  nemoMetrics,
  rulerSummary,
  babilong,
  lmEvalSamples,
  lmEvalResults,
  openCompassNeedleBench,
  helmet,
  nolima,
  evalScopeNeedleHaystack,
  wideTable,
  generic,
];
