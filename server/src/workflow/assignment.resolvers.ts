import type { AssignmentResolver } from '../../../engine/src';
import type { Directory } from './directory.port';

/** `role:<key>`: the district's users holding the role (主任会议, 代表工委, ...). */
export function roleResolver(directory: Directory): AssignmentResolver {
  return {
    prefix: 'role',
    resolve: (roleKey, context) => directory.usersWithRole(context.district, roleKey),
  };
}

/**
 * `unit:<variable>`: the users who act for the unit(s) the variable names — a unit id, a list of
 * them, or unit objects with an `id` (as a multi-instance element over units is).
 */
export function unitResolver(directory: Directory): AssignmentResolver {
  return {
    prefix: 'unit',
    async resolve(variable, context) {
      const value = context.variables[variable];
      const ids = (Array.isArray(value) ? value : [value])
        .map((entry) =>
          typeof entry === 'string'
            ? entry
            : entry && typeof entry === 'object'
              ? (entry as { id?: unknown }).id
              : undefined,
        )
        .filter((id): id is string => typeof id === 'string' && id !== '');
      const lists = await Promise.all(ids.map((id) => directory.usersOfUnit(context.district, id)));
      return [...new Set(lists.flat())];
    },
  };
}
