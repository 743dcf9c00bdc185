import { CORRECTIONS } from './calibration.js';
import { addDays, fromDay, maxDate, toDay } from './calendar.js';
import { newGp, type LifeState } from './life-state.js';
import { addPartner } from './workforce.js';

/**
 * The corrections a register accumulates, recorded after the rest: a list size keyed wrongly (ten times too big) is
 * retracted and recorded again; a federation membership entered against the wrong practice is retracted; a partner
 * who joined months or years ago is recorded late (a retroactive event the decider places in effective order).
 */
export function recordLateCorrections(life: LifeState, endOfHistory: string): void {
  const { history, odsCode } = life;
  history.startLateCorrections();
  if (life.typo) {
    const { eventId, date, correct } = life.typo;
    const reason = `keying error: registered patients on ${date} entered ten times too high; recorded again as ${correct}`;
    if (history.record({ type: 'RetractEvent', odsCode, eventId, reason })) {
      history.record({ type: 'RecordListSize', odsCode, registeredPatients: correct, effectiveDate: date });
    }
  }
  if (life.mistakenFederation) {
    history.record({
      type: 'RetractEvent',
      odsCode,
      eventId: life.mistakenFederation,
      reason: 'federation membership recorded against the wrong practice',
    });
  }
  const end = life.profile.end < endOfHistory ? life.profile.end : endOfHistory;
  if (life.gpHeldFrom !== null && life.random.chance(CORRECTIONS.latePartnerJoin)) {
    const from = toDay(maxDate(addDays(life.gpHeldFrom, 1), addDays(end, -3 * 365)));
    const to = toDay(end) - 30;
    if (to > from) addPartner(life, fromDay(life.random.int(from, to)), newGp(life), 40);
  }
}
