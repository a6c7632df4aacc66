import type { BpmnOutline } from './bpmn-outline';

/**
 * Who may start a process from the inbox (the candidate-starter convention, engine/README.md):
 * a holder of one of the role keys in `camunda:candidateStarterGroups`, or a user whose id is in
 * `camunda:candidateStarterUsers`, on the `<bpmn:process>` element — and only a process with a
 * none start event. A process naming neither is started by other processes (call activities),
 * messages, signals or timers, never by hand. Administrators get no exception: administering
 * people is not doing their work (as with `@RequireRoles`).
 */
export function mayStart(
  caller: { userId: string; roles: readonly string[] },
  outline: BpmnOutline,
): boolean {
  if (!outline.hasNoneStart) return false;
  return (
    outline.starterUsers.includes(caller.userId) ||
    outline.starterGroups.some((group) => caller.roles.includes(group))
  );
}
