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

export type {
  Change,
  OutlineElement,
  OutlineField,
  TemplateDiff,
} from '../../../../../server/src/templates/template-diff.types';
import type { TemplateDiff } from '../../../../../server/src/templates/template-diff.types';

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
