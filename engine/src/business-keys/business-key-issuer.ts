import type { WorkingCalendar } from '../calendar';
import type { Clock } from '../clock';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import type { EngineStore } from '../storage/engine-store';
import { parsePattern, type ParsedPattern } from './business-key-pattern';
import { BusinessKeySequence } from './business-key-sequence';

export interface BusinessKeyIssuerDeps {
  store: EngineStore;
  clock: Clock;
  calendar(district: string): Promise<WorkingCalendar>;
}

/**
 * The business key of an instance started without one, from its process's pattern (none: no
 * key). Dates are the district calendar's local time, so a case filed at 00:30 on 1 January in
 * Beijing counts in the new year.
 */
export class BusinessKeyIssuer {
  private readonly sequence: BusinessKeySequence;
  private readonly patterns = new Map<string, ParsedPattern>();

  constructor(private readonly deps: BusinessKeyIssuerDeps) {
    this.sequence = new BusinessKeySequence(deps.store.businessKeys);
  }

  async issue(
    loaded: LoadedDefinition,
    district: string,
    instanceId: string,
  ): Promise<string | undefined> {
    const text = loaded.model.businessKeyPattern;
    if (!text) return undefined;
    let pattern = this.patterns.get(text);
    if (!pattern) {
      pattern = parsePattern(text); // deployment validation has refused bad patterns already
      this.patterns.set(text, pattern);
    }
    const calendar = await this.deps.calendar(district);
    return this.sequence.next({
      district,
      pattern,
      at: this.deps.clock.now(),
      utcOffsetMinutes: calendar.utcOffsetMinutes,
      instanceId,
    });
  }
}
