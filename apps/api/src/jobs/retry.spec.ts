import { describeError, retryDelayMs } from './retry';

describe('retryDelayMs', () => {
  it('doubles the window with every attempt and stays within it', () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, () => 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, () => 0)).toBe(2000);
    expect(retryDelayMs(3, 1000, () => 1)).toBe(4000);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(60, 1000, () => 1, 10_000)).toBe(10_000);
  });
});

describe('describeError', () => {
  it('keeps the kind, code and message but masks e-mail addresses', () => {
    const error = Object.assign(new Error('550 mailbox <taro@example.jp> unavailable'), { code: 'EENVELOPE' });
    expect(describeError(error)).toBe('Error EENVELOPE: 550 mailbox <***@***> unavailable');
  });

  it('trims long messages', () => {
    expect(describeError(new Error('x'.repeat(1000)), 50)).toHaveLength(50);
  });
});
