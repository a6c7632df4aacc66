import { problemAt, validate, withStart } from './__fixtures__/bpmn-fixtures';

const task = (id: string) => `<bpmn:task id="${id}" name="${id}" />`;
const flow = (id: string, from: string, to: string, condition?: string) =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">
         <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>
       </bpmn:sequenceFlow>`;

describe('gateway rules', () => {
  it('refuses a converging inclusive gateway', async () => {
    const xml = withStart(
      `<bpmn:inclusiveGateway id="split" name="Split" />
       ${task('a')}${task('b')}
       <bpmn:inclusiveGateway id="join" name="Join" />
       ${flow('s-split', 'start', 'split')}
       ${flow('to-a', 'split', 'a', '= wantA')}${flow('to-b', 'split', 'b', '= wantB')}
       ${flow('a-join', 'a', 'join')}${flow('b-join', 'b', 'join')}`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt(
        'join',
        'converging inclusive gateways (more than one incoming flow) are not supported',
      ),
    ]);
  });

  it('refuses a parallel join fed straight from an exclusive merge', async () => {
    const xml = withStart(
      `<bpmn:parallelGateway id="fork" name="Fork" />
       <bpmn:exclusiveGateway id="choose" name="Choose" default="to-y" />
       ${task('x')}${task('y')}${task('z')}
       <bpmn:exclusiveGateway id="merge" name="Merge" />
       <bpmn:parallelGateway id="join" name="Join" />
       ${flow('s-fork', 'start', 'fork')}
       ${flow('fork-choose', 'fork', 'choose')}${flow('fork-z', 'fork', 'z')}
       ${flow('to-x', 'choose', 'x', '= pickX')}${flow('to-y', 'choose', 'y')}
       ${flow('x-merge', 'x', 'merge')}${flow('y-merge', 'y', 'merge')}
       ${flow('merge-join', 'merge', 'join')}${flow('z-join', 'z', 'join')}`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('join', "parallel join fed directly by exclusive merge gateway 'merge'"),
    ]);
  });

  it('accepts a parallel join after an exclusive gateway with a single incoming flow', async () => {
    const xml = withStart(
      `<bpmn:parallelGateway id="fork" name="Fork" />
       <bpmn:exclusiveGateway id="pass" name="Pass" />
       <bpmn:parallelGateway id="join" name="Join" />
       ${task('a')}
       ${flow('s-fork', 'start', 'fork')}${flow('fork-a', 'fork', 'a')}${flow('fork-pass', 'fork', 'pass')}
       ${flow('a-join', 'a', 'join')}${flow('pass-join', 'pass', 'join')}`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([]);
  });

  it('needs a condition on every non-default flow leaving a splitting gateway', async () => {
    const xml = withStart(
      `<bpmn:exclusiveGateway id="xor" name="Decide" default="xor-default" />
       <bpmn:inclusiveGateway id="or" name="Pick" />
       ${task('a')}${task('b')}${task('c')}${task('d')}
       ${flow('s-xor', 'start', 'xor')}
       ${flow('xor-cond', 'xor', 'a', '= ok')}${flow('xor-default', 'xor', 'b')}${flow('xor-bare', 'xor', 'or')}
       ${flow('or-cond', 'or', 'c', '= ok')}${flow('or-bare', 'or', 'd')}`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([
      problemAt('xor-bare', "flow 'xor-bare' leaves gateway 'xor' without a condition"),
      problemAt('or-bare', "flow 'or-bare' leaves gateway 'or' without a condition"),
    ]);
  });

  it('needs no condition on the single flow out of a merging gateway', async () => {
    const xml = withStart(
      `<bpmn:exclusiveGateway id="merge" name="Merge" />${task('a')}
       ${flow('s-merge', 'start', 'merge')}${flow('merge-a', 'merge', 'a')}`,
    );

    const { problems } = await validate(xml);

    expect(problems).toEqual([]);
  });
});
