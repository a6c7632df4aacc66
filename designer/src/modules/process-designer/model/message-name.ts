import { isExpressionText } from './expression-text';

/**
 * The name of the bpmn:Message an event or task refers to. The engine correlates by this name,
 * written as plain text (engine/README.md, "message catch").
 */
export type MessageName =
  | { kind: 'none' }
  | { kind: 'name'; name: string }
  /** Camunda evaluates `${…}` names; this engine does not, but the text is kept as written */
  | { kind: 'expression'; text: string };

export function parseMessageName(text: string | undefined): MessageName {
  const value = (text ?? '').trim();
  if (value === '') return { kind: 'none' };
  if (isExpressionText(value)) return { kind: 'expression', text: value };
  return { kind: 'name', name: value };
}

export function formatMessageName(name: MessageName): string | undefined {
  if (name.kind === 'none') return undefined;
  const text = (name.kind === 'name' ? name.name : name.text).trim();
  return text === '' ? undefined : text;
}

/** One use of a message name by a deployed process (GET /definitions/messages). */
export interface MessageUseOption {
  processKey: string;
  processName?: string;
  direction: 'catch' | 'throw';
}

export interface MessageNameOption {
  name: string;
  uses: MessageUseOption[];
}

export interface MessageChoice {
  name: string;
  /** Other processes that wait for this name. */
  catchers: string[];
  /** Other processes that send it. */
  senders: string[];
  /** Used in the diagram being edited (a bpmn:Message of this file). */
  inThisFile: boolean;
}

/**
 * The names to offer: those other deployed processes wait for or send, and those of this file's
 * own messages, with who uses them; the process being edited does not count as "other".
 */
export function messageChoices(
  catalog: readonly MessageNameOption[],
  fileNames: readonly string[],
  processKey: string | undefined,
): MessageChoice[] {
  const byName = new Map<string, MessageChoice>();
  const choice = (name: string) => {
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = { name, catchers: [], senders: [], inThisFile: false }));
    return entry;
  };
  for (const option of catalog) {
    for (const use of option.uses) {
      if (use.processKey === processKey) continue;
      const list =
        use.direction === 'catch' ? choice(option.name).catchers : choice(option.name).senders;
      const label = use.processName ?? use.processKey;
      if (!list.includes(label)) list.push(label);
    }
  }
  for (const name of fileNames) {
    if (name.trim() !== '' && !isExpressionText(name)) choice(name.trim()).inThisFile = true;
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
