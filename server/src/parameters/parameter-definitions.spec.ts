import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../common/repo-paths';
import {
  checkValue,
  loadParameterDefinitions,
  type ParameterDefinition,
} from './parameter-definitions';

describe('district parameters', () => {
  const definitions = loadParameterDefinitions();
  const byKey = (key: string) => definitions.find((d) => d.key === key) as ParameterDefinition;

  it('documents every parameter in processes/parameters.md', () => {
    const doc = readFileSync(join(repoRoot(), 'processes', 'parameters.md'), 'utf8');
    for (const definition of definitions)
      expect(doc).toMatch(new RegExp(`^\\|\\s*\`${definition.key}\`\\s*\\|`, 'm'));
  });

  it('has the defaults the domain document names', () => {
    expect(byKey('replyDeadline').default).toBe('P3M');
    expect(byKey('replyDeadlineExtended').default).toBe('P6M');
    expect(byKey('returnWindow').default).toBe('P7WD');
    expect(byKey('coHandlingInputDeadline').default).toBe('P1M');
    expect(byKey('rehandlingDeadline').default).toBe('P1M');
    expect((byKey('replyCodes').default as { code: string }[]).map((c) => c.code)).toEqual([
      'A',
      'B',
      'C',
    ]);
  });

  it.each([
    ['replyDeadline', 'P3M', true],
    ['replyDeadline', 'P7WD', true],
    ['replyDeadline', 'PT36H', true],
    ['replyDeadline', 'P', false],
    ['replyDeadline', '3 months', false],
    ['reminderLeadTimes', ['P15D', 'P3D'], true],
    ['reminderLeadTimes', ['P15D', 'soon'], false],
    ['maxRectificationRounds', 3, true],
    ['maxRectificationRounds', 0, false],
    ['maxRectificationRounds', 2.5, false],
    ['satisfactionPassRule', 'satisfied>half', true],
    ['satisfactionPassRule', 'twoThirds', false],
    ['fourPartyReviewWhen', ['keyItem', 'always'], true],
    ['fourPartyReviewWhen', ['keyItem', 'sometimes'], false],
    ['deputyContactRequired', false, true],
    ['deputyContactRequired', 'yes', false],
    ['issuingOrgan', '某区人大常委会', true],
    ['issuingOrgan', ' ', false],
    ['replyCodes', [{ code: 'A', label: '已解决', explanationRequired: false }], true],
    [
      'replyCodes',
      [
        { code: 'A', label: '甲', explanationRequired: false },
        { code: 'A', label: '乙', explanationRequired: true },
      ],
      false,
    ],
    ['replyCodes', [], false],
    ['appraisalDimensions', [{ key: 'law', label: '依法行政' }], true],
    ['appraisalDimensions', [{ key: '1law', label: '依法行政' }], false],
  ])('%s = %j is %s', (key, value, ok) => {
    expect(checkValue(byKey(key), value).length === 0).toBe(ok);
  });
});
