/**
 * The role keys of the domain document (/work/shared/domain/processes.md, "Roles"). Process
 * definitions assign tasks to `role:<key>`; each district decides who holds each role.
 */
export const ROLE_CATALOG = [
  { key: 'council', label: '主任会议' },
  { key: 'committee', label: '牵头专委/工委' },
  { key: 'deputyAffairs', label: '代表工委/选联工委' },
  { key: 'office', label: '办公室' },
  { key: 'member', label: '常委会组成人员' },
  { key: 'deputy', label: '人大代表' },
  { key: 'govOffice', label: '政府办/督查室' },
  { key: 'unit', label: '承办单位' },
  { key: 'leader', label: '常委会领导' },
] as const;

export type RoleKey = (typeof ROLE_CATALOG)[number]['key'];

export const ROLE_KEYS: readonly RoleKey[] = ROLE_CATALOG.map((role) => role.key);

export function isRoleKey(value: unknown): value is RoleKey {
  return typeof value === 'string' && (ROLE_KEYS as readonly string[]).includes(value);
}

export function roleLabel(key: RoleKey): string {
  return ROLE_CATALOG.find((role) => role.key === key)!.label;
}
