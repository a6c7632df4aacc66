import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '../../../../engine/src';
import { AppError } from '../../common/errors/app-error';
import { CLOCK, DATABASE } from '../../common/tokens';
import type { Database } from '../../database/database';
import { type DistrictParameters, type ParameterProblem, ParameterStore } from '../../parameters';
import { isWorkflowKitError } from '../../workflow/workflow-kit.error';

/**
 * The parameter routes over the workflow kit's ParameterStore (defaults from
 * processes/parameters.json overlaid with the district's saved values, docs/workflow-kit.md §3).
 * The store's own problem list becomes the API's VALIDATION_FAILED with a path per key.
 */
@Injectable()
export class DistrictParametersService {
  readonly store: ParameterStore;

  constructor(@Inject(DATABASE) database: Database, @Inject(CLOCK) clock: Clock) {
    this.store = new ParameterStore(database.connection, clock);
  }

  get(district: string): Promise<DistrictParameters> {
    return this.store.get(district);
  }

  /** Saves the district's values (keys left out keep their defaults) and answers all values. */
  async put(
    district: string,
    values: Record<string, unknown>,
    by?: string,
  ): Promise<DistrictParameters> {
    try {
      return (await this.store.put(district, values, { savedBy: by })).values;
    } catch (error) {
      if (isWorkflowKitError(error, 'PARAMETERS_INVALID')) {
        const problems = (error.details as ParameterProblem[]).map(({ key, message }) => ({
          path: key,
          message,
        }));
        throw AppError.validation(problems, error.message);
      }
      throw error;
    }
  }
}
