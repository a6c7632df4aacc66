import { EventEmitter } from 'node:events';
import { UncaughtThrows } from './uncaught-throws';

const api = (id: string, executionId: string, content: Record<string, unknown>) => ({
  id,
  executionId,
  content,
});
const escalation = (id: string) => ({ id, type: 'bpmn:Escalation', messageType: 'escalation' });

describe('UncaughtThrows', () => {
  it('keeps the escalations nothing caught, in order, matching each catch to one throw', () => {
    const listener = new EventEmitter();
    const throws = new UncaughtThrows(listener);

    // given: LATE thrown twice and caught once (the catch is reported before its throw), and
    // STUCK thrown once, uncaught
    listener.emit('activity.catch', api('inner-caught', 'c1', { message: escalation('late') }));
    listener.emit('activity.escalate', api('raise-1', 'r1', { message: escalation('late') }));
    listener.emit('activity.escalate', api('raise-2', 'r2', { message: escalation('stuck') }));
    listener.emit(
      'activity.escalate',
      api('raise-3', 'r3', { message: { ...escalation('late'), name: 'Late' } }),
    );

    // then
    expect(throws.takeEscalations()).toEqual([
      { activityId: 'raise-2', escalationRef: 'stuck' },
      { activityId: 'raise-3', escalationRef: 'late', name: 'Late' },
    ]);
    expect(throws.takeEscalations()).toEqual([]);
  });

  it("does not count a called process's escalation taken at a call activity as a catch here", () => {
    const listener = new EventEmitter();
    const throws = new UncaughtThrows(listener);

    listener.emit(
      'activity.catch',
      api('on-late', 'b1', { message: { ...escalation('late'), calledInstanceId: 'child' } }),
    );
    listener.emit('activity.escalate', api('raise', 'r1', { message: escalation('late') }));

    expect(throws.takeEscalations()).toEqual([{ activityId: 'raise', escalationRef: 'late' }]);
  });

  it('keeps the BPMN errors whose thrower nothing caught', () => {
    const listener = new EventEmitter();
    const throws = new UncaughtThrows(listener);
    const error = (code: string) => ({ message: { type: 'bpmn:Error', code, name: code } });

    listener.emit('activity.throw', api('reject', 't1', error('REJECTED')));
    listener.emit('activity.throw', api('fail', 't2', error('FAILED')));
    listener.emit('activity.catch', api('on-reject', 'c1', { source: { executionId: 't1' } }));

    expect(throws.takeErrors()).toEqual([{ activityId: 'fail', code: 'FAILED', name: 'FAILED' }]);
    expect(throws.takeErrors()).toEqual([]);
  });
});
