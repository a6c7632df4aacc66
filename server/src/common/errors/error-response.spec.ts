import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { EngineError } from '../../../../engine/src';
import { AppError } from './app-error';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it('answers an AppError with its code, message and details', () => {
    const error = AppError.field('name', '必填');
    expect(toErrorResponse(error)).toEqual({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误',
        details: [{ path: 'name', message: '必填' }],
      },
      unexpected: false,
    });
  });

  it.each([
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['INSTANCE_NOT_RUNNING', 409],
    ['VALIDATION_FAILED', 400],
    ['DEPLOYMENT_INVALID', 400],
    ['INVALID_ARGUMENT', 400],
    ['FORBIDDEN', 403],
    ['HANDLER_FAILED', 500],
    ['STORAGE_FAILED', 503],
  ] as const)('maps the engine code %s to %i with a zh-CN message', (code, status) => {
    const response = toErrorResponse(new EngineError(code, 'task t-1 of district other is gone'));
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps field errors of the engine but never its message for NOT_FOUND or FORBIDDEN', () => {
    const fields = [{ path: 'reply', message: '必填' }];
    expect(
      toErrorResponse(new EngineError('VALIDATION_FAILED', 'bad', fields)).body.details,
    ).toEqual(fields);
    expect(
      JSON.stringify(toErrorResponse(new EngineError('NOT_FOUND', 'task secret-id')).body),
    ).not.toContain('secret-id');
  });

  it('answers errors that name their own status (the workflow kit) with that status', () => {
    const error = Object.assign(new Error('参数无效'), {
      code: 'PARAMETERS_INVALID',
      httpStatus: 400,
      details: [],
    });
    expect(toErrorResponse(error)).toEqual({
      status: 400,
      body: { code: 'PARAMETERS_INVALID', message: '参数无效', details: [] },
      unexpected: false,
    });
  });

  it('maps Nest and throttler exceptions by status', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /api/x')).body).toEqual({
      code: 'NOT_FOUND',
      message: '未找到请求的资源',
    });
    expect(toErrorResponse(new ThrottlerException()).status).toBe(429);
    expect(toErrorResponse(new BadRequestException('x')).body.code).toBe('BAD_REQUEST');
  });

  it('hides anything unexpected behind INTERNAL_ERROR, flagged for the log', () => {
    const response = toErrorResponse(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    );
    expect(response).toEqual({
      status: 500,
      body: { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' },
      unexpected: true,
    });
  });

  it('answers a lost database with 503 STORAGE_FAILED, still flagged for the log', () => {
    const lost = Object.assign(new Error('connection refused'), {
      name: 'MongoServerSelectionError',
    });
    expect(toErrorResponse(lost)).toMatchObject({
      status: 503,
      body: { code: 'STORAGE_FAILED' },
      unexpected: true,
    });
  });

  it('maps body-parser failures to their codes', () => {
    expect(
      toErrorResponse(Object.assign(new Error('too big'), { type: 'entity.too.large' })).status,
    ).toBe(413);
    expect(
      toErrorResponse(Object.assign(new Error('x'), { type: 'charset.unsupported' })).status,
    ).toBe(415);
  });
  it('answers 503 STORAGE_FAILED when the database connection is lost, also inside a bulk write', () => {
    const named = (name: string, message: string, cause?: Error) =>
      Object.assign(new Error(message, cause && { cause }), { name });
    for (const error of [
      named('MongoNetworkError', 'read ECONNRESET'),
      named('MongoBulkWriteError', 'connection 24 to 127.0.0.1:37023 closed'),
      named('MongoServerError', 'write failed', named('MongoNetworkError', 'socket hang up')),
    ])
      expect(toErrorResponse(error)).toMatchObject({
        status: 503,
        body: { code: 'STORAGE_FAILED' },
      });
    expect(toErrorResponse(named('MongoBulkWriteError', 'E11000 duplicate key')).status).toBe(500);
  });
});
