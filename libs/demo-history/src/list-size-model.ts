import { yearsBetween } from './calendar.js';

export interface PatientTransfer {
  readonly date: string;
  readonly patients: number;
}

/**
 * A practice's registered population without observation noise: its own trend from where the history starts,
 * plus the patients it took on from practices that merged into it or closed nearby (who then follow its trend).
 */
export class ListSizeModel {
  private readonly transfers: PatientTransfer[] = [];

  constructor(
    private readonly start: string,
    private readonly base: number,
    private readonly growth: number,
  ) {}

  receive(transfer: PatientTransfer): void {
    this.transfers.push(transfer);
  }

  expectedOn(date: string): number {
    let patients = this.base * (1 + this.growth) ** Math.max(0, yearsBetween(this.start, date));
    for (const transfer of this.transfers) {
      if (transfer.date <= date) patients += transfer.patients * (1 + this.growth) ** yearsBetween(transfer.date, date);
    }
    return Math.max(0, Math.round(patients));
  }
}
