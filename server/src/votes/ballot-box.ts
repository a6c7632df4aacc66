import { createHash, randomBytes } from 'node:crypto';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Clock } from '../../../engine/src';
import { isDuplicateKey } from '../workflow/mongo-errors';
import { WorkflowKitError } from '../workflow/workflow-kit.error';
import type { TallyResult } from './vote-tally';

/**
 * Who voted — never what. `_id` is the task id, so one voter casts once. While a cast is under
 * way the receipt holds a one-time nonce whose hash is the ballot's id; the nonce is removed as
 * soon as the ballot is in, after which nothing links the receipt to the ballot.
 */
interface ReceiptDoc {
  _id: string;
  box: string;
  district: string;
  cast: boolean;
  nonce?: string;
}

/** The ballot: the marks and the box. No voter, no task, no time; its id is a random hash. */
interface BallotDoc {
  _id: string;
  box: string;
  district: string;
  marks: Record<string, unknown>;
}

interface TallyDoc {
  /** The box: one tally per box, and once it exists the box is closed. */
  _id: string;
  district: string;
  result: TallyResult;
  talliedAt: Date;
}

export interface BallotTask {
  taskId: string;
  instanceId: string;
  activityId: string;
  district: string;
}

/** One box per ballot activity of an instance (a new vote is a new instance of the vote process). */
export function ballotBoxId(instanceId: string, activityId: string): string {
  return `${instanceId}:${activityId}`;
}

const ballotIdOf = (nonce: string) => createHash('sha256').update(nonce).digest('hex');

/**
 * The ballot box of anonymous votes. Ballots never pass through instance variables, task data or
 * history; only the tally leaves the box. Every step is a unique insert or an idempotent update,
 * so a cast interrupted by a crash finishes on retry without counting twice.
 */
export class BallotBox {
  private readonly receipts: Collection<ReceiptDoc>;
  private readonly ballots: Collection<BallotDoc>;
  private readonly tallies: Collection<TallyDoc>;

  constructor(
    connection: Connection,
    private readonly clock: Clock,
  ) {
    const db = connection.db;
    if (!db) throw new Error('BallotBox needs an open connection');
    this.receipts = db.collection<ReceiptDoc>('ballot_receipts');
    this.ballots = db.collection<BallotDoc>('ballots');
    this.tallies = db.collection<TallyDoc>('vote_tallies');
  }

  async ensureIndexes(): Promise<void> {
    await this.receipts.createIndex({ box: 1 });
    await this.ballots.createIndex({ box: 1, _id: 1 });
  }

  /** Casts the ballot of one task. Casting again for the same task keeps the first ballot. */
  async cast(task: BallotTask, marks: Record<string, unknown>): Promise<void> {
    const box = ballotBoxId(task.instanceId, task.activityId);
    if (await this.tallies.findOne({ _id: box }, { projection: { _id: 1 } }))
      throw new WorkflowKitError('CONFLICT', '测评已经截止，不能再投票');
    let nonce = randomBytes(24).toString('hex');
    try {
      await this.receipts.insertOne({
        _id: task.taskId,
        box,
        district: task.district,
        cast: false,
        nonce,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const receipt = await this.receipts.findOne({ _id: task.taskId });
      if (receipt?.cast) return;
      // settled as not cast when the vote closed
      if (!receipt?.nonce) throw new WorkflowKitError('CONFLICT', '测评已经截止，不能再投票');
      nonce = receipt.nonce; // an interrupted (or concurrent) cast: finish it under the same ballot id
    }
    try {
      await this.ballots.insertOne({ _id: ballotIdOf(nonce), box, district: task.district, marks });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await this.receipts.updateOne(
      { _id: task.taskId },
      { $set: { cast: true }, $unset: { nonce: '' } },
    );
  }

  async isCast(taskId: string): Promise<boolean> {
    return (
      (await this.receipts.findOne({ _id: taskId }, { projection: { cast: 1 } }))?.cast === true
    );
  }

  /** How many cast a ballot in the box (turnout is not secret; choices are). */
  async turnout(box: string): Promise<number> {
    return this.receipts.countDocuments({ box, cast: true });
  }

  /**
   * Closes the box and counts it, once: the first tally is stored under the box id and every later
   * call returns it, so a handler that runs again reports the same result.
   */
  async tally(
    box: string,
    district: string,
    count: (ballots: Record<string, unknown>[]) => TallyResult,
  ): Promise<TallyResult> {
    const existing = await this.tallies.findOne({ _id: box });
    if (existing) return existing.result;
    await this.settleInterruptedCasts(box);
    // sorted by the random id: the order says nothing about who cast first
    const ballots = await this.ballots.find({ box }).sort({ _id: 1 }).toArray();
    const result = count(ballots.map((b) => b.marks));
    try {
      await this.tallies.insertOne({ _id: box, district, result, talliedAt: this.clock.now() });
      return result;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await this.tallies.findOne({ _id: box }))!.result;
    }
  }

  /** Receipts whose cast was interrupted: counted if their ballot made it in; the nonce goes either way. */
  private async settleInterruptedCasts(box: string): Promise<void> {
    for (const receipt of await this.receipts.find({ box, nonce: { $exists: true } }).toArray()) {
      const ballot = await this.ballots.findOne(
        { _id: ballotIdOf(receipt.nonce!) },
        { projection: { _id: 1 } },
      );
      await this.receipts.updateOne(
        { _id: receipt._id },
        { $set: { cast: ballot !== null }, $unset: { nonce: '' } },
      );
    }
  }
}
