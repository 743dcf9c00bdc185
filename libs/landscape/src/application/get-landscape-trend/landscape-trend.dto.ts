import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateBy, type ValidationArguments } from 'class-validator';
import { IsCalendarDate, isCalendarDate } from '#platform';
import { GpsDoc, PracticeCountsDoc, ProvidersDoc, SubcontractedDoc } from '../get-landscape-summary/landscape-summary.dto.js';
import { DEFAULT_BANDS, IsBandBounds } from '../get-landscape-summary/population-bands.js';
import { OptionalCommissioners } from '../shared/commissioner-filter.js';
import { KnownAtParams } from '../shared/read-params.dto.js';
import { MAX_TREND_POINTS, TREND_INTERVALS, trendDates, type TrendInterval } from './trend-dates.js';

export const DEFAULT_INTERVAL: TrendInterval = 'month';

/** `to` is checked against `from` and `every` once each is valid on its own (their own errors name them). */
const IsTrendEnd = () =>
  ValidateBy({
    name: 'isTrendEnd',
    validator: {
      validate: (to: unknown, { object }: ValidationArguments) => {
        const { from, every = DEFAULT_INTERVAL } = object as LandscapeTrendParams;
        if (!isCalendarDate(to) || !isCalendarDate(from) || !(TREND_INTERVALS as readonly unknown[]).includes(every)) return true;
        return to >= from && trendDates(from, to, every) !== null;
      },
      defaultMessage: ({ object }: ValidationArguments) => {
        const { from, to } = object as LandscapeTrendParams;
        return to < from
          ? '$property must not be before from'
          : `$property must be less than ${MAX_TREND_POINTS} intervals after from (at most ${MAX_TREND_POINTS} dates)`;
      },
    },
  });

export class LandscapeTrendParams extends KnownAtParams {
  @IsCalendarDate()
  @ApiProperty({ type: String, format: 'date', example: '2016-04-01', description: 'the first date of the trend' })
  from!: string;

  @IsCalendarDate()
  @IsTrendEnd()
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2024-04-01',
    description: `the last date is the last one not after this; at most ${MAX_TREND_POINTS} dates`,
  })
  to!: string;

  @IsOptional()
  @IsIn(TREND_INTERVALS)
  @ApiPropertyOptional({
    enum: TREND_INTERVALS,
    default: DEFAULT_INTERVAL,
    description: 'dates are from, then from plus one interval, two, … (day clamped to the month)',
  })
  every?: TrendInterval;

  @OptionalCommissioners()
  commissioner?: string[];

  @IsOptional()
  @IsBandBounds()
  @ApiPropertyOptional({ default: DEFAULT_BANDS, example: DEFAULT_BANDS, description: 'provider population band bounds, as for the summary' })
  bands?: string;
}

class FederationCountDoc {
  @ApiProperty() practicesInFederation!: number;
}
class PcnCountDoc {
  @ApiProperty() practicesInPcn!: number;
}

/** A trend point: the summary's figures on one date, as known at the trend's knownAt. */
class TrendPointDoc {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: PracticeCountsDoc }) practices!: PracticeCountsDoc;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'open practices by contract type ("none" without one)' })
  byContractType!: Record<string, number>;
  @ApiProperty({ type: GpsDoc }) gps!: GpsDoc;
  @ApiProperty({ type: SubcontractedDoc }) subcontracted!: SubcontractedDoc;
  @ApiProperty({ type: FederationCountDoc }) federations!: FederationCountDoc;
  @ApiProperty({ type: PcnCountDoc }) pcns!: PcnCountDoc;
  @ApiProperty() singleHanded!: number;
  @ApiProperty() withoutPartners!: number;
  @ApiProperty() registeredPatients!: number;
  @ApiProperty({ type: ProvidersDoc }) providers!: ProvidersDoc;
}

export class LandscapeTrendDoc {
  @ApiProperty({ format: 'date-time', description: 'the knownAt actually used for every point (clamped to the stable horizon)' }) knownAt!: string;
  @ApiProperty({ enum: TREND_INTERVALS }) every!: string;
  @ApiProperty({ type: [TrendPointDoc] }) points!: TrendPointDoc[];
}
