import type EventBus from 'diagram-js/lib/core/EventBus';
import type { CalledVariable } from '../../model/call-activity';
import type { MessageNameOption } from '../../model/message-name';
import type { TimerType } from '../../model/timer-spec';

/**
 * The district's data the pickers offer: roles, forms, service handlers, deployed processes and
 * message names; and the look-ups they make as a person types or picks (people, previews, …).
 */
export interface RoleOption {
  key: string;
  label: string;
}
export interface FormOption {
  key: string;
  title: string;
  version?: number;
}
export interface HandlerParameter {
  name: string;
  description: string;
  required?: boolean;
}
export interface HandlerOption {
  topic: string;
  description: string;
  parameters: HandlerParameter[];
}
export interface UserOption {
  id: string;
  name: string;
  unitName?: string;
}

/** A deployed process of the district, its latest version (GET /definitions). */
export interface ProcessOption {
  key: string;
  name?: string;
  version: number;
}

/** When a timer or due date would fall due (GET /calendar/preview). */
export interface SchedulePreview {
  occurrences: { at: string; localDate: string; weekday: number; workingDay: boolean }[];
  total: number | null;
}

/** Asked of the server while a person uses a picker; a refusal rejects with its message. */
export interface ReferenceLookups {
  searchUsers(query: string): Promise<UserOption[]>;
  usersByIds(ids: string[]): Promise<UserOption[]>;
  previewSchedule(kind: TimerType | 'dueDate', value: string): Promise<SchedulePreview>;
  calledVariables(key: string, version?: number): Promise<CalledVariable[]>;
}

/** Each list is undefined until it has loaded (the pickers then keep the current value). */
export interface ReferenceDataState {
  roles?: RoleOption[];
  forms?: FormOption[];
  handlers?: HandlerOption[];
  processes?: ProcessOption[];
  messages?: MessageNameOption[];
  lookups?: ReferenceLookups;
  /** Which lists failed to load, so the panel can say so instead of offering an empty list. */
  failed: string[];
}

/**
 * A diagram service holding the reference data: the React page loads it from the API and hands it
 * over; the properties panel reads it and re-renders when it changes.
 */
export class ReferenceData {
  static $inject = ['eventBus'];

  private state: ReferenceDataState = { failed: [] };

  constructor(private readonly eventBus: EventBus) {}

  get(): ReferenceDataState {
    return this.state;
  }

  update(patch: Partial<ReferenceDataState>): void {
    this.state = { ...this.state, ...patch };
    this.eventBus.fire('congressReferenceData.changed', { state: this.state });
    this.eventBus.fire('propertiesPanel.providersChanged');
  }
}
