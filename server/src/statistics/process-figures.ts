/**
 * The one place that knows where a template keeps the figures `GET /statistics` reports: which
 * instance variables hold the reply code, the rating, the handling unit and the on-time verdict.
 * The names come from the templates themselves (processes/suggestion-handling.bpmn: the forms
 * suggestion-assign → `leadUnit`, suggestion-handle → `replyCode`, suggestion-feedback →
 * `satisfaction`, and the closing service task `statistics` → `statistics.onTime`). A template
 * that renames a variable changes it here and nowhere else; a process not listed contributes
 * counts by status and task deadlines only.
 */
export interface ProcessFigures {
  /** Variable holding the reply code (答复类别), e.g. `A`. */
  replyCode?: string;
  /** District parameter (a codeList) that labels the reply codes. */
  replyCodeLabels?: string;
  /** Variable holding the rating, and the values that count as satisfied. */
  satisfaction?: { variable: string; satisfied: readonly string[] };
  /** Variable holding the id of the unit that handles the instance (承办单位). */
  unit?: string;
  /** Dot path of the boolean set when the instance finished: true when it kept its deadline. */
  onTime?: string;
}

export const PROCESS_FIGURES: Readonly<Record<string, ProcessFigures>> = {
  'suggestion-handling': {
    replyCode: 'replyCode',
    replyCodeLabels: 'replyCodes',
    satisfaction: { variable: 'satisfaction', satisfied: ['满意', '基本满意'] },
    unit: 'leadUnit',
    onTime: 'statistics.onTime',
  },
};

/** The variable paths to project when reading instances of these processes (all when undefined). */
export function figurePaths(processKey?: string): string[] {
  const figures =
    processKey === undefined
      ? Object.values(PROCESS_FIGURES)
      : [PROCESS_FIGURES[processKey]].filter(Boolean);
  const paths = new Set<string>();
  for (const f of figures) {
    if (f.replyCode) paths.add(f.replyCode);
    if (f.satisfaction) paths.add(f.satisfaction.variable);
    if (f.unit) paths.add(f.unit);
    if (f.onTime) paths.add(f.onTime);
  }
  // a path inside another one already projected would collide with it (MongoDB refuses both)
  const kept = [...paths].filter(
    (path) => ![...paths].some((other) => path.startsWith(`${other}.`)),
  );
  return kept.map((path) => `variables.${path}`);
}

/** A value at a dot path of the variables. */
export function valueAt(variables: Record<string, unknown> | undefined, path: string): unknown {
  let value: unknown = variables;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
