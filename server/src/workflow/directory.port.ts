/**
 * What the workflow needs to know about a district's people. The accounts module implements it
 * over the database; scenario tests use an in-memory one. Every call is scoped to one district.
 */
export interface DirectoryUser {
  id: string;
  name: string;
  unitId?: string;
  roles: string[];
}

export interface DirectoryUnit {
  id: string;
  name: string;
  kind: string;
}

export interface Directory {
  /** Ids of the district's users holding the role key (empty when nobody does). */
  usersWithRole(district: string, roleKey: string): Promise<string[]>;
  /** The role keys the district defines; deployments may only reference these. */
  roleKeys(district: string): Promise<string[]>;
  user(district: string, userId: string): Promise<DirectoryUser | undefined>;
  unit(district: string, unitId: string): Promise<DirectoryUnit | undefined>;
  /** Users who act for a unit (承办单位的经办人), used to assign a unit's tasks. */
  usersOfUnit(district: string, unitId: string): Promise<string[]>;
  /**
   * Display names of whichever of `ids` are users or units of the district (others are left
   * out), so documents print 区教育局 rather than the id a form stored.
   */
  displayNames(district: string, ids: readonly string[]): Promise<Record<string, string>>;
}
