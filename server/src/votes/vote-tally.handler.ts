import type { ServiceHandler } from '../../../engine/src';
import { listParameter } from '../workflow/handler-parameters';
import { WorkflowKitError } from '../workflow/workflow-kit.error';
import { type BallotBox, ballotBoxId } from './ballot-box';
import {
  type BallotMarks,
  PASS_RULES,
  type PassRule,
  TALLY_BASES,
  type TallyBase,
  tallyBallots,
  VOTE_SCOPES,
  type VoteItem,
  type VoteScope,
} from './vote-tally';

export interface VoteTallyDeps {
  ballots: BallotBox;
  params(
    district: string,
    variables: Readonly<Record<string, unknown>>,
  ): Promise<Record<string, unknown>>;
}

/**
 * `vote.tally`: closes the ballot box of a ballot activity of this instance and counts it by the
 * district's rules. The result is computed, never typed in, and the same on every run.
 */
export function voteTallyHandler(deps: VoteTallyDeps): ServiceHandler {
  return {
    topic: 'vote.tally',
    description: '统计匿名测评票（满意/基本满意/不满意），按区县规则判定是否通过',
    parameters: [
      {
        name: 'ballotActivity',
        description: '投票用户任务的 id（匿名测评票表单）',
        required: true,
      },
      {
        name: 'voters',
        description: '应参加测评的人员（用户 id 列表），计票基数为全体时使用',
        required: true,
      },
      { name: 'items', description: '逐项测评的事项 [{ key, title }]' },
      { name: 'passRule', description: '通过规则，默认 params.satisfactionPassRule' },
      { name: 'base', description: '计票基数 all/present，默认 params.satisfactionBase' },
      { name: 'scope', description: '测评方式 overall/perItem/both，默认 params.voteScope' },
      { name: 'resultVariable', description: '保存结果的变量名，默认 tally' },
    ],
    async execute({ parameters, variables, instance }) {
      const activity = parameters.ballotActivity;
      if (typeof activity !== 'string' || activity === '')
        throw new WorkflowKitError('INVALID_ARGUMENT', 'vote.tally 缺少参数 ballotActivity');
      const params = await deps.params(instance.district, variables);
      const options = {
        electorate: new Set(listOf(parameters.voters).map(String)).size,
        passRule: choice(
          parameters.passRule ?? params.satisfactionPassRule,
          PASS_RULES,
          'passRule',
        ) as PassRule,
        base: choice(parameters.base ?? params.satisfactionBase, TALLY_BASES, 'base') as TallyBase,
        scope: choice(parameters.scope ?? params.voteScope, VOTE_SCOPES, 'scope') as VoteScope,
        items: itemsOf(parameters.items),
      };
      if (options.scope !== 'overall' && options.items.length === 0)
        throw new WorkflowKitError('INVALID_ARGUMENT', '逐项测评需要 items（测评事项）');
      const result = await deps.ballots.tally(
        ballotBoxId(instance.id, activity),
        instance.district,
        (ballots) => tallyBallots(ballots as BallotMarks[], options),
      );
      const name =
        typeof parameters.resultVariable === 'string' && parameters.resultVariable
          ? parameters.resultVariable
          : 'tally';
      return { [name]: result };
    },
  };
}

function listOf(value: unknown): unknown[] {
  const list = listParameter(value);
  if (list) return list;
  throw new WorkflowKitError('INVALID_ARGUMENT', `应为列表：${JSON.stringify(value)}`);
}

function itemsOf(value: unknown): VoteItem[] {
  return listOf(value).map((entry, i) => {
    const item = entry as { key?: unknown; title?: unknown; label?: unknown };
    if (typeof item?.key !== 'string' || item.key === '')
      throw new WorkflowKitError('INVALID_ARGUMENT', `测评事项第 ${i + 1} 项缺少 key`);
    return { key: item.key, title: String(item.title ?? item.label ?? item.key) };
  });
}

function choice(value: unknown, allowed: readonly string[], name: string): string {
  if (typeof value === 'string' && allowed.includes(value)) return value;
  throw new WorkflowKitError(
    'INVALID_ARGUMENT',
    `vote.tally 的 ${name} 应为 ${allowed.join('、')} 之一`,
  );
}
