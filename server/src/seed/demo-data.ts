import type { RoleKey } from '../accounts/roles/role-catalog';
import type { UnitKind } from '../accounts/units/unit.document';

/** The demo district: enough people and units to walk every template end to end. */
export const DEMO_DISTRICT = { code: 'demo', name: '示范区' };

export const PLATFORM_ADMIN = { username: 'admin', name: '平台管理员' };

/** Fixed ids (in list order), so a seed interrupted midway and run again finds what it made. */
export const DEMO_UNITS: { id: string; name: string; kind: UnitKind }[] = [
  { id: 'demo-u1-fgj', name: '区发改局', kind: 'unit' },
  { id: 'demo-u2-jyj', name: '区教育局', kind: 'unit' },
  { id: 'demo-u3-zjj', name: '区住建局', kind: 'unit' },
  { id: 'demo-u4-wjw', name: '区卫健委', kind: 'unit' },
  { id: 'demo-u5-zfb', name: '区政府办', kind: 'govOffice' },
  { id: 'demo-u6-rdb', name: '区人大常委会办公室', kind: 'office' },
  { id: 'demo-u7-dbgw', name: '代表工委', kind: 'committee' },
  { id: 'demo-u8-cjgw', name: '财经工委', kind: 'committee' },
];

export interface DemoUser {
  username: string;
  name: string;
  roles: RoleKey[];
  unit?: string;
  isDistrictAdmin?: boolean;
}

/** One user per role of the domain document, a handler per department, and the district admin. */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'demo-admin',
    name: '示范区管理员',
    roles: [],
    unit: '区人大常委会办公室',
    isDistrictAdmin: true,
  },
  { username: 'council', name: '王建国', roles: ['council', 'member'] },
  { username: 'leader', name: '李秀英', roles: ['leader', 'council', 'member'] },
  { username: 'committee', name: '赵立新', roles: ['committee'], unit: '财经工委' },
  { username: 'deputyaffairs', name: '钱文华', roles: ['deputyAffairs'], unit: '代表工委' },
  { username: 'office', name: '孙晓梅', roles: ['office'], unit: '区人大常委会办公室' },
  { username: 'member', name: '周志强', roles: ['member'] },
  { username: 'deputy', name: '吴丽娟', roles: ['deputy'] },
  { username: 'govoffice', name: '郑海涛', roles: ['govOffice'], unit: '区政府办' },
  { username: 'unit-fgj', name: '冯国庆', roles: ['unit'], unit: '区发改局' },
  { username: 'unit-jyj', name: '陈静', roles: ['unit'], unit: '区教育局' },
  { username: 'unit-zjj', name: '褚振华', roles: ['unit'], unit: '区住建局' },
  { username: 'unit-wjw', name: '卫红梅', roles: ['unit'], unit: '区卫健委' },
];
