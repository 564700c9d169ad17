import type { InstrumentCode } from '../instrument-codes';
import type { InstrumentDefinition } from '../types';
import { BDI_II_DEFINITION } from './bdi-ii';
import { BPI_SF_DEFINITION } from './bpi-sf';
import { CADSS_DEFINITION } from './cadss';
import { GAD7_DEFINITION } from './gad7';
import { NRS_DEFINITION } from './nrs';
import { PCL5_DEFINITION } from './pcl5';
import { PHQ9_DEFINITION } from './phq9';
import { PROMIS_PI_DEFINITION } from './promis-pi';
import { QIDS_SR16_DEFINITION } from './qids-sr16';

export const INSTRUMENT_DEFINITIONS: Record<InstrumentCode, InstrumentDefinition> = {
  PHQ9: PHQ9_DEFINITION,
  GAD7: GAD7_DEFINITION,
  QIDS_SR16: QIDS_SR16_DEFINITION,
  BDI_II: BDI_II_DEFINITION,
  BPI_SF: BPI_SF_DEFINITION,
  PCL5: PCL5_DEFINITION,
  NRS: NRS_DEFINITION,
  PROMIS_PI: PROMIS_PI_DEFINITION,
  CADSS: CADSS_DEFINITION,
};
