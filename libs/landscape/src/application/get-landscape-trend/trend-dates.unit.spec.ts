import { trendDates } from './trend-dates.js';

describe('trend dates', () => {
  it('given a quarter, when listed, then from and every third month after it up to and including to', () => {
    expect(trendDates('2016-04-01', '2017-04-01', 'quarter')).toEqual(['2016-04-01', '2016-07-01', '2016-10-01', '2017-01-01', '2017-04-01']);
  });

  it('given the end of a month, when listed monthly, then each date is clamped to its month without drifting', () => {
    expect(trendDates('2016-01-31', '2016-05-30', 'month')).toEqual(['2016-01-31', '2016-02-29', '2016-03-31', '2016-04-30']);
    expect(trendDates('2016-02-29', '2021-01-01', 'year')).toEqual(['2016-02-29', '2017-02-28', '2018-02-28', '2019-02-28', '2020-02-29']);
  });

  it('given from equal to to, when listed, then one date', () => {
    expect(trendDates('2020-12-31', '2020-12-31', 'year')).toEqual(['2020-12-31']);
  });

  it('given more dates than the maximum, when listed, then null', () => {
    expect(trendDates('2000-01-01', '2033-04-01', 'month')).toHaveLength(400);
    expect(trendDates('2000-01-01', '2033-05-01', 'month')).toBeNull();
    expect(trendDates('1900-01-01', '2199-12-31', 'month', 3)).toBeNull();
  });
});
