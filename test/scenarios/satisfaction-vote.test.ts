import { createHash } from 'node:crypto';
import { tallyBallots } from '../../server/src/votes';
import { isWorkflowKitError } from '../../server/src/workflow';
import { DISTRICT, type PlatformHarness } from '../support/platform-harness';
import { ballotTasks, castOverall, startVote } from './steps/satisfaction-vote-steps';
import {
  B,
  bpmnProcess,
  castBallots,
  completedInstance,
  D,
  S,
  useHarness,
} from './steps/scenario-steps';

/**
 * 满意度测评 end to end: started directly (call activities across definitions are still being
 * built), anonymous ballots, the district's pass rule, the deadline timer, and proof that no
 * instance variable, task output or history entry can link a ballot to a voter. The steps:
 * steps/satisfaction-vote-steps.ts.
 */
describe('satisfaction vote (满意度测评)', () => {
  let h: PlatformHarness;
  useHarness(['satisfaction-vote'], (harness) => (h = harness));

  it('validates the start form and refuses bad data with every error', async () => {
    const attempt = h.platform.startInstance(DISTRICT, 'satisfaction-vote', 'u-office', {
      subject: '  ',
      voters: [],
      items: [{ key: '1st', title: '' }],
      extra: true,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { path: 'subject', message: '不能只包含空白字符' },
        { path: 'voters', message: '此项为必填' },
        { path: 'items[0].key', message: '编号以字母开头，只含字母、数字、下划线或连字符' },
        { path: 'items[0].title', message: '此项为必填' },
        { path: 'extra', message: '表单中没有此字段' },
      ],
    });
  });

  it('gives each voter a ballot due by the district voting window, with the params snapshot', async () => {
    const vote = await startVote(h);
    const tasks = await ballotTasks(h, vote._id);
    expect(tasks.map((t) => t.assignee).sort()).toEqual([...h.users.member].sort());
    // params.voteWindow = P1D, evaluated as FEEL in camunda:dueDate
    expect(tasks[0].dueAt).toEqual(new Date(h.clock.now().getTime() + 24 * 3600 * 1000));
    const variables = await h.variables(vote._id);
    expect(variables.params).toEqual(await h.platform.parameters.get(DISTRICT));
    expect(await h.platform.startForm(DISTRICT, 'satisfaction-vote')).toEqual({
      key: 'satisfaction-vote-start',
      version: 1,
    });
    const view = await h.platform.describeTask(tasks[0]._id);
    expect(view.form).toMatchObject({ key: 'satisfaction-vote-ballot', anonymous: true });
    expect(view.readOnly).toEqual({ subject: variables.subject });
  });

  it('counts anonymous ballots by the pass rule when everyone has voted, and tells the organiser', async () => {
    const vote = await startVote(h);
    await castOverall(h, vote._id, [S, S, B, ['satisfied', 'dissatisfied']]); // the fourth invalid
    expect(await ballotTasks(h, vote._id)).toHaveLength(1);
    await castOverall(h, vote._id, [D], 4);

    const instance = await completedInstance(h, vote._id);
    // default rule: 满意+基本满意 > half of all five members
    expect(instance.variables.tally).toEqual({
      electorate: 5,
      cast: 5,
      notCast: 0,
      base: 'all',
      baseCount: 5,
      rule: 'satisfiedOrBasic>half',
      scope: 'overall',
      overall: {
        satisfied: 2,
        basic: 1,
        dissatisfied: 1,
        invalid: 1,
        valid: 4,
        satisfiedRate: 0.4,
        satisfiedOrBasicRate: 0.6,
        passed: true,
      },
      passed: true,
    });
    const notice = h.notifier.sent.find((n) => n.instanceId === vote._id);
    expect(notice).toMatchObject({
      kind: 'completed',
      title: '满意度测评结果：对区交通运输局落实审议意见情况的满意度测评（通过）',
    });
    expect(notice?.userIds.sort()).toEqual(['u-office']);
  });

  it('leaves no trace linking a ballot to its voter', async () => {
    const vote = await startVote(h, { subject: '匿名性检查' });
    const [m1, m2] = h.users.member;
    await castOverall(h, vote._id, [D, S]);

    const variables = await h.variables(vote._id);
    // the engine's multi-instance outputs show who voted, never how
    expect(variables.castBallotOutputs).toEqual({ [m1]: {}, [m2]: {} });
    const db = h.db.connection.db!;
    const tasks = await db.collection('engine_tasks').find({ instanceId: vote._id }).toArray();
    const history = await db.collection('engine_history').find({ instanceId: vote._id }).toArray();
    const revisions = await db
      .collection('engine_revisions')
      .find({ instanceId: vote._id })
      .toArray();
    // history data and revision documents are JSON inside JSON: unescape before looking
    const leaksMarks = (value: unknown) =>
      ['"overall":', '["dissatisfied"]', '["satisfied"]'].some((mark) =>
        JSON.stringify(value).replace(/\\/g, '').includes(mark),
      );
    expect(leaksMarks([{ doc: JSON.stringify({ v: { overall: ['satisfied'] } }) }])).toBe(true); // the check works
    for (const trace of [variables, tasks, history, revisions])
      expect(leaksMarks(trace)).toBe(false);
    expect(revisions.length).toBeGreaterThan(2);

    const ballots = await db
      .collection('ballots')
      .find({ box: `${vote._id}:castBallot` })
      .toArray();
    expect(ballots).toHaveLength(2);
    for (const ballot of ballots) {
      expect(Object.keys(ballot).sort()).toEqual(['_id', 'box', 'district', 'marks']);
      expect(JSON.stringify(ballot)).not.toMatch(/u-member|castBallot:|Z"/);
    }
    const receipts = await db
      .collection('ballot_receipts')
      .find({ box: `${vote._id}:castBallot` })
      .toArray();
    expect(receipts.map((r) => Object.keys(r).sort())).toEqual([
      ['_id', 'box', 'cast', 'district'],
      ['_id', 'box', 'cast', 'district'],
    ]);
  });

  it('refuses every way around the ballot box', async () => {
    const vote = await startVote(h, { subject: '绕过投票箱' });
    const [m1, m2] = h.users.member;
    const task = (await ballotTasks(h, vote._id)).find((t) => t.assignee === m1)!;
    // straight to the engine with marks: they would land in variables and history
    await expect(
      h.platform.engine.tasks.complete(task._id, h.actor(m1), { overall: S }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: '', message: '匿名测评票只能通过投票箱提交' }],
    });
    // straight to the engine without casting
    await expect(h.platform.engine.tasks.complete(task._id, h.actor(m1), {})).rejects.toMatchObject(
      {
        code: 'VALIDATION_FAILED',
      },
    );
    // drafts would tie the marks to the voter
    await expect(h.platform.saveDraft(task._id, h.actor(m1), { overall: S })).rejects.toMatchObject(
      {
        code: 'INVALID_ARGUMENT',
      },
    );
    // someone else's ballot
    await expect(
      h.platform.completeTask(task._id, h.actor(m2), { overall: S }),
    ).rejects.toMatchObject({
      name: 'EngineError',
      code: 'FORBIDDEN',
    });
    // a mark outside the list
    await expect(
      h.platform.completeTask(task._id, h.actor(m1), { overall: ['great'] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'overall', message: '不在可选范围内' }],
    });
    await h.platform.completeTask(task._id, h.actor(m1), { overall: S });
    // voting twice
    await expect(
      h.platform.completeTask(task._id, h.actor(m1), { overall: D }),
    ).rejects.toMatchObject({
      name: 'EngineError',
      code: 'CONFLICT',
    });
    expect(await h.platform.ballots.turnout(`${vote._id}:castBallot`)).toBe(1);
  });

  it('closes at the deadline: those who did not vote count against the whole membership', async () => {
    const vote = await startVote(h, { subject: '到时截止' });
    await castOverall(h, vote._id, [S, S]);
    await h.advance('PT23H');
    expect(await ballotTasks(h, vote._id)).toHaveLength(3);
    await h.advance('PT1H');

    const instance = await completedInstance(h, vote._id);
    expect(instance.variables.tally).toMatchObject({
      electorate: 5,
      cast: 2,
      notCast: 3,
      baseCount: 5,
      passed: false,
    });
    expect(await ballotTasks(h, vote._id)).toHaveLength(0);
    const cancelled = await h.platform.engine.store.tasks.countDocuments({
      instanceId: vote._id,
      status: 'cancelled',
    });
    expect(cancelled).toBe(3);
    expect(h.notifier.sent.find((n) => n.instanceId === vote._id)?.title).toContain('（未通过）');
  });

  it('votes item by item under the district parameters the instance started with', async () => {
    const saved = await h.platform.parameters.saved(DISTRICT);
    await h.platform.parameters.put(
      DISTRICT,
      { voteScope: 'both', satisfactionBase: 'present', satisfactionPassRule: 'satisfied>half' },
      { savedBy: 'u-office', expectedVersion: saved.version },
    );
    const items = [
      { key: 'law', title: '贯彻执行法律法规情况' },
      { key: 'style', title: '工作作风和效能' },
    ];
    const vote = await startVote(h, {
      subject: '工作评议测评',
      voters: h.users.member.slice(0, 3),
      items,
    });
    // a later change of the district's parameters does not reach a running vote
    await h.platform.parameters.put(DISTRICT, { satisfactionBase: 'all' }, { savedBy: 'u-office' });

    const ballot = (law: string[], style: string[], overall: string[]) => ({
      overall,
      itemMarks: [
        { key: 'law', marks: law },
        { key: 'style', marks: style },
      ],
    });
    await castBallots(h, vote._id, h.users.member, [
      ballot(S, D, S),
      ballot(S, B, S),
      ballot(B, D, D),
    ]);

    const { tally } = await h.variables(vote._id);
    expect(tally).toMatchObject({
      base: 'present',
      baseCount: 3,
      rule: 'satisfied>half',
      scope: 'both',
      overall: { satisfied: 2, dissatisfied: 1, passed: true },
      items: [
        { key: 'law', title: '贯彻执行法律法规情况', satisfied: 2, basic: 1, passed: true },
        {
          key: 'style',
          title: '工作作风和效能',
          satisfied: 0,
          basic: 1,
          dissatisfied: 2,
          passed: false,
        },
      ],
      passed: true,
    });
    await h.platform.parameters.put(DISTRICT, {}, { savedBy: 'u-office' }); // back to the defaults
  });

  it('runs as a called process: params, subject and voters in, the tally out', async () => {
    const xml = bpmnProcess(
      'vote-caller',
      '调用测评',
      'vote',
      `
    <bpmn:callActivity id="vote" name="满意度测评" calledElement="satisfaction-vote">
      <bpmn:extensionElements>
        <camunda:in source="params" target="params" />
        <camunda:in sourceExpression="= &quot;对&quot; + unitName + &quot;整改情况的测评&quot;" target="subject" />
        <camunda:in source="members" target="voters" />
        <camunda:out source="tally" target="voteResult" />
      </bpmn:extensionElements>
    </bpmn:callActivity>
    <bpmn:sequenceFlow id="f2" sourceRef="vote" targetRef="e" />
    <bpmn:endEvent id="e" />
`,
    );
    await h.platform.engine.deploy(xml, { district: DISTRICT });
    const parent = await h.start(
      'vote-caller',
      'u-committee',
      {},
      {
        variables: { unitName: '区教育局', members: h.users.member.slice(0, 2) },
      },
    );
    const [child] = await h.platform.engine
      .listInstances({ district: DISTRICT, processKey: 'satisfaction-vote', status: 'running' })
      .then((all) => all.filter((i) => i.parent?.instanceId === parent._id));
    expect(child.variables).toMatchObject({
      subject: '对区教育局整改情况的测评',
      params: expect.any(Object),
    });
    await castOverall(h, child._id, [D, D]);
    const done = await completedInstance(h, parent._id);
    expect(done.variables.voteResult).toMatchObject({ electorate: 2, cast: 2, passed: false });
  });

  it('installs a template once: installing it again changes nothing', async () => {
    const report = await h.platform.templates.installTemplates(DISTRICT, ['satisfaction-vote']);
    expect(report.templates).toEqual([
      {
        key: 'satisfaction-vote',
        version: 1,
        forms: [
          { key: 'satisfaction-vote-start', version: 1, published: false },
          { key: 'satisfaction-vote-ballot', version: 1, published: false },
        ],
        processes: [{ key: 'satisfaction-vote', version: 1, deployed: false }],
      },
    ]);
    expect(await h.platform.templates.installed(DISTRICT)).toEqual([
      { key: 'satisfaction-vote', version: 1, installedAt: expect.any(Date) },
    ]);
  });
});

/** The stores and handlers the vote runs on, against the same real database. */
describe('workflow kit pieces on the database', () => {
  let h: PlatformHarness;
  useHarness(['satisfaction-vote'], (harness) => (h = harness));

  const schema = (title: string) => ({
    type: 'object',
    'x-cf': { title, writes: ['note'] },
    properties: { note: { type: 'string' } },
  });

  it('settles concurrent publications of a form by unique insert: every version once', async () => {
    const published = await Promise.all(
      ['一', '二', '三', '四'].map((n) =>
        h.platform.forms.publish(DISTRICT, 'race-form', schema(`第${n}稿`)),
      ),
    );
    expect(published.map((f) => f.version).sort()).toEqual([1, 2, 3, 4]);
    expect((await h.platform.forms.latest(DISTRICT, 'race-form')).version).toBe(4);
    expect(await h.platform.forms.currentVersion('another-district', 'race-form')).toBeUndefined();
    expect((await h.platform.forms.list(DISTRICT)).map((f) => f.key)).toContain('race-form');
  });

  it('refuses a schema with problems, listing them', async () => {
    const attempt = h.platform.forms.publish(DISTRICT, 'bad-form', {
      type: 'object',
      properties: {},
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(isWorkflowKitError(error, 'FORM_SCHEMA_INVALID')).toBe(true);
    expect(error).toMatchObject({ httpStatus: 400, details: [{ path: 'x-cf' }] });
  });

  it('finishes an interrupted cast exactly once, and settles the rest when the box is counted', async () => {
    const db = h.db.connection.db!;
    const box = 'i-crash:castBallot';
    const task = (taskId: string) => ({
      taskId,
      instanceId: 'i-crash',
      activityId: 'castBallot',
      district: DISTRICT,
    });
    const receipt = (id: string, nonce: string) =>
      db
        .collection<{ _id: string; [key: string]: unknown }>('ballot_receipts')
        .insertOne({ _id: id, box, district: DISTRICT, cast: false, nonce });
    // crash after the receipt, before the ballot: the voter's retry casts under the same ballot id
    await receipt('t-1', 'nonce-1');
    await h.platform.ballots.cast(task('t-1'), { overall: ['satisfied'] });
    await h.platform.ballots.cast(task('t-1'), { overall: ['dissatisfied'] }); // the first ballot stands
    // crash after the ballot, before the receipt was cleared: counted, never twice
    await receipt('t-2', 'nonce-2');
    await db.collection<{ _id: string; [key: string]: unknown }>('ballots').insertOne({
      _id: createHash('sha256').update('nonce-2').digest('hex'),
      box,
      district: DISTRICT,
      marks: { overall: ['basic'] },
    });
    // crash after the receipt, and the voter never came back
    await receipt('t-3', 'nonce-3');

    const result = await h.platform.ballots.tally(box, DISTRICT, (ballots) =>
      tallyBallots(ballots, {
        electorate: 3,
        passRule: 'satisfied>half',
        base: 'all',
        scope: 'overall',
        items: [],
      }),
    );
    expect(result).toMatchObject({ cast: 2, overall: { satisfied: 1, basic: 1, dissatisfied: 0 } });
    const receipts = await db
      .collection('ballot_receipts')
      .find({ box })
      .sort({ _id: 1 })
      .toArray();
    expect(receipts.map((r) => [r._id, r.cast, r.nonce])).toEqual([
      ['t-1', true, undefined],
      ['t-2', true, undefined],
      ['t-3', false, undefined],
    ]);
    // counted once, the box is closed, and counting again returns the same result
    await expect(
      h.platform.ballots.cast(task('t-3'), { overall: ['satisfied'] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      h.platform.ballots.cast(task('t-4'), { overall: ['satisfied'] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await h.platform.ballots.tally(box, DISTRICT, () => ({ ...result, cast: 99 }))).toEqual(
      result,
    );
  });

  it('validates district parameters, every problem at once, and refuses stale saves', async () => {
    const attempt = h.platform.parameters.put(DISTRICT, {
      replyDeadline: '三个月',
      maxRectificationRounds: 0,
      satisfactionPassRule: 'twoThirds',
      replyCodes: [{ code: 'A', label: '', explanationRequired: 'no' }],
      nonsense: 1,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'PARAMETERS_INVALID',
      details: [
        { key: 'replyDeadline', message: expect.stringContaining('ISO 8601') },
        { key: 'maxRectificationRounds', message: '不能小于 1' },
        { key: 'satisfactionPassRule', message: expect.stringContaining('satisfied>half') },
        { key: 'replyCodes', message: '第 1 项缺少 label' },
        { key: 'replyCodes', message: '第 1 项的 explanationRequired 应为 true 或 false' },
        { key: 'nonsense', message: '没有这个参数' },
      ],
    });
    const saved = await h.platform.parameters.put(DISTRICT, { replyDeadline: 'P2M' });
    expect(saved.values.replyDeadline).toBe('P2M');
    expect(saved.values.returnWindow).toBe('P7WD');
    await expect(
      h.platform.parameters.put(
        DISTRICT,
        { replyDeadline: 'P4M' },
        { expectedVersion: saved.version - 1 },
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('document.render attaches one escaped A4 document per activation, even when run twice', async () => {
    const xml = bpmnProcess(
      'notice-test',
      '通知测试',
      'render',
      `
    <bpmn:serviceTask id="render" name="生成通知" camunda:type="external" camunda:topic="document.render">
      <bpmn:extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="template">notice</camunda:inputParameter>
        <camunda:inputParameter name="title">= "关于" + subject + "的通知"</camunda:inputParameter>
        <camunda:inputParameter name="number">= params.issuingOrganShort + "发〔2026〕1号"</camunda:inputParameter>
        <camunda:inputParameter name="recipients">= units</camunda:inputParameter>
        <camunda:inputParameter name="resultVariable">noticeId</camunda:inputParameter>
      </camunda:inputOutput></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="render" targetRef="tell" />
    <bpmn:serviceTask id="tell" name="通知承办单位" camunda:type="external" camunda:topic="notify">
      <bpmn:extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="to">unit:unitIds,role:govOffice</camunda:inputParameter>
        <camunda:inputParameter name="kind">info</camunda:inputParameter>
        <camunda:inputParameter name="title">= "请查收：关于" + subject + "的通知"</camunda:inputParameter>
      </camunda:inputOutput></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f3" sourceRef="tell" targetRef="e" />
    <bpmn:endEvent id="e" />
`,
    );
    await h.platform.engine.deploy(xml, { district: DISTRICT });
    const instance = await h.platform.startInstance(
      DISTRICT,
      'notice-test',
      'u-office',
      {},
      {
        variables: {
          subject: '<script>alert(1)</script>代表建议办理',
          content: '请按时办理。',
          units: ['区交通运输局', '区教育局'],
          unitIds: ['unit-transport', 'unit-education'],
        },
      },
    );
    // the service job runs twice, as after a crash between the work and the commit
    const job = await h.db.connection.db!.collection('jobs').findOne({ instanceId: instance._id });
    expect(job).not.toBeNull();
    const handler = h.platform.engine.handlers.get('document.render')!;
    const input = {
      parameters: {
        template: 'notice',
        title: '重复运行',
        recipients: ['区交通运输局', '区教育局'],
        resultVariable: 'noticeId',
      },
      variables: (await h.instance(instance._id)).variables,
      instance: { id: instance._id, district: DISTRICT, processKey: 'notice-test' },
      activityId: 'render',
      executionId: (await h.instance(instance._id)).waits[0].executionId,
    };
    const first = await handler.execute(input);
    await h.runJobs();

    const documents = await h.documents(instance._id);
    expect(documents).toHaveLength(1);
    const [document] = documents;
    expect(first).toEqual({ noticeId: document._id });
    expect(document).toMatchObject({
      key: 'notice',
      instanceId: instance._id,
      activityId: 'render',
      title: '重复运行',
    });
    expect(document.html).not.toContain('<script>');
    expect(document.html).toContain('区交通运输局、区教育局：');
    expect(document.html).toContain('二〇二六年三月二日');
    const variables = await h.variables(instance._id);
    expect(variables.noticeId).toBe(document._id);
    await expect(h.platform.documents.get('another-district', document._id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const told = h.notifier.sent.find((n) => n.instanceId === instance._id);
    expect(told?.userIds.sort()).toEqual([
      'u-education-1',
      'u-gov-office',
      'u-transport-1',
      'u-transport-2',
    ]);
    expect(told?.title).toBe('请查收：关于<script>alert(1)</script>代表建议办理的通知');
  });
});
