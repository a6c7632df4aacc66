interface PopupMenu {
  registerProvider(id: string, priority: number, provider: unknown): void;
}

type Entries = Record<string, unknown>;

/**
 * Replace-menu entries of constructs the engine refuses at deployment (engine/src/deployment/
 * construct-rules.ts): offering them would only lead to a refused publication.
 * `replace-with-conditional-flow` (a flow with a condition) is fine and stays.
 */
const REFUSED = [
  /manual-task/,
  /script-task/,
  /complex-gateway/,
  /transaction/,
  /ad-hoc-subprocess/,
  /conditional-(start|intermediate|boundary)/,
  /cancel-(end|boundary)/,
];

export class RefusedConstructsFilter {
  static $inject = ['popupMenu'];

  constructor(popupMenu: PopupMenu) {
    popupMenu.registerProvider('bpmn-replace', 100, this);
  }

  getPopupMenuEntries() {
    return (entries: Entries): Entries =>
      Object.fromEntries(
        Object.entries(entries).filter(([id]) => !REFUSED.some((pattern) => pattern.test(id))),
      );
  }
}
