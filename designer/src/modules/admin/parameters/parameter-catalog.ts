/**
 * The parameter list of the template library (processes/parameters.json): key, group, label, kind,
 * default, description, options, min/max. It is bundled at build time, so a parameter appended to
 * the library shows in the editor (in Chinese) without a change here; English names and
 * descriptions come from parameters-messages.ts where known.
 */
import library from '../../../../../processes/parameters.json';

export type ParameterKind =
  | 'duration'
  | 'durations'
  | 'integer'
  | 'boolean'
  | 'choice'
  | 'choices'
  | 'text'
  | 'time'
  | 'codeList'
  | 'itemList';

export interface ParameterDefinition {
  key: string;
  group: string;
  label: string;
  kind: ParameterKind;
  default: unknown;
  description: string;
  basis?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
}

export interface ReplyCode {
  code: string;
  label: string;
  explanationRequired: boolean;
  planRequired?: boolean;
}

export interface ListItem {
  key: string;
  label: string;
}

export type ParameterValues = Record<string, unknown>;

export const PARAMETER_DEFINITIONS: readonly ParameterDefinition[] = (
  library as { parameters: ParameterDefinition[] }
).parameters;

export const PARAMETERS_BY_KEY: ReadonlyMap<string, ParameterDefinition> = new Map(
  PARAMETER_DEFINITIONS.map((definition) => [definition.key, definition]),
);

/** The groups in the order the library first names them, with their parameters. */
export function parameterGroups(): { group: string; definitions: ParameterDefinition[] }[] {
  const groups = new Map<string, ParameterDefinition[]>();
  for (const definition of PARAMETER_DEFINITIONS) {
    const list = groups.get(definition.group) ?? [];
    list.push(definition);
    groups.set(definition.group, list);
  }
  return [...groups].map(([group, definitions]) => ({ group, definitions }));
}

/** The library's defaults, as the values object `PUT /parameters` and `POST /districts` take. */
export function defaultParameterValues(): ParameterValues {
  return Object.fromEntries(
    PARAMETER_DEFINITIONS.map((definition) => [
      definition.key,
      structuredClone(definition.default),
    ]),
  );
}

/** Structural equality for JSON values (parameter values are JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What to send: the values that differ from the library default (left-out keys keep their
 * defaults, and follow a later change of the library), plus keys the library does not know.
 */
export function changedFromDefaults(values: ParameterValues): ParameterValues {
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => {
      const definition = PARAMETERS_BY_KEY.get(key);
      return !definition || !sameValue(value, definition.default);
    }),
  );
}
