import { DEFAULT_DUE_SOON_MS, dueSoonWindowMs } from './due-window';

const DAY = 86_400_000;

describe('dueSoonWindowMs', () => {
  it('takes the shortest reminder lead time of the district', () => {
    expect(dueSoonWindowMs({ reminderLeadTimes: ['P15D', 'P3D'] })).toBe(3 * DAY);
    expect(dueSoonWindowMs({ reminderLeadTimes: ['P1W', 'PT12H'] })).toBe(DAY / 2);
  });

  it('falls back to three days when nothing readable is configured', () => {
    expect(dueSoonWindowMs({})).toBe(DEFAULT_DUE_SOON_MS);
    expect(dueSoonWindowMs({ reminderLeadTimes: ['P3WD', 'P', 'PT', 'soon', 5] })).toBe(
      DEFAULT_DUE_SOON_MS,
    );
    expect(DEFAULT_DUE_SOON_MS).toBe(3 * DAY);
  });
});
