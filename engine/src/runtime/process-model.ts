import type { TimerKind } from '../calendar';

/** What the runtime needs to know about a definition's elements, by element id. */
export interface UserTaskModel {
  id: string;
  name?: string;
  formKey?: string;
  assignee?: string;
  candidateUsers: string[];
  candidateGroups: string[];
  dueDate?: string;
  followUpDate?: string;
  priority?: string;
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
}
