/**
 * Every error code the API answers with, its HTTP status and the zh-CN message shown when the
 * thrower gave none. The web app localises by `code`; docs/api.md lists the codes clients see.
 * Engine codes (engine/src/engine.error.ts) are here too, so engine errors need no translation
 * layer of their own.
 */
export const ERROR_CODES = {
  // 400: the request itself is wrong
  VALIDATION_FAILED: { status: 400, message: '提交的数据有误' },
  MALFORMED_JSON: { status: 400, message: '请求体不是有效的 JSON' },
  BAD_REQUEST: { status: 400, message: '请求有误' },
  INVALID_ARGUMENT: { status: 400, message: '参数有误' },
  DEPLOYMENT_INVALID: { status: 400, message: '流程定义未通过校验' },
  // 401 / 403: who is asking
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  CSRF_REJECTED: { status: 403, message: '请求缺少 X-Requested-With 标头，已拒绝' },
  // 404 / 405 / 409: the state of things
  NOT_FOUND: { status: 404, message: '未找到请求的资源' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方法' },
  CONFLICT: { status: 409, message: '操作冲突：数据已变化，请刷新后重试' },
  INSTANCE_NOT_RUNNING: { status: 409, message: '流程实例不在运行状态' },
  // 413 / 415 / 423 / 429: limits
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求体过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求格式，请使用 JSON' },
  ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已临时锁定，请稍后再试' },
  TOO_MANY_REQUESTS: { status: 429, message: '请求过于频繁，请稍后再试' },
  // 5xx: our side
  INTERNAL_ERROR: { status: 500, message: '服务器内部错误，请稍后重试' },
  HANDLER_FAILED: { status: 500, message: '流程服务任务处理失败' },
  STORAGE_FAILED: { status: 503, message: '数据存储暂不可用，请稍后重试' },
  RENDERER_UNAVAILABLE: { status: 503, message: '公文 PDF 生成服务暂不可用，请稍后重试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isKnownErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** The code an HttpException (thrown by Nest itself or a library) stands for, by its status. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 423:
      return 'ACCOUNT_LOCKED';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL_ERROR';
  }
}
