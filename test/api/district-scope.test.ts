import { collectionOf } from '../../server/src/common/database/collections';
import {
  type DistrictRecord,
  DistrictScopedCollection,
  DistrictScopeError,
} from '../../server/src/common/database/district-scoped-collection';
import { Database } from '../../server/src/database/database';
import { openTestDatabase, type TestDatabase } from '../support/test-database';

interface NoteDoc extends DistrictRecord {
  text: string;
}

let db: TestDatabase;
let notes: DistrictScopedCollection<NoteDoc>;

beforeAll(async () => {
  db = await openTestDatabase('scope');
  notes = new DistrictScopedCollection(
    collectionOf<NoteDoc>(new Database(db.connection, 'ferretdb', '', db.uri), 'notes'),
  );
  await notes.in('a').insertOne({ _id: 'n-a', text: 'A 区的记录' });
  await notes.in('b').insertOne({ _id: 'n-b', text: 'B 区的记录' });
});
afterAll(async () => {
  await db.dispose();
});

describe('DistrictScopedCollection', () => {
  it('stamps the district on inserts and reads only that district', async () => {
    expect(await notes.collection.findOne({ _id: 'n-a' })).toEqual({
      _id: 'n-a',
      text: 'A 区的记录',
      district: 'a',
    });
    expect(await notes.in('a').findById('n-b')).toBeNull();
    expect(await notes.in('b').findById('n-b')).toMatchObject({ text: 'B 区的记录' });
    expect(
      await notes
        .in('a')
        .find({ $or: [{ _id: 'n-a' }, { _id: 'n-b' }] })
        .toArray(),
    ).toHaveLength(1);
  });

  it('cannot update or delete another district’s record', async () => {
    expect(await notes.in('a').updateOne({ _id: 'n-b' }, { $set: { text: '改' } })).toEqual({
      matched: 0,
    });
    expect(await notes.in('a').deleteMany({})).toEqual({ deleted: 1 });
    expect(await notes.in('b').findById('n-b')).toMatchObject({ text: 'B 区的记录' });
  });

  it('throws on a missing district, a filter naming another, and a change of district', async () => {
    expect(() => notes.in('')).toThrow(DistrictScopeError);
    expect(() => notes.in(undefined as unknown as string)).toThrow(DistrictScopeError);
    expect(() => notes.in('a').scope({ district: 'b' })).toThrow(DistrictScopeError);
    await expect(notes.in('a').insertOne({ _id: 'x', text: '', district: 'b' })).rejects.toThrow(
      DistrictScopeError,
    );
    await expect(
      notes.in('b').updateOne({ _id: 'n-b' }, { $set: { district: 'a' } }),
    ).rejects.toThrow(DistrictScopeError);
    await expect(
      notes.in('b').updateOne({ _id: 'n-b' }, { $rename: { text: 'district' } }),
    ).rejects.toThrow(DistrictScopeError);
    await expect(
      notes.in('b').updateOne({ _id: 'n-b' }, { text: 'replaced' } as never),
    ).rejects.toThrow(DistrictScopeError);
  });
});
