/**
 * Official documents as files: the .docx laid out like the print view, made once and stored, so a
 * later download returns the same bytes even when the document's record changes; visibility as
 * the instance's. (The PDF, which needs Chromium, is checked by the browser test
 * official-documents.test.ts.)
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'supertest';
import { ApiHarness } from '../support/api-app';
import { createWorld, renderedDocument, type WorkflowWorld } from './workflow.fixture';

let api: ApiHarness;
let world: WorkflowWorld;
let documentId: string;
let path: string;
beforeAll(async () => {
  api = await ApiHarness.start();
  world = await createWorld(api);
  ({ documentId } = await renderedDocument(api, world, {
    title: '修缮<b>道路</b>',
    content: '道路破损严重。\n请尽快修缮。',
    amount: 3,
  }));
  path = `/api/documents/${encodeURIComponent(documentId)}`;
});
afterAll(async () => {
  await api?.close();
});

const binary = (request: ReturnType<WorkflowWorld['as']['starter']['get']>) =>
  request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
const sha = (response: Response) =>
  createHash('sha256')
    .update(response.body as Buffer)
    .digest('hex');

function documentXml(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  return strFromU8(files['word/document.xml']!);
}

it('downloads a .docx with the print view’s A4 page, fonts and text', async () => {
  const response = await binary(world.as.starter.get(`${path}/docx`));
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  expect(response.headers['content-disposition']).toContain(
    `filename*=UTF-8''${encodeURIComponent('关于修缮<b>道路</b>的通知.docx')}`,
  );
  expect(response.headers.etag).toBe(`"${sha(response)}"`);
  const xml = documentXml(response.body as Buffer);
  // A4 with the GB/T 9704 margins (37/26/35/28 mm in twips)
  expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  expect(xml).toMatch(/w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
  // the title as text (markup from the form stays text), centred, in the title font
  expect(xml).toContain('关于修缮&lt;b&gt;道路&lt;/b&gt;的通知');
  expect(xml).toMatch(/w:eastAsia="方正小标宋简体"/);
  expect(xml).toMatch(/<w:jc w:val="center"\/>/);
  // body paragraphs, one per line typed, indented by two characters
  expect(xml).toMatch(/w:firstLineChars="200"\/>.*道路破损严重。<\/w:t>/);
  expect(xml).toContain('请尽快修缮。</w:t>');
  const styles = strFromU8(unzipSync(new Uint8Array(response.body as Buffer))['word/styles.xml']!);
  expect(styles).toMatch(/w:eastAsia="仿宋"/);
});

it('returns the stored bytes on later downloads, even after the record changed', async () => {
  const first = await binary(world.as.starter.get(`${path}/docx`));
  const documents = api.db.connection.db!.collection<{ _id: string; html: string }>('documents');
  await documents.updateOne({ _id: documentId }, { $set: { html: '<p>后来改动的内容</p>' } });
  const later = await binary(world.as.office.get(`${path}/docx`));
  expect(later.status).toBe(200);
  expect(sha(later)).toBe(sha(first));
  expect(documentXml(later.body as Buffer)).not.toContain('后来改动的内容');
});

it('stores one file when several first downloads race', async () => {
  const { documentId: fresh } = await renderedDocument(api, world, {
    title: '并发下载',
    amount: 1,
  });
  const freshPath = `/api/documents/${encodeURIComponent(fresh)}/docx`;
  const responses = await Promise.all(
    Array.from({ length: 6 }, () => binary(world.as.starter.get(freshPath))),
  );
  expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  // every racer answers with the one stored file, whoever rendered it
  expect(new Set(responses.map(sha)).size).toBe(1);
  const db = api.db.connection.db!;
  expect(await db.collection('document_files').countDocuments({ documentId: fresh })).toBe(1);
  const stored = await db.collection('document_files').findOne({ documentId: fresh });
  expect(
    await db.collection('document_files.files').countDocuments({ filename: `${fresh}.docx` }),
  ).toBe(1);
  expect(stored?.sha256).toBe(sha(responses[0]!));
});

it('is 404 to whoever may not see the instance, 400 for an unknown format', async () => {
  expect((await world.as.stranger.get(`${path}/docx`)).status).toBe(404);
  expect((await world.as.outsider.get(`${path}/docx`)).status).toBe(404);
  expect((await world.as.outsider.get(`${path}/pdf`)).status).toBe(404);
  expect((await api.anonymous().get(`${path}/docx`)).status).toBe(401);
  const unknown = await world.as.starter.get(`${path}/xls`);
  expect(unknown.status).toBe(400);
});

describe('without Chromium', () => {
  let bare: ApiHarness;
  beforeAll(async () => {
    bare = await ApiHarness.start({ env: { CONGRESSFLOW_CHROMIUM: '/nonexistent/chromium' } });
  });
  afterAll(async () => {
    await bare?.close();
  });

  it('answers the PDF with 503 naming what to install, and stores nothing', async () => {
    const other = await createWorld(bare);
    const { documentId: id } = await renderedDocument(bare, other, {
      title: '无浏览器',
      amount: 1,
    });
    const response = await other.as.starter.get(`/api/documents/${encodeURIComponent(id)}/pdf`);
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('RENDERER_UNAVAILABLE');
    expect(response.body.message).toContain('chromium');
    expect(await bare.db.connection.db!.collection('document_files').countDocuments({})).toBe(0);
    // the Word file needs no browser
    expect(
      (await other.as.starter.get(`/api/documents/${encodeURIComponent(id)}/docx`)).status,
    ).toBe(200);
  });
});
