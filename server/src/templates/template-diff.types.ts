/**
 * The shapes of a template diff (`GET /api/templates/updates` → `diff`), in a file that imports
 * nothing: the designer reads the same types (designer/src/modules/admin/templates/).
 */

/** One flow element of a process, at any depth (sub-process contents included). */
export interface OutlineElement {
  id: string;
  /** The BPMN type without its prefix: `userTask`, `exclusiveGateway`, `sequenceFlow`, ... */
  type: string;
  name?: string;
}

/** One data field of a form: its data path (void containers left out, `[]` for array rows). */
export interface OutlineField {
  path: string;
  type?: string;
  title?: string;
}

export type Change = 'added' | 'removed' | 'modified';

export interface ProcessChange {
  key: string;
  change: Change;
  elements: {
    added: OutlineElement[];
    removed: OutlineElement[];
    renamed: { id: string; from?: string; to?: string }[];
  };
}

export interface FormChange {
  key: string;
  change: Change;
  fields: {
    added: OutlineField[];
    removed: OutlineField[];
    renamed: { path: string; from?: string; to?: string }[];
  };
}

/** What changed between two versions of a template. */
export interface TemplateDiff {
  processes: ProcessChange[];
  forms: FormChange[];
  documents: { added: string[]; removed: string[] };
}
