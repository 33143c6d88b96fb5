/**
 * Errors are values with codes (DESIGN.md). Each code maps to one HTTP status of the local
 * host's wire protocol; that mapping is a public contract — extend it, never change it.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "materials.2.name". */
  field: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldIssue[] | Record<string, unknown>;
}

/** Courteous default messages (R-UX-1): what happened and what to do next. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '您好,您填写的内容有需要修改的地方,请按提示修改后再提交。',
  UNAUTHENTICATED: '您好,请先登录后再办理,谢谢。',
  FORBIDDEN: '对不起,您的账号没有办理此项业务的权限;如需办理,请联系中心管理员。',
  NOT_FOUND: '对不起,没有找到您要的内容,请返回上一页重新选择。',
  CONFLICT: '对不起,该内容刚刚已被他人修改,请刷新后再试。',
  PAYLOAD_TOO_LARGE: '对不起,提交的内容过大,请精简后再提交。',
  INTERNAL: '对不起,系统暂时出了点问题,请稍后再试;如仍不行,请拨打中心服务电话。',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorBody['details'];

  constructor(code: ErrorCode, message?: string, details?: ErrorBody['details']) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** The reply every cloud function returns, locally over HTTP and in the cloud alike. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
