// The repayment schedule of a loan, year by year, by the same rule the
// machine applies each turn (see turnBegun in compile.ts): interest on the
// balance every year; after the grace period, equal principal instalments.
import { round2 } from './metrics.ts';

export interface ScheduleRow {
  year: number;
  interest: number;
  principal: number;
  payment: number;
  balance: number;
}

export function repaymentSchedule(principal: number, annualRatePct: number, graceYears: number, tenorYears: number): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  let balance = principal;
  const instalment = principal / Math.max(1, tenorYears - graceYears);
  for (let year = 1; year <= tenorYears && balance > 0; year++) {
    const interest = (balance * annualRatePct) / 100;
    const repaid = year > graceYears ? Math.min(balance, instalment) : 0;
    balance = round2(balance - repaid);
    rows.push({ year, interest: round2(interest), principal: round2(repaid), payment: round2(interest + repaid), balance });
  }
  return rows;
}
