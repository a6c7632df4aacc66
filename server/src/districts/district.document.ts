/**
 * `districts`: one record per district, `_id` = its code (so the code is unique by the one
 * constraint FerretDB enforces atomically). Like every record it names its district: itself.
 */
export interface DistrictDoc {
  _id: string;
  district: string;
  name: string;
  code: string;
  /** `platform` is the home of platform administrators; it is not a congress district. */
  kind: 'district' | 'platform';
  clonedTemplates: ClonedTemplate[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ClonedTemplate {
  key: string;
  version: number;
}

export const PLATFORM_DISTRICT = 'platform';

/** District codes: lower-case letters, digits and -, 2–32 long (an administrative code fits). */
export const DISTRICT_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,31}$/;

export interface DistrictSummary {
  id: string;
  name: string;
  code: string;
  createdAt: string;
}

export interface CurrentDistrict {
  id: string;
  name: string;
  code: string;
  clonedTemplates: ClonedTemplate[];
}

export function toDistrictSummary(doc: DistrictDoc): DistrictSummary {
  return { id: doc._id, name: doc.name, code: doc.code, createdAt: doc.createdAt.toISOString() };
}
