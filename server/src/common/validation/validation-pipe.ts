import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { toFieldProblems } from './validation-details';

/** `?district=` is read by the session guard (platform administrators); no query DTO declares it. */
const RESERVED_QUERY_PARAMETERS = ['district'];

/**
 * The global pipe: DTO classes are the whitelist (unknown fields are refused, not dropped, so a
 * typo is visible), values are transformed into the DTO class, and every field error comes back
 * at once as 400 VALIDATION_FAILED. No implicit type conversion: a number where a string belongs
 * is an error, and query DTOs convert explicitly with @Type.
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => AppError.validation(toFieldProblems(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A JSON array where a DTO object belongs would be validated item by item, with odd paths.
    if (metadata.type === 'body' && Array.isArray(value) && this.toValidate(metadata)) {
      throw AppError.field('', '请求体必须是 JSON 对象');
    }
    if (metadata.type === 'query' && isPlainObject(value)) {
      const rest = { ...value };
      for (const name of RESERVED_QUERY_PARAMETERS) delete rest[name];
      return super.transform(rest, metadata);
    }
    return super.transform(value, metadata);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
