import type { FieldError } from '../../../shared/api';
import { changedFromDefaults, type ParameterValues } from '../parameters/parameter-catalog';
import type { TemplateSummary } from '../templates/template-types';

/** What the wizard's one form holds across its steps. */
export interface WizardValues {
  name: string;
  code: string;
  templates: string[];
  /** role keys the district administrator holds (the only account of a new district) */
  adminRoles: string[];
  units: { name: string; kind: string }[];
  parameters: ParameterValues;
  admin: { username: string; name: string; password: string };
}

export const WIZARD_STEPS = [
  'basics',
  'templates',
  'roles',
  'parameters',
  'admin',
  'review',
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const DISTRICT_CODE = /^[a-z0-9][a-z0-9-]{1,31}$/;

/** `POST /districts` body (docs/api.md): the role mapping may name only the admin's username. */
export function districtRequest(values: WizardValues) {
  const username = values.admin.username.trim();
  const parameters = changedFromDefaults(values.parameters ?? {});
  const units = (values.units ?? [])
    .map((unit) => ({ name: unit.name.trim(), kind: unit.kind }))
    .filter((unit) => unit.name);
  return {
    name: values.name.trim(),
    code: values.code.trim(),
    templates: values.templates ?? [],
    roleMapping: Object.fromEntries((values.adminRoles ?? []).map((key) => [key, [username]])),
    ...(Object.keys(parameters).length > 0 && { parameters }),
    admin: { username, name: values.admin.name.trim(), password: values.admin.password },
    ...(units.length > 0 && { units }),
  };
}

/** The form field a server error path belongs to, and the step that shows it. */
export function wizardField(path: string): { name: (string | number)[]; step: number } {
  const parts = path.split(/[.[\]]/).filter(Boolean);
  const [head, second, third] = parts;
  switch (head) {
    case 'name':
    case 'code':
      return { name: [head], step: 0 };
    case 'templates':
      return { name: ['templates'], step: 1 };
    case 'roleMapping':
      return { name: ['adminRoles'], step: 2 };
    case 'units':
      return second !== undefined && third
        ? { name: ['units', Number(second), third], step: 2 }
        : { name: ['units'], step: 2 };
    case 'parameters':
      return { name: ['parameters', second ?? ''], step: 3 };
    case 'admin':
      return { name: ['admin', second ?? 'username'], step: 4 };
    default:
      return { name: [], step: 5 };
  }
}

/** The first step any of these errors belongs to. */
export function firstErrorStep(errors: FieldError[]): number {
  return Math.min(...errors.map((e) => wizardField(e.path).step), WIZARD_STEPS.length - 1);
}

/** The templates chosen plus everything they call, transitively. */
export function withDependencies(keys: string[], templates: TemplateSummary[]): string[] {
  const byKey = new Map(templates.map((t) => [t.key, t]));
  const chosen = new Set<string>();
  const visit = (key: string) => {
    if (chosen.has(key)) return;
    chosen.add(key);
    for (const dependency of byKey.get(key)?.dependsOn ?? []) visit(dependency);
  };
  keys.forEach(visit);
  return templates.map((t) => t.key).filter((key) => chosen.has(key));
}

/** The chosen templates that call `key` (so it cannot be left out). */
export function requiredBy(key: string, chosen: string[], templates: TemplateSummary[]): string[] {
  return templates
    .filter((t) => chosen.includes(t.key) && (t.dependsOn ?? []).includes(key))
    .map((t) => t.key);
}

/** The form fields each step holds (validated with `recursive` for the units list). */
export function stepFieldNames(step: number, parameterKeys: string[]): (string | number)[][] {
  switch (step) {
    case 0:
      return [['name'], ['code']];
    case 1:
      return [['templates']];
    case 2:
      return [['adminRoles'], ['units']];
    case 3:
      return parameterKeys.map((key) => ['parameters', key]);
    case 4:
      return [
        ['admin', 'username'],
        ['admin', 'name'],
        ['admin', 'password'],
      ];
    default:
      return [];
  }
}
