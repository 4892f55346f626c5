import { apiErrorStatus, type ApiErrorBody, type ApiErrorCode } from '../../shared/api';

/** An error the API answers with as `{ error: { code, message, path, ... } }` and the code's status. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly path = '',
    readonly extra: Omit<ApiErrorBody['error'], 'code' | 'message' | 'path'> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = apiErrorStatus[code];
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, path: this.path, ...this.extra } };
  }
}
