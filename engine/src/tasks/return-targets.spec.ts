import { FlowGraph } from '../runtime/flow-graph';
import type { TaskDoc } from '../storage/documents';
import { refuseReturn, returnTargets, type ReturnSituation } from './return-targets';

/** a → b → fork → (c → d), e → join → f; s is a sub-process holding s1; m is multi-instance. */
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="a" />
    <bpmn:userTask id="a" />
    <bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="m" />
    <bpmn:userTask id="m"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="m" targetRef="b" />
    <bpmn:userTask id="b" />
    <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="fork" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="c" />
    <bpmn:sequenceFlow id="f5" sourceRef="fork" targetRef="e" />
    <bpmn:userTask id="c" />
    <bpmn:sequenceFlow id="f6" sourceRef="c" targetRef="d" />
    <bpmn:userTask id="d" />
    <bpmn:userTask id="e" />
    <bpmn:sequenceFlow id="f7" sourceRef="d" targetRef="join" />
    <bpmn:sequenceFlow id="f8" sourceRef="e" targetRef="join" />
    <bpmn:parallelGateway id="join" />
    <bpmn:sequenceFlow id="f9" sourceRef="join" targetRef="s" />
    <bpmn:subProcess id="s"><bpmn:userTask id="s1" /></bpmn:subProcess>
    <bpmn:sequenceFlow id="f10" sourceRef="s" targetRef="f" />
    <bpmn:userTask id="f" />
  </bpmn:process>
</bpmn:definitions>`;

describe('where a task may be returned to', () => {
  let graph: FlowGraph;
  beforeAll(async () => {
    graph = await FlowGraph.fromXml(XML);
  });

  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 1, minute));
  let rev = 0;
  const done = (activityId: string, minute: number, by = `u-${activityId}`) =>
    ({
      _id: `t-${activityId}-${minute}`,
      activityId,
      name: activityId,
      status: 'completed',
      completedBy: by,
      completedAt: at(minute),
      instanceRev: ++rev,
    }) as TaskDoc;
  const situation = (
    current: string,
    completed: TaskDoc[],
    othersActive = false,
  ): ReturnSituation => ({
    graph,
    current: { activityId: current, createdAt: at(59) },
    completed,
    othersActive,
  });

  /** An element task of the multi-instance m, completed at `minute`. */
  const element = (unit: string, index: number, minute: number, by = `u-${unit}`) =>
    ({
      ...done('m', minute, by),
      _id: `t-m-${unit}-${minute}`,
      loop: { index, element: unit },
    }) as TaskDoc;

  it('offers earlier completed tasks on the way, latest completion first, each once', () => {
    const s = situation('b', [done('a', 1, 'first'), done('a', 5, 'second')]);
    expect(returnTargets(s)).toEqual([
      expect.objectContaining({ activityId: 'a', completedBy: 'second', taskId: 't-a-5' }),
    ]);
  });

  it('offers a multi-instance task whole and element by element, each element as last completed', () => {
    // m ran twice for unit x (re-opened), once for unit y
    const completed = [
      done('a', 1),
      element('x', 0, 2, 'first'),
      element('y', 1, 3),
      element('x', 0, 4, 'again'),
    ];
    const [target, ...rest] = returnTargets(situation('b', completed));
    expect(rest.map((t) => t.activityId)).toEqual(['a']);
    expect(target).toMatchObject({ activityId: 'm', taskId: 't-m-x-4', completedBy: 'again' });
    expect(target.elements).toEqual([
      expect.objectContaining({ key: 'x', index: 0, taskId: 't-m-x-4', completedBy: 'again' }),
      expect.objectContaining({ key: 'y', index: 1, element: 'y', completedBy: 'u-y' }),
    ]);
    expect(refuseReturn(situation('b', completed), 'm', 'x')).toBeUndefined();
    expect(refuseReturn(situation('b', completed), 'm', 'z')).toBe(
      'm has no element z completed before this task',
    );
    expect(refuseReturn(situation('b', completed), 'a', 'x')).toBe(
      'a is not a multi-instance task',
    );
  });

  it('an element task of a multi-instance task goes back before its activity, not into it', () => {
    const s = situation('m', [done('a', 1), element('x', 0, 2)]);
    expect(returnTargets(s).map((t) => t.activityId)).toEqual(['a']);
    expect(refuseReturn(s, 'm', 'x')).toBe('a task cannot be returned to itself');
  });

  it('refuses what was not completed before, is not before, is itself or is inside a sub-process', () => {
    const s = situation('d', [done('a', 1), done('b', 2), done('e', 3), done('f', 70)]);
    expect(refuseReturn(s, 'f')).toBe('f was never completed before this task');
    expect(refuseReturn(s, 'e')).toBe('e does not lie before d');
    expect(refuseReturn(s, 'd')).toBe('a task cannot be returned to itself');
    expect(refuseReturn(s, 's1')).toBe('returns into or out of a sub-process are not supported');
    expect(refuseReturn(s, 'zzz')).toBe('the process has no activity zzz');
    expect(refuseReturn(s, 'fork')).toBe('fork is not a user task');
  });

  it('inside a branch: back along the branch; across the fork only as the only token', () => {
    const completed = [done('a', 1), done('b', 2), done('c', 3)];
    expect(returnTargets(situation('d', completed, true)).map((t) => t.activityId)).toEqual(['c']);
    expect(refuseReturn(situation('d', completed, true), 'b')).toBe(
      'the way back crosses gateway fork while other branches are active',
    );
  });

  it('after the join: back before the fork, never into one branch', () => {
    const completed = [done('a', 1), done('b', 2), done('c', 3), done('d', 4), done('e', 5)];
    const s = situation('f', completed);
    expect(returnTargets(s).map((t) => t.activityId)).toEqual(['b', 'a']);
    expect(refuseReturn(s, 'e')).toMatch(/^e lies on one branch of gateway join$/);
    expect(refuseReturn(s, 'c')).toMatch(/^c lies on one branch of gateway join$/);
  });
});
