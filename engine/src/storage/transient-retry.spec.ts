import { isTransientStorageError, retryTransient } from './transient-retry';

describe('transient storage errors', () => {
  const busy = new Error('[collection.go:177] database is locked (5) (SQLITE_BUSY)');

  it('knows a locked FerretDB database and MongoDB retryable errors; nothing else', () => {
    expect(isTransientStorageError(busy)).toBe(true);
    expect(
      isTransientStorageError(
        Object.assign(new Error('x'), { errorLabelSet: new Set(['RetryableWriteError']) }),
      ),
    ).toBe(true);
    expect(isTransientStorageError(Object.assign(new Error('dup'), { code: 11000 }))).toBe(false);
    expect(isTransientStorageError('SQLITE_BUSY')).toBe(false);
  });

  it('retries transient failures, then gives up with the last one; other errors at once', async () => {
    let calls = 0;
    await expect(
      retryTransient(async () => {
        if (++calls < 3) throw busy;
        return 'done';
      }),
    ).resolves.toBe('done');
    expect(calls).toBe(3);

    calls = 0;
    const always = () => {
      calls++;
      return Promise.reject(busy);
    };
    await expect(retryTransient(always, 2)).rejects.toBe(busy);
    expect(calls).toBe(2);

    calls = 0;
    const fatal = new Error('no');
    await expect(
      retryTransient(() => {
        calls++;
        return Promise.reject(fatal);
      }),
    ).rejects.toBe(fatal);
    expect(calls).toBe(1);
  });
});
