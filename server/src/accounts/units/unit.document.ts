import type { DistrictRecord } from '../../common/database/district-scoped-collection';

/** What kind of organisation a unit is (docs/api.md "units"). */
export const UNIT_KINDS = ['unit', 'committee', 'office', 'govOffice', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  unit: '承办单位',
  committee: '专委/工委',
  office: '办公室',
  govOffice: '政府办',
  other: '其他',
};

/**
 * `units`: a government department, committee or office of a district. Deleting one only marks
 * it: finished processes still name it, and the directory must still resolve those names.
 */
export interface UnitDoc extends DistrictRecord {
  name: string;
  kind: UnitKind;
  deletedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface UnitView {
  id: string;
  name: string;
  kind: UnitKind;
}

export function toUnitView(doc: UnitDoc): UnitView {
  return { id: doc._id, name: doc.name, kind: doc.kind };
}
