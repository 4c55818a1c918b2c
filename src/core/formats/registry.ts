import type { ResultFormat } from './format';
import { gkamradtV1 } from './gkamradtV1';
import { haymapCells } from './haymapCells';
import { tidyCsv } from './tidyCsv';

/** Every format Haymap reads. Adding a producer is one file and one line here. */
export const FORMATS: readonly ResultFormat[] = [haymapCells, gkamradtV1, tidyCsv];
