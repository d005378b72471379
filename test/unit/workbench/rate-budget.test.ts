import { describe, expect, it } from 'vitest';
import { budgetKey, RateBudget } from '../../../main/core/workbench/rate-budget';
import { budgetWait, retryAfterWait, seconds } from '../../../main/core/workbench/run-words';

describe('RateBudget', () => {
  const key = budgetKey('CLIENT', 'org');

  it('lets reads go until the minute is full, then until the oldest leaves it', () => {
    const budget = new RateBudget();
    for (let i = 0; i < 3; i++) {
      expect(budget.delay(key, 3, 1000 * i)).toBe(0);
      budget.take(key, 1000 * i);
    }
    expect(budget.delay(key, 3, 5000)).toBe(55_000);
    expect(budget.delay(key, 3, 59_000)).toBe(1000);
    expect(budget.delay(key, 3, 60_000)).toBe(0);
    expect(budget.delay(budgetKey('CLIENT', 'other'), 3, 5000)).toBe(0);
    expect(budget.delay(budgetKey('OTHER CLIENT', 'org'), 3, 5000)).toBe(0);
  });

  it('a lower budget than the reads already sent waits for enough of them to leave', () => {
    const budget = new RateBudget();
    [0, 10, 20, 30].forEach((t) => budget.take(key, t));
    expect(budget.delay(key, 2, 100)).toBe(60_020 - 100);
  });

  it("a 429's block holds the key until then, apart from the budget", () => {
    const budget = new RateBudget();
    budget.block(key, 30_000);
    expect(budget.blockedFor(key, 10_000)).toBe(20_000);
    expect(budget.blockedFor(key, 30_000)).toBe(0);
    expect(budget.delay(key, 100, 10_000)).toBe(0);
  });
});

describe('wait words', () => {
  it('read as people say them', () => {
    expect(seconds(11_200)).toBe('12 s');
    expect(seconds(65_000)).toBe('1 min 5 s');
    expect(budgetWait(12_000, 100, 'Northwind Traders Ltd')).toBe(
      'Waiting 12 s: 100 reads a minute is the budget for Northwind Traders Ltd.',
    );
    expect(retryAfterWait(30_000, 4)).toMatch(/HTTP 429.*page 4 is read again/);
  });
});
