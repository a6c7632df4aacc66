/** Shapes of docs/api.md "District administration": users, units, role membership. */

export const UNIT_KINDS = ['unit', 'committee', 'office', 'govOffice', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitRecord {
  id: string;
  name: string;
  kind: UnitKind | string;
}

export interface UserRecord {
  id: string;
  username: string;
  name: string;
  phone?: string;
  unitId?: string;
  roles: string[];
  isDistrictAdmin: boolean;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RoleMembers {
  key: string;
  label: string;
  userIds: string[];
}

/** The domain's role keys (shared/domain/processes.md), in the order the screens list them. */
export const ROLE_KEYS = [
  'council',
  'leader',
  'committee',
  'deputyAffairs',
  'office',
  'member',
  'deputy',
  'govOffice',
  'unit',
] as const;
