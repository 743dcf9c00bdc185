import { RequiresRole } from '#access';
import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { decodeCursor, encodeCursor, EventStore, toEventView } from '#event-store';
import { CursorSigner, OptionalPageLimit } from '#platform';

export class FeedParams {
  @IsOptional()
  @IsString()
  @ApiPropertyOptional({ description: 'opaque cursor from a previous page (nextCursor); omit to start at the beginning' })
  after?: string;

  @OptionalPageLimit(1000, 100)
  limit?: number;

  @IsOptional()
  @IsString()
  @ApiPropertyOptional({ description: 'accepted for symmetry; the feed reads the log itself' })
  minPosition?: string;
}

/**
 * The change feed for reporting jobs: every event in commit order. A page only ever contains events from transactions
 * older than every transaction still running, so resuming from nextCursor never skips an event that commits late.
 */
@ApiTags('feed')
@RequiresRole('auditor')
@Controller('feed')
export class FeedController {
  constructor(
    private readonly store: EventStore,
    private readonly signer: CursorSigner,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Events in commit order with a resumable cursor' })
  @ApiOkResponse({ description: '{events[], nextCursor, hasMore}' })
  @ApiResponse({ status: 400, description: 'invalid cursor or limit (problem+json)' })
  async read(@Query() params: FeedParams) {
    const signed = params.after === undefined ? null : this.signer.verify(params.after);
    const after = signed === null ? null : decodeCursor(signed);
    if (params.after !== undefined && after === null) {
      throw new BadRequestException({
        title: 'Invalid cursor',
        detail: 'after must be a nextCursor returned by this feed',
        code: 'INVALID_CURSOR',
        errors: [{ field: 'after', message: 'not a cursor issued by this service' }],
      });
    }
    const page = await this.store.readAll(after, params.limit ?? 100);
    return {
      events: page.events.map(toEventView),
      nextCursor: page.cursor ? this.signer.sign(encodeCursor(page.cursor)) : (params.after ?? null),
      hasMore: page.hasMore,
    };
  }
}
