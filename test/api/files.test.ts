import { deflateRawSync } from 'node:zlib';
import { AttachmentsService } from '../../server/src/files/attachments.service';
import { ApiHarness } from '../support/api-app';
import { createWorld, register, startReview, type WorkflowWorld } from './workflow.fixture';

let api: ApiHarness;
let world: WorkflowWorld;
beforeAll(async () => {
  api = await ApiHarness.start();
  world = await createWorld(api);
});
afterAll(async () => {
  await api?.close();
});

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'),
  Buffer.alloc(300_000, 0x20), // bigger than one GridFS chunk
  Buffer.from('\n%%EOF\n'),
]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  deflateRawSync('image'),
]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000)]);

type Agent = WorkflowWorld['as']['starter'];
const upload = (agent: Agent, bytes: Buffer, name: string) =>
  agent
    .post('/api/files')
    .attach('file', bytes, { filename: name, contentType: 'application/octet-stream' });

describe('uploading', () => {
  it('keeps a PDF and an image, typed by their content whatever their names say', async () => {
    const pdf = await upload(world.as.starter, PDF, '道路照片说明.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: '道路照片说明.pdf',
      size: PDF.length,
      contentType: 'application/pdf',
    });
    const image = await upload(world.as.starter, PNG, 'scan.jpg'); // named .jpg, is a PNG
    expect(image.body.contentType).toBe('image/png');
    const back = await world.as.starter.get(`/api/files/${pdf.body.id}`).buffer(true);
    expect(back.status).toBe(200);
    expect(Buffer.compare(back.body as Buffer, PDF)).toBe(0);
    expect(back.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''%E9%81%93/);
    const download = await world.as.starter.get(`/api/files/${pdf.body.id}?download=1`);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('refuses a file of a type the district does not accept, or over its size limit, naming the field', async () => {
    const exe = await upload(world.as.starter, EXE, 'report.pdf');
    expect(exe.status).toBe(400);
    expect(exe.body.details).toEqual([
      { path: 'file', message: expect.stringMatching(/^不支持此类文件；可上传：PDF、/) },
    ]);
    const limited = await world.as.admin.put('/api/parameters').send({ attachmentMaxMb: 1 });
    expect(limited.status).toBe(200);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_200_000, 0x20)]);
    const tooBig = await upload(world.as.starter, big, 'big.pdf');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.details).toEqual([{ path: 'file', message: '文件超过 1 MB 的上限' }]);
    expect((await world.as.admin.put('/api/parameters').send({})).status).toBe(200);
    const none = await world.as.starter.post('/api/files').send({ file: 'x' });
    expect(none.status).toBe(400);
    // nothing of the refused files was kept
    const chunks = await api.db.connection
      .collection('files.files')
      .countDocuments({ filename: { $in: ['report.pdf', 'big.pdf'] } });
    expect(chunks).toBe(0);
  });
});

describe('files on a case', () => {
  it('go with the form that names them, are readable by whoever may see the case, and by no one else', async () => {
    const pdf = (await upload(world.as.starter, PDF, '材料.pdf')).body;
    const image = (await upload(world.as.starter, PNG, '现场.png')).body;
    // someone else's upload cannot be handed in
    const foreign = (await upload(world.as.office, PNG, 'other.png')).body;
    const refused = await world.as.starter
      .post('/api/instances')
      .send({ processKey: 'rv-review', data: { title: '附件', files: [foreign] } });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      { path: 'files[0]', message: expect.stringContaining('附件') },
    ]);

    const instanceId = await startReview(
      api,
      world,
      { title: '带附件', files: [pdf, image] },
      'FILE-1',
    );
    const listed = await world.as.starter.get(`/api/instances/${instanceId}/files`);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: pdf.id, name: '材料.pdf', activityId: 'start' }),
      expect.objectContaining({ id: image.id, name: '现场.png', activityId: 'start' }),
    ]);
    // the committee takes part once 审核 is theirs to claim; then they may read the files
    expect((await world.as.committee.get(`/api/files/${pdf.id}`)).status).toBe(404);
    await register(api, world, instanceId);
    const read = await world.as.committee.get(`/api/files/${pdf.id}`).buffer(true);
    expect(read.status).toBe(200);
    expect((read.body as Buffer).length).toBe(PDF.length);
    // a stranger of the district and another district's administrator get 404, as for nothing
    for (const agent of [world.as.stranger, world.as.outsider]) {
      const answer = await agent.get(`/api/files/${pdf.id}`);
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('NOT_FOUND');
    }
    expect((await world.as.outsider.get(`/api/instances/${instanceId}/files`)).status).toBe(404);
  });

  it('an upload no form named is its uploader’s alone, and gone a day later', async () => {
    const draft = (await upload(world.as.starter, PDF, '未提交.pdf')).body;
    expect((await world.as.office.get(`/api/files/${draft.id}`)).status).toBe(404);
    expect((await world.as.starter.get(`/api/files/${draft.id}`)).status).toBe(200);
    api.clock.advance(25 * 3_600_000);
    expect(await api.app.get(AttachmentsService).removeStaleDrafts()).toBeGreaterThan(0);
    world.as.starter = await api.loginAs(world.starter);
    expect((await world.as.starter.get(`/api/files/${draft.id}`)).status).toBe(404);
    const left = await api.db.connection
      .collection('files.files')
      .countDocuments({ _id: draft.id as never });
    expect(left).toBe(0);
  });
});
