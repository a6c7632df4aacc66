/** Shapes of docs/api.md "Templates". */

export interface TemplateSummary {
  key: string;
  name: string;
  version: number;
  description: string;
  /** templates installed first (called processes), e.g. four-party-review */
  dependsOn?: string[];
  processKeys: string[];
  formKeys: string[];
  documentKeys: string[];
}

export type Change = 'added' | 'removed' | 'modified';

export interface OutlineElement {
  id: string;
  type: string;
  name?: string;
}

export interface OutlineField {
  path: string;
  type?: string;
  title?: string;
}

export interface TemplateDiff {
  processes: {
    key: string;
    change: Change;
    elements: {
      added: OutlineElement[];
      removed: OutlineElement[];
      renamed: { id: string; from?: string; to?: string }[];
    };
  }[];
  forms: {
    key: string;
    change: Change;
    fields: {
      added: OutlineField[];
      removed: OutlineField[];
      renamed: { path: string; from?: string; to?: string }[];
    };
  }[];
  documents: { added: string[]; removed: string[] };
}

export interface TemplateUpdate {
  key: string;
  name?: string;
  from: number;
  to: number;
  /** null when the district's installed version was not recorded */
  diff: TemplateDiff | null;
}

export interface AppliedUpdate {
  key: string;
  from: number;
  version: number;
  forms: { key: string; version: number; published?: boolean }[];
  processes: { key: string; version: number; deployed?: boolean }[];
}

export interface CurrentDistrict {
  id: string;
  name: string;
  code: string;
  clonedTemplates: { key: string; version: number }[];
}
