import type { TimerKind } from '../calendar';
import type { UserTaskInfo } from '../deployment';

/** What the runtime needs to know about a definition's elements, by element id. */
/** The parser's user-task info, with the multi-instance element variable lifted out. */
export interface UserTaskModel extends Omit<UserTaskInfo, 'multiInstance'> {
  elementVariable?: string;
}

export interface ServiceTaskModel {
  id: string;
  name?: string;
  topic?: string;
  parameters: Record<string, string>;
}

export interface ProcessModel {
  key: string;
  name?: string;
  startFormKey?: string;
  userTasks: Map<string, UserTaskModel>;
  serviceTasks: Map<string, ServiceTaskModel>;
  timers: Map<string, { kind: TimerKind; value: string }>;
  names: Map<string, string>;
  formKeys: string[];
  /** Business keys of instances started without one are made from it (business-keys/). */
  businessKeyPattern?: string;
}
