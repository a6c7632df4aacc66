import { formatKey, parsePattern, patternProblems } from './business-key-pattern';

describe('business-key patterns', () => {
  const beijing = 480;

  it('prints the local date fields and the padded number', () => {
    const pattern = parsePattern('JY-{yyyy}-{seq:4}');
    // 2026-12-31 17:00 UTC is already 1 January 2027 in Beijing
    const at = new Date('2026-12-31T17:00:00Z');
    expect(formatKey(pattern, at, beijing, 7)).toBe('JY-2027-0007');
    expect(formatKey(pattern, at, 0, 7)).toBe('JY-2026-0007');
    expect(formatKey(pattern, at, beijing)).toBe('JY-2027-{seq}');
  });

  it('takes two-digit years, months, days and numbers wider than their padding', () => {
    const pattern = parsePattern('询{yy}{MM}{dd}〔{seq:2}〕');
    expect(formatKey(pattern, new Date('2026-03-02T01:00:00Z'), beijing, 123)).toBe(
      '询260302〔123〕',
    );
  });

  it.each([
    ['JY-{yyyy}', 'exactly one {seq}'],
    ['{seq}-{seq}', 'exactly one {seq}'],
    ['JY-{year}-{seq}', '{year} is not a field'],
    ['JY-{seq:0}', 'width is 1 to 10'],
    ['JY {seq}', 'letters, digits'],
    ['JY-{seq', 'unbalanced brace'],
    [`${'X'.repeat(61)}{seq}`, 'at most 60'],
  ])('refuses %s', (pattern, message) => {
    expect(patternProblems(pattern).join('\n')).toContain(message);
    expect(() => parsePattern(pattern)).toThrow(message);
  });
});
