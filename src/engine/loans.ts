// A loan, year by year: the one rule that both charges the game's debt each
// turn (the loan-repayment rule) and draws the schedule the player reads
// before choosing, so the two cannot disagree.
import { round2 } from './metrics.ts';
import type { LoanTerms, Option } from './schema.ts';

export interface LoanState {
  /** `<decision>.<option>` that took the loan. */
  option: string;
  principal: number;
  balance: number;
  annualRatePct: number;
  graceYears: number;
  tenorYears: number;
  yearsElapsed: number;
}

export interface LoanYear {
  interest: number;
  /** Principal repaid this year. */
  instalment: number;
  loan: LoanState;
}

/** One year of a loan: interest on the balance; after the grace period, an equal share of the principal. */
export function loanYear(loan: LoanState): LoanYear {
  const interest = (loan.balance * loan.annualRatePct) / 100;
  const yearsElapsed = loan.yearsElapsed + 1;
  const instalment = yearsElapsed > loan.graceYears ? Math.min(loan.balance, loan.principal / (loan.tenorYears - loan.graceYears)) : 0;
  return { interest, instalment, loan: { ...loan, yearsElapsed, balance: round2(loan.balance - instalment) } };
}

/** The vendor packages' total price: what a loan's share is taken of. */
export function packagePrice(options: readonly Option[]): number {
  return options.reduce((sum, o) => sum + (o.vendor?.priceUsdM ?? 0), 0);
}

/** A new loan on these terms for this package price (the drawdown the game records as debt). */
export function newLoan(option: string, terms: LoanTerms, price: number): LoanState {
  const principal = round2(terms.share * price);
  return {
    option,
    principal,
    balance: principal,
    annualRatePct: terms.annualRatePct,
    graceYears: terms.graceYears,
    tenorYears: terms.tenorYears,
    yearsElapsed: 0,
  };
}

export interface ScheduleRow {
  year: number;
  interest: number;
  principal: number;
  payment: number;
  balance: number;
}

/** The whole repayment schedule, by loanYear. */
export function repaymentSchedule(loan: LoanState): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  let current = loan;
  for (let year = 1; year <= loan.tenorYears && current.balance > 0; year++) {
    const step = loanYear(current);
    current = step.loan;
    rows.push({ year, interest: round2(step.interest), principal: round2(step.instalment), payment: round2(step.interest + step.instalment), balance: current.balance });
  }
  return rows;
}
