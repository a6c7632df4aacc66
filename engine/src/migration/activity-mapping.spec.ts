import { FlowGraph } from '../runtime/flow-graph';
import type { TimerRecord, WaitRecord } from '../storage/documents';
import { mapInstance } from './activity-mapping';

const definitions = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

const timer = (id: string, attachedTo: string) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`;

const V1 = definitions(`
  <bpmn:userTask id="handle" />${timer('late', 'handle')}
  <bpmn:userTask id="other" />
  <bpmn:userTask id="votes"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>
  <bpmn:subProcess id="sub"><bpmn:userTask id="inner" /></bpmn:subProcess>
  <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="hear"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
  <bpmn:callActivity id="call" />`);

const V2 = definitions(`
  <bpmn:userTask id="process" />${timer('late', 'process')}
  <bpmn:userTask id="elsewhere" />${timer('late2', 'elsewhere')}
  <bpmn:serviceTask id="automated" />
  <bpmn:userTask id="votes"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>
  <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P2M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="hear"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>`);

describe('mapping waiting activities onto a new version', () => {
  let from: FlowGraph;
  let to: FlowGraph;
  beforeAll(async () => {
    [from, to] = await Promise.all([FlowGraph.fromXml(V1), FlowGraph.fromXml(V2)]);
  });

  const wait = (activityId: string, kind: WaitRecord['kind'] = 'userTask'): WaitRecord => ({
    executionId: `${activityId}_1`,
    activityId,
    kind,
  });
  const armed = (activityId: string, dueAt: string): TimerRecord => ({
    executionId: `${activityId}_t`,
    activityId,
    jobId: `job-${activityId}`,
    dueAt: new Date(dueAt),
    firedCount: 0,
  });
  const map = (waits: WaitRecord[], mapping: Record<string, string>, timers: TimerRecord[] = []) =>
    mapInstance({ from, to, toVersion: 2, instance: { waits, timers }, mapping });

  it('maps a renamed task, and its boundary timer keeps its due time on the mapped task', () => {
    const mapped = map([wait('handle')], { handle: 'process' }, [
      armed('late', '2026-03-16T00:00:00Z'),
    ]);
    expect(mapped.unmapped).toEqual([]);
    expect(mapped.activities).toEqual([{ activityId: 'handle', targetActivityId: 'process' }]);
    expect(mapped.keptDueTimes).toEqual(new Map([['late', new Date('2026-03-16T00:00:00Z')]]));
  });

  it('a boundary timer does not keep its due time on an activity its own did not map to', () => {
    const mapped = map([wait('handle')], { handle: 'elsewhere', late: 'late2' }, [
      armed('late', '2026-03-16T00:00:00Z'),
    ]);
    expect(mapped.unmapped).toEqual([]);
    expect(mapped.keptDueTimes.get('late2')).toEqual(new Date('2026-03-16T00:00:00Z'));
    const unrelated = map([wait('handle')], { handle: 'elsewhere' }, [
      armed('late', '2026-03-16T00:00:00Z'),
    ]);
    expect(unrelated.keptDueTimes.size).toBe(0); // late is on process, not on elsewhere
  });

  it('maps a multi-instance user task onto a multi-instance one, its elements waiting once each', () => {
    const mapped = map([wait('votes'), { ...wait('votes'), executionId: 'votes_2' }], {});
    expect(mapped.unmapped).toEqual([]);
    expect(mapped.activities).toEqual([{ activityId: 'votes', targetActivityId: 'votes' }]);
  });

  it('a waiting timer catch event is a waiting activity; same id maps without a mapping', () => {
    const mapped = map([], {}, [armed('wait', '2026-09-02T00:00:00Z')]);
    expect(mapped.activities).toEqual([{ activityId: 'wait', targetActivityId: 'wait' }]);
    expect(mapped.keptDueTimes.get('wait')).toEqual(new Date('2026-09-02T00:00:00Z'));
  });

  it.each([
    [wait('other'), {}, 'no mapping given, and version 2 has no activity other'],
    [wait('other'), { other: 'missing' }, 'version 2 has no activity missing'],
    [
      wait('other'),
      { other: 'automated' },
      'other is a bpmn:UserTask, automated a bpmn:ServiceTask',
    ],
    [wait('votes'), { votes: 'process' }, 'votes is multi-instance, process is not'],
    [wait('other'), { other: 'votes' }, 'votes is multi-instance, other is not'],
    [wait('votes', 'serviceTask'), {}, 'only multi-instance user tasks are migrated'],
    [wait('inner'), { inner: 'process' }, 'activities inside a sub-process are not migrated'],
    [wait('hear', 'other'), {}, 'hear and hear wait for different events'],
    [wait('call', 'callActivity'), { call: 'process' }, 'call activities are not migrated'],
    [wait('other'), { other: 'late' }, 'target late cannot be entered directly'],
  ])('refuses %o with %o', (waiting, mapping, reason) => {
    const mapped = map([waiting], mapping);
    expect(mapped.unmapped).toEqual([{ activityId: waiting.activityId, reason }]);
    expect(mapped.activities).toEqual([]);
  });

  it('refuses two waiting activities mapping onto one', () => {
    const mapped = map([wait('handle'), wait('other')], { handle: 'process', other: 'process' });
    expect(mapped.activities).toEqual([{ activityId: 'handle', targetActivityId: 'process' }]);
    expect(mapped.unmapped).toEqual([
      { activityId: 'other', reason: 'handle and other both map to process' },
    ]);
  });
});
