import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError } from '../common/errors/app-error';
import type { AttachmentDoc } from './attachment.document';
import type { AttachmentStore } from './attachment.store';
import { FILE_TYPES, SNIFF_BYTES, sniffFileType } from './file-types';

export interface UploadRules {
  maxBytes: number;
  /** Type keys (file-types.ts) the district accepts. */
  allowed: readonly string[];
}

export interface UploadRequest extends Readable {
  headers: IncomingHttpHeaders;
}

/**
 * Receives one multipart file part `file` and streams it into GridFS, never holding it whole in
 * memory: the first 64 KB decide its type (by content, not name), then the rest follows in
 * chunks. A type the district does not accept, a file over its size limit, no file, or a broken
 * upload: 400 naming `file`, and nothing stored.
 */
export function receiveUpload(
  request: UploadRequest,
  store: AttachmentStore,
  rules: UploadRules,
  record: Pick<AttachmentDoc, 'district' | 'uploadedBy' | 'createdAt' | 'createdDay' | 'status'>,
): Promise<AttachmentDoc> {
  if (!/^multipart\/form-data/i.test(request.headers['content-type'] ?? ''))
    return Promise.reject(AppError.field('file', '请以 multipart/form-data 上传文件'));
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      request.resume(); // let the rest of the body go by
      reject(AppError.field('file', message));
    };
    const parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 10, fileSize: rules.maxBytes, parts: 12 },
    });
    let sawFile = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      const name = (info.filename || '未命名').slice(0, 200);
      void store_(stream, name).catch((error: unknown) => {
        if (settled) return;
        settled = true;
        reject(error);
      });
    });
    parser.on('error', () => fail('上传没有完成，请重试'));
    parser.on('close', () => {
      if (!sawFile) fail('没有收到文件');
    });
    request.pipe(parser);

    async function store_(stream: Readable, name: string): Promise<void> {
      const head = await readHead(stream);
      const type = sniffFileType(head, name);
      if (!type || !rules.allowed.includes(type.key)) {
        stream.resume();
        const accepted = FILE_TYPES.filter((t) => rules.allowed.includes(t.key))
          .map((t) => t.label)
          .join('、');
        return fail(`不支持此类文件；可上传：${accepted}`);
      }
      const id = randomBytes(12).toString('hex');
      const upload = store.bucket.openUploadStreamWithId(id as never, name, {
        metadata: { district: record.district, contentType: type.contentType },
      });
      let size = head.length;
      let tooBig = false;
      stream.on('limit', () => (tooBig = true));
      await new Promise<void>((done, broken) => {
        upload.once('error', broken);
        upload.once('finish', done);
        upload.write(head);
        if (stream.readableEnded) {
          upload.end(); // the whole file fitted in the head
          return;
        }
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (!upload.write(chunk)) {
            stream.pause();
            upload.once('drain', () => stream.resume());
          }
        });
        stream.once('end', () => upload.end());
        stream.once('error', broken);
        stream.resume(); // paused after the head was read
      });
      if (tooBig || (stream as Readable & { truncated?: boolean }).truncated) {
        await store.bucket.delete(id as never).catch(() => undefined);
        return fail(`文件超过 ${Math.round(rules.maxBytes / 1_048_576)} MB 的上限`);
      }
      const doc: AttachmentDoc = {
        ...record,
        _id: id,
        name,
        size,
        contentType: type.contentType,
        typeKey: type.key,
      };
      await store.insert(doc);
      if (!settled) {
        settled = true;
        resolve(doc);
      }
    }
  });
}

/** The first SNIFF_BYTES of the stream (fewer when it is shorter), leaving the rest unread. */
function readHead(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= SNIFF_BYTES) finish();
    };
    const finish = () => {
      stream.off('data', onData);
      stream.off('end', finish);
      stream.pause();
      resolve(Buffer.concat(chunks));
    };
    stream.on('data', onData);
    stream.once('end', finish);
    stream.once('error', reject);
  });
}
