import type EventBus from 'diagram-js/lib/core/EventBus';

/** The district's data the pickers offer: roles, forms, service handlers and users. */
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

/** Each list is undefined until it has loaded (the pickers then keep the current value). */
export interface ReferenceDataState {
  roles?: RoleOption[];
  forms?: FormOption[];
  handlers?: HandlerOption[];
  users?: UserOption[];
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
