import { bandLabel, type TrendPoint } from '../shared/landscape-types.js';
import type { ChartSpec, Series } from './chart.js';

const CONTRACT_TYPES = ['GMS', 'PMS', 'APMS', 'PCTMS', 'none'];
/** Trusts beyond this many are drawn together, so the colours stay tellable apart. */
const MAX_TRUSTS = 6;

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** The charts of SPEC §10 / issue 16, each from the trend's points. */
export function chartSpecs(points: readonly TrendPoint[]): ChartSpec[] {
  return [
    {
      id: 'contracts',
      title: 'Open practices by contract type',
      description: 'Open practices on each date, stacked by the type of their contract (GMS, PMS, APMS, PCTMS).',
      kind: 'stacked-area',
      series: CONTRACT_TYPES.filter((type) => points.some((p) => (p.byContractType[type] ?? 0) > 0)).map((type) => ({
        label: type === 'none' ? 'No contract' : type,
        value: (p) => p.byContractType[type] ?? 0,
      })),
    },
    {
      id: 'gps',
      title: 'Partners and salaried GPs',
      description: 'GP partners and salaried GPs in open practices on each date.',
      kind: 'line',
      series: [
        { label: 'Partners', value: (p) => p.gps.partners },
        { label: 'Salaried GPs', value: (p) => p.gps.salaried },
      ],
    },
    {
      id: 'salaried-share',
      title: 'Salaried share',
      description: 'Salaried GPs as a share of all GPs (partners and salaried) on each date.',
      kind: 'line',
      percent: true,
      series: [{ label: 'Salaried share', value: (p) => p.gps.salariedShare }],
    },
    {
      id: 'trusts',
      title: 'Practices subcontracted to trusts, by trust',
      description: 'Practices whose GMS or PMS contract is subcontracted to an NHS trust ("vertical integration"), stacked by trust.',
      kind: 'stacked-area',
      series: trustSeries(points),
    },
    {
      id: 'coverage',
      title: 'Federation and PCN coverage',
      description: 'The share of open practices that are in a GP federation, and in a primary care network, on each date.',
      kind: 'line',
      percent: true,
      series: [
        { label: 'In a federation', value: (p) => share(p.federations.practicesInFederation, p.practices.open) },
        { label: 'In a PCN', value: (p) => share(p.pcns.practicesInPcn, p.practices.open) },
      ],
    },
    {
      id: 'providers',
      title: 'Providers by population band',
      description: 'Providers (the contract holder, or the trust when subcontracted) by the registered patients of their open practices.',
      kind: 'line',
      series: (points[0]?.providers.byPopulationBand ?? []).map((band, index) => ({
        label: bandLabel(band),
        value: (p) => p.providers.byPopulationBand[index]?.providers ?? 0,
      })),
    },
    {
      id: 'partnerless',
      title: 'Single-handed practices and practices without partners',
      description: 'Practices held by one partner alone, and practices left with no partner (a contract at risk).',
      kind: 'line',
      series: [
        { label: 'Single-handed', value: (p) => p.singleHanded },
        { label: 'Without partners', value: (p) => p.withoutPartners },
      ],
    },
  ];
}

function trustSeries(points: readonly TrendPoint[]): Series[] {
  const peak = new Map<string, number>();
  for (const p of points) for (const [trust, n] of Object.entries(p.subcontracted.byTrust)) peak.set(trust, Math.max(peak.get(trust) ?? 0, n));
  const ranked = [...peak.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([trust]) => trust);
  const named = ranked.slice(0, MAX_TRUSTS);
  const series: Series[] = named.map((trust) => ({ label: trust, value: (p) => p.subcontracted.byTrust[trust] ?? 0 }));
  if (ranked.length > MAX_TRUSTS) {
    series.push({
      label: 'Other trusts',
      value: (p) => p.subcontracted.total - named.reduce((sum, trust) => sum + (p.subcontracted.byTrust[trust] ?? 0), 0),
    });
  }
  return series.length > 0 ? series : [{ label: 'All trusts', value: (p) => p.subcontracted.total }];
}
