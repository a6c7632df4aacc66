import type { PlatformHarness } from '../support/platform-harness';
import { B, completedInstance, D, S, useHarness } from './steps/scenario-steps';
import {
  castVote,
  childrenOf,
  departments,
  dimensionKeys,
  investigateAndAppraise,
  plan,
  rectify,
  sendOpinion,
  team,
  voters,
} from './steps/work-appraisal-steps';

/**
 * 工作评议 end to end: the council fixes the departments and adopts the plan, each department runs
 * its own track in parallel (a multi-instance call of work-appraisal-track), votes are anonymous
 * and counted per dimension, one department fails its re-vote and rectifies again, and the
 * published 通报 carries every department's result. The steps and their form data:
 * steps/work-appraisal-steps.ts.
 */
describe('work appraisal (工作评议)', () => {
  let h: PlatformHarness;
  const { sent: sentTo } = useHarness(['work-appraisal'], (harness) => (h = harness), 120_000);

  it('appraises three departments in parallel; one fails its re-vote and rectifies again; the 通报 has every result', async () => {
    const appraisal = await h.start('work-appraisal', 'u-committee', {
      year: 2026,
      proposedUnits: departments.map((d) => d.unit),
      basis: '根据常委会2026年工作要点和工作评议办法。',
    });
    const main = { instanceId: appraisal._id };

    // 准备: more departments than the district allows a year go back to the committee
    await h.complete(
      'u-committee',
      'draftPlan',
      {
        ...plan,
        appraisalTeams: [
          ...plan.appraisalTeams,
          team({ unit: 'unit-finance', unitName: '区财政局' }),
        ],
      },
      main,
    );
    const tooMany = sentTo(appraisal._id, 'returned')[0];
    expect(tooMany.title).toBe('评议实施方案须修改：被评议部门不得超过 3 个');
    expect(tooMany.userIds).toEqual(['u-committee']);
    expect((await h.openTasks(appraisal._id)).map((t) => t.activityId)).toEqual(['draftPlan']);
    await h.complete('u-committee', 'draftPlan', plan, main);
    await h.complete(
      'u-council',
      'adoptPlan',
      { planDecision: 'adopt', planReviewOpinion: '同意。' },
      main,
    );
    const adopted = await h.variables(appraisal._id);
    expect(adopted.voters).toEqual(voters);
    expect((adopted.dimensions as { key: string }[]).map((d) => d.key)).toEqual(dimensionKeys);
    expect(sentTo(appraisal._id, 'info')[0].message).toBe(
      '被评议部门：区交通运输局、区教育局、区卫生健康委员会。请于 2026-04-15 前报送自查报告。',
    );

    // one track per department, all running at once
    const tracks = await childrenOf(h, appraisal._id, 'work-appraisal-track');
    expect(tracks.map((t) => t.variables.unitName).sort()).toEqual(
      departments.map((d) => d.unitName).sort(),
    );
    const trackOf = (unit: string) => tracks.find((t) => t.variables.unit === unit)!._id;
    for (const d of departments) {
      const [task] = await h.openTasks(trackOf(d.unit));
      expect(task).toMatchObject({ activityId: 'selfReport', name: '撰写自查报告' });
      expect(task.candidateUsers).toContain(d.user);
      expect(task.dueAt).toEqual(new Date('2026-04-15T23:59:59.999+08:00'));
      expect((await h.variables(trackOf(d.unit))).params).toEqual(adopted.params);
    }

    // 调查 and 评议, department by department while the others wait
    for (const d of departments) {
      const where = { instanceId: trackOf(d.unit) };
      await investigateAndAppraise(h, d, where);
      const firstVote = await castVote(h, where.instanceId, [S, B, D]);
      expect(firstVote.variables.subject).toBe(`对${d.unitName}2026年度工作的评议测评`);
      expect(firstVote.variables.items).toHaveLength(5);
    }
    const { firstTally } = await h.variables(trackOf('unit-transport'));
    expect(firstTally).toMatchObject({
      scope: 'both',
      electorate: 3,
      overall: { satisfied: 1, basic: 1, dissatisfied: 1, passed: true },
    });
    expect((firstTally as { items: { key: string }[] }).items.map((i) => i.key)).toEqual(
      dimensionKeys,
    );

    // 评议意见书 → 整改方案 with its 台账 → 整改报告 → 跟踪检查 → 整改测评
    for (const d of departments) {
      const where = { instanceId: trackOf(d.unit) };
      await sendOpinion(h, d, where);
      expect(await h.variables(where.instanceId)).toMatchObject({
        planDueDate: '2026-08-03',
        reportDueDate: '2026-10-03',
      });
      await rectify(h, d, 1, where);
      const health = d.unit === 'unit-health';
      await castVote(h, where.instanceId, health ? [S, D, D] : [S, S, B]);
    }
    const transportOpinion = (await h.documents(trackOf('unit-transport'))).find(
      (doc) => doc.key === 'review-opinion',
    )!;
    expect(transportOpinion.title).toBe('关于区交通运输局工作的评议意见');
    expect(transportOpinion.html).toContain('区交通运输局：');
    expect(transportOpinion.html).toContain('（二）加强窗口作风建设。');
    expect(transportOpinion.html).toContain('于二〇二六年八月三日前报送常委会');

    // the department that failed gets new requirements and rectifies again; the others are done
    const healthTrack = trackOf('unit-health');
    expect((await h.instance(trackOf('unit-transport'))).status).toBe('completed');
    expect((await h.instance(healthTrack)).status).toBe('running');
    expect((await h.instance(appraisal._id)).activeActivityIds).toContain('appraise');
    await h.complete(
      'u-committee',
      'reviewVoteResult',
      { rerectifyNoticeOn: '2026-10-20', rerectifyRequirements: '台账未落实的事项限期完成。' },
      { instanceId: healthTrack },
    );
    expect(await h.variables(healthTrack)).toMatchObject({
      rectificationRound: 2,
      planDueDate: '2026-11-20',
      reportDueDate: '2026-12-20',
    });
    expect(sentTo(healthTrack, 'returned')[0].title).toBe(
      '整改测评未通过，请重新整改：区卫生健康委员会',
    );
    await rectify(h, departments[2], 2, { instanceId: healthTrack });
    const reVote = await castVote(h, healthTrack, [S, B, D]);
    expect(reVote.variables.subject).toBe(
      '对区卫生健康委员会落实评议意见整改情况的满意度测评（第2轮）',
    );
    const healthResult = (await h.variables(healthTrack)).trackResult;
    expect(healthResult).toMatchObject({
      unit: 'unit-health',
      unitName: '区卫生健康委员会',
      passed: true,
      rounds: 2,
      escalated: false,
      history: [
        expect.objectContaining({ round: 1, passed: false }),
        expect.objectContaining({ round: 2, passed: true }),
      ],
    });

    // 测评结果通报
    const results = await h.variables(appraisal._id);
    expect(results.passedCount).toBe(3);
    expect((results.appraisalResults as { unitName: string }[]).map((r) => r.unitName)).toEqual(
      departments.map((d) => d.unitName),
    );
    await h.complete(
      'u-office',
      'publishResults',
      {
        noticeNumber: '××人大常委会〔2026〕45号',
        resultRemarks: '被评议部门认真整改，工作作风明显转变。<b>好</b>',
        followUpRequirements: '巩固整改成果。',
        publishScope: ['members', 'deputies', 'website'],
      },
      main,
    );
    await completedInstance(h, appraisal._id);
    const [notice] = (await h.documents(appraisal._id)).filter((d) => d.key === 'appraisal-result');
    expect(notice).toMatchObject({
      title: '关于2026年度工作评议测评结果的通报',
      number: '××人大常委会〔2026〕45号',
    });
    expect(notice.html).toContain('××区人民政府、各被评议部门：');
    expect(notice.html).toContain(
      '对区交通运输局、区教育局、区卫生健康委员会三个部门开展了工作评议',
    );
    for (const d of departments) expect(notice.html).toContain(`<td>${d.unitName}</td>`);
    // transport and education passed at the first re-vote (2 satisfied + 1 basic of 3)
    expect(notice.html).toContain(
      '<td>区交通运输局</td><td>满意 33.3%，满意和基本满意 66.7%</td><td>满意 66.7%，满意和基本满意 100%</td><td>1</td><td>通过</td>',
    );
    expect(notice.html).toContain(
      '<td>区卫生健康委员会</td><td>满意 33.3%，满意和基本满意 66.7%</td><td>满意 33.3%，满意和基本满意 66.7%</td><td>2</td><td>通过</td>',
    );
    expect(notice.html).toContain('测评结果为“通过”（经二轮整改）');
    expect(notice.html).toContain('贯彻执行法律法规情况，满意和基本满意 100%（通过）');
    expect(notice.html).toContain('&lt;b&gt;好&lt;/b&gt;');
    expect(notice.html).not.toContain('<b>');
    const told = sentTo(appraisal._id, 'completed')[0];
    expect(told.message).toBe(
      '已通报被评议部门测评结果：区交通运输局（通过）；区教育局（通过）；区卫生健康委员会（通过）',
    );
    expect(told.userIds).toEqual(
      expect.arrayContaining(['u-member-1', 'u-deputy-1', 'u-gov-office', 'u-health-1']),
    );
  }, 300_000);
});
