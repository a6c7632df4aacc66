import { ValidateIf } from 'class-validator';

/**
 * "May be left out, but not null": class-validator's @IsOptional also lets `null` through, which
 * a PATCH would then write into a field that must always hold a value.
 */
export const IsOmittable = () =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
