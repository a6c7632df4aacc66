import type { Collection } from 'mongodb';
import type { BusinessKeyDoc } from '../storage/documents';
import { isDuplicateKey } from '../storage/engine-store';
import { formatKey, type ParsedPattern } from './business-key-pattern';

export interface NextKeyRequest {
  district: string;
  pattern: ParsedPattern;
  at: Date;
  utcOffsetMinutes: number;
  instanceId: string;
}

/**
 * Hands out business keys without gaps or repeats while nothing fails, race-free on a database
 * whose only atomic primitive is the unique insert: number n of a scope belongs to whoever
 * inserts `n|<district>|<scope>|<n>` first; the others try n+1. Where to start is kept in a hint
 * document, updated after each success; a hint that lags (two writers, a crash) costs extra
 * tries, never a duplicate. A start that fails after taking its number leaves a gap, as database
 * sequences do.
 */
export class BusinessKeySequence {
  constructor(private readonly keys: Collection<BusinessKeyDoc>) {}

  async next(request: NextKeyRequest): Promise<string> {
    const { district, pattern, at, utcOffsetMinutes, instanceId } = request;
    const scope = formatKey(pattern, at, utcOffsetMinutes);
    const hintId = `h|${district}|${scope}`;
    const hint = await this.keys.findOne({ _id: hintId });
    for (let n = Math.max(1, hint?.n ?? 1); ; n++) {
      const key = formatKey(pattern, at, utcOffsetMinutes, n);
      try {
        await this.keys.insertOne({
          _id: `n|${district}|${scope}|${n}`,
          district,
          scope,
          n,
          key,
          instanceId,
          at,
        });
      } catch (error) {
        if (isDuplicateKey(error)) continue;
        throw error;
      }
      await this.moveHint(hintId, n + 1, { district, scope, at });
      return key;
    }
  }

  /** Best effort: the number is taken whatever happens here, and a stale hint only costs tries. */
  private async moveHint(
    hintId: string,
    next: number,
    fields: Pick<BusinessKeyDoc, 'district' | 'scope' | 'at'>,
  ): Promise<void> {
    try {
      await this.keys.updateOne(
        { _id: hintId },
        { $max: { n: next }, $setOnInsert: fields },
        { upsert: true },
      );
    } catch {
      // two first upserts of one hint race to insert it (FerretDB's upsert is not atomic): the
      // loser's number is taken all the same
    }
  }
}
