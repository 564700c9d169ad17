export type Sex = 'female' | 'male' | 'other' | 'unknown';

export type DoseErrorCode =
  | 'PROTOCOL_INVALID'
  | 'DATE_INVALID'
  | 'WEIGHT_MISSING'
  | 'WEIGHT_STALE'
  | 'WEIGHT_IN_FUTURE'
  | 'WEIGHT_OUT_OF_RANGE'
  | 'HEIGHT_MISSING'
  | 'HEIGHT_OUT_OF_RANGE'
  | 'HEIGHT_BELOW_DEVINE_MINIMUM'
  | 'SEX_REQUIRED_FOR_IBW'
  | 'SESSION_REQUIRED'
  | 'SESSION_OUT_OF_RANGE'
  | 'DOSE_ROUNDS_TO_ZERO'
  | 'VOLUME_TOO_SMALL'
  | 'RATE_TOO_SMALL';

/** `field` names the input to fix: 'weight', 'weight.kg', 'heightCm', 'sex', 'sessionNumber', 'today' or 'protocol.<path>'. */
export type DoseError = { field: string; code: DoseErrorCode; message: string };

export type Failure = { ok: false; errors: DoseError[] };
