import { type CompiledForm, dataChildren } from '../forms';

/** A variable of a process as its forms declare it, for the call-activity mappings. */
export interface ProcessVariable {
  name: string;
  /** The field's title in the first form that has it as a field. */
  title?: string;
  /** A field of the start form: whoever starts (or calls) the process provides it. */
  startForm: boolean;
  /** Written by one of its task forms: there to hand back to a caller. */
  written: boolean;
  /** Shown read-only by one of its task forms. */
  read: boolean;
}

export interface ProcessForm {
  start: boolean;
  form: CompiledForm;
}

/**
 * The variables a process's forms name: every field of its start form, what its task forms write
 * and what they read. An anonymous ballot's answers go to the ballot box, never into variables,
 * so its writes are left out.
 */
export function processVariables(forms: ProcessForm[]): ProcessVariable[] {
  const byName = new Map<string, ProcessVariable>();
  const note = (
    name: string,
    title: string | undefined,
    flag: 'startForm' | 'written' | 'read',
  ) => {
    let variable = byName.get(name);
    if (!variable) {
      variable = { name, startForm: false, written: false, read: false };
      byName.set(name, variable);
    }
    if (title && !variable.title) variable.title = title;
    variable[flag] = true;
  };
  // start form first, so its titles win: it is where the values come from
  for (const { start, form } of [...forms].sort((a, b) => Number(b.start) - Number(a.start))) {
    const fields = new Map(dataChildren(form.root).map((field) => [field.name, field.title]));
    if (start) {
      for (const [name, title] of fields) note(name, title, 'startForm');
      continue;
    }
    if (!form.meta.anonymous)
      for (const name of form.meta.writes) note(name, fields.get(name), 'written');
    for (const name of form.meta.reads) note(name, fields.get(name), 'read');
  }
  return [...byName.values()];
}
