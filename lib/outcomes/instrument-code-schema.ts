import { z } from 'zod';
import { INSTRUMENT_CODES } from './instrument-codes';

// Apart from instrument-codes.ts so the screens that only show instrument labels load no zod.
export const instrumentCodeSchema = z.enum(INSTRUMENT_CODES);
