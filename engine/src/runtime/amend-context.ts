import type { InstanceDoc } from '../storage/documents';
import type { Effect } from './effects';
import type { HistoryDraft } from './step-context';

/**
 * What an amendment may read and do: a revision of the instance that records history and changes
 * its tasks (a claim, a delegation, a copy…) but leaves the process — its bpmn-engine state and
 * variables — as it is, so bpmn-engine is not recovered for it.
 */
export interface AmendContext {
  readonly instance: Readonly<InstanceDoc>;
  readonly now: Date;
  /** The revision this amendment commits as. */
  readonly rev: number;
  readonly effects: Effect[];
  readonly history: HistoryDraft[];
}
