export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'GONE'
  | 'RATE_LIMITED'
  | 'BAD_GATEWAY'
  | 'SERVICE_UNAVAILABLE'
  | 'GATEWAY_TIMEOUT'
  | 'INTERNAL';

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  GONE: 410,
  RATE_LIMITED: 429,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
  INTERNAL: 500,
};

const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  VALIDATION_FAILED: 'Some fields are not valid.',
  UNAUTHENTICATED: 'Sign in to continue.',
  FORBIDDEN: 'You do not have permission to do this.',
  NOT_FOUND: 'Not found.',
  METHOD_NOT_ALLOWED: 'This method is not supported here.',
  CONFLICT: 'This conflicts with the current state of the record.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'This kind of file or body is not accepted here.',
  GONE: 'This is no longer available.',
  RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
  BAD_GATEWAY: 'An outside service answered with an error. Try again later.',
  SERVICE_UNAVAILABLE: 'This service is not available right now. Try again later.',
  GATEWAY_TIMEOUT: 'An outside service did not answer in time. Try again later.',
  INTERNAL: 'Something went wrong on our side. Nothing was saved.',
};

/** Per-field messages keyed by dotted path, e.g. { "arms.0.label": ["Required"] }. */
export type FieldErrors = Record<string, string[]>;

export type ErrorBody = {
  error: { code: AppErrorCode; message: string; fields?: FieldErrors; details?: Record<string, unknown> };
};

/** The one error type domain code throws; the guard turns it into the API error shape. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(
    code: AppErrorCode,
    message?: string,
    options: { fields?: FieldErrors; details?: Record<string, unknown> } = {},
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status() {
    return HTTP_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
