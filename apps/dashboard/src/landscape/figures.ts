import { summaryList } from '../shared/dom.js';
import { count, percent } from '../shared/format.js';
import { bandLabel, type Summary } from '../shared/landscape-types.js';

/** The headline figures as an NHS.UK summary list; its terms are part of SPEC §10's contract. */
export function figuresList(summary: Summary): HTMLDListElement {
  const topBand = summary.providers.byPopulationBand.at(-1);
  return summaryList([
    ['Open practices', count(summary.practices.open)],
    ['Registered patients', count(summary.registeredPatients)],
    ['Partners', count(summary.gps.partners)],
    ['Salaried GPs', count(summary.gps.salaried)],
    ['Salaried share', percent(summary.gps.salariedShare)],
    ['Single-handed practices', count(summary.singleHanded)],
    ['Practices without partners', count(summary.withoutPartners)],
    ['Subcontracted to trusts', count(summary.subcontracted.total)],
    ['In a federation', count(summary.federations.practicesInFederation)],
    ['In a primary care network', `${count(summary.pcns.practicesInPcn)} practices in ${count(summary.pcns.pcns)} networks`],
    ['Providers', count(summary.providers.total)],
    ...(topBand ? [[`Providers serving ${bandLabel(topBand).replace(/^./, (c) => c.toLowerCase())}`, count(topBand.providers)] as const] : []),
  ]);
}
