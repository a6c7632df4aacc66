import type { DistrictRecord } from '../../common/database/district-scoped-collection';
import type { RoleKey } from '../roles/role-catalog';

/** `users`: one person's account in one district. */
export interface UserDoc extends DistrictRecord {
  /** As typed when created; logins compare `usernameKey`. */
  username: string;
  usernameKey: string;
  name: string;
  /** Where mail and SMS reach the person (their own profile, or an administrator, sets them). */
  phone?: string;
  email?: string;
  /** The channels the person wants notifications by, beside the in-app list. */
  notifyBy?: { email: boolean; sms: boolean };
  unitId?: string;
  roles: RoleKey[];
  isDistrictAdmin: boolean;
  isPlatformAdmin: boolean;
  passwordHash: string;
  passwordChangedAt: Date;
  /**
   * Sessions remember the epoch they were created in; changing it (password reset, disabling)
   * ends every session of the account without touching the sessions collection.
   */
  sessionEpoch: string;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * `usernames`: usernames are unique across all districts (login asks for no district), and the
 * only uniqueness FerretDB enforces atomically is `_id`, so each username is claimed by inserting
 * `{ _id: usernameKey }` before its user exists.
 */
export interface UsernameClaim {
  _id: string;
  userId: string;
  district: string;
}

/** Usernames compare case-insensitively and without surrounding spaces. */
export function usernameKeyOf(username: string): string {
  return username.trim().toLowerCase();
}

/** What the API shows of a user; never the password hash or the session epoch. */
export interface UserView {
  id: string;
  username: string;
  name: string;
  /** Where mail and SMS reach the person (their own profile, or an administrator, sets them). */
  phone?: string;
  email?: string;
  /** The channels the person wants notifications by, beside the in-app list. */
  notifyBy?: { email: boolean; sms: boolean };
  unitId?: string;
  roles: RoleKey[];
  isDistrictAdmin: boolean;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toUserView(doc: UserDoc): UserView {
  const view: UserView = {
    id: doc._id,
    username: doc.username,
    name: doc.name,
    roles: doc.roles,
    isDistrictAdmin: doc.isDistrictAdmin,
    disabled: doc.disabled,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
  if (doc.phone !== undefined) view.phone = doc.phone;
  if (doc.unitId !== undefined) view.unitId = doc.unitId;
  return view;
}
