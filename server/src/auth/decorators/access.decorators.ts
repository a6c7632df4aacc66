import { SetMetadata } from '@nestjs/common';
import type { RoleKey } from '../../accounts/roles/role-catalog';

export const ACCESS_RULE = 'congressflow:access';

/** What a route asks of the caller beyond a session; checked by the global AccessGuard. */
export type AccessRule =
  { kind: 'platformAdmin' } | { kind: 'districtAdmin' } | { kind: 'roles'; roles: RoleKey[] };

/** Only platform administrators (creating districts, listing them). */
export const PlatformAdminOnly = () =>
  SetMetadata(ACCESS_RULE, { kind: 'platformAdmin' } satisfies AccessRule);

/** District administrators of the district acted in; platform administrators pass too. */
export const DistrictAdminOnly = () =>
  SetMetadata(ACCESS_RULE, { kind: 'districtAdmin' } satisfies AccessRule);

/**
 * Callers holding at least one of these roles in the district acted in. District and platform
 * administrators do not pass by default: administering people is not doing their work.
 */
export const RequireRoles = (...roles: RoleKey[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);
