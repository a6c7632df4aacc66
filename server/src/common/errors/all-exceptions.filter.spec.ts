import { Writable } from 'node:stream';
import type { Request, Response } from 'express';
import pino from 'pino';
import { AppError } from './app-error';
import { writeError } from './all-exceptions.filter';

/** A pino logger writing JSON lines into an array, and a response that records what was sent. */
function setup() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, stream);
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  } as unknown as Response;
  const request = { method: 'POST', originalUrl: '/api/units' } as Request;
  return { lines, logger, response, request, sent };
}

describe('writeError', () => {
  it('logs an unexpected error with its stack and sends only the code and a zh-CN message', () => {
    const { lines, logger, response, request, sent } = setup();
    writeError(response, new TypeError('boom at secret/place.ts:12'), logger, request);
    expect(sent).toEqual({
      status: 500,
      body: { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' },
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'request failed',
        method: 'POST',
        path: '/api/units',
        err: expect.objectContaining({
          message: 'boom at secret/place.ts:12',
          stack: expect.stringContaining('TypeError'),
        }),
      }),
    ]);
  });

  it('logs the caller’s mistakes quietly, without a stack', () => {
    const { lines, logger, response, request, sent } = setup();
    writeError(response, AppError.notFound('单位'), logger, request);
    expect(sent).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: '单位不存在' } });
    expect(lines).toEqual([expect.objectContaining({ level: 20, code: 'NOT_FOUND', status: 404 })]);
    expect(lines[0]).not.toHaveProperty('err');
  });
});
