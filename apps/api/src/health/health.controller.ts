import { PublicRoute } from '#access';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Readiness, type ReadinessReport } from './readiness.js';

const NOT_READY_RETRY_AFTER_SECONDS = 5;

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /** Readiness: for load balancers and for jobs that wait before reading. Never throws past its report. */
  @Get()
  @ApiOperation({ summary: 'Readiness: the database (and read replica) answer and the projections have caught up with the log since start' })
  @ApiOkResponse({ description: '{status: "ok", database, projections, replica?} (replica with READ_DATABASE_URL: its lag)' })
  @ApiResponse({
    status: 503,
    description: 'not ready (problem+json with the same report): database or replica down, or projections catching-up or behind',
  })
  async check() {
    const { ready, database, projections, replica } = await this.readiness.report();
    if (ready) return { status: 'ok', database, projections, ...(replica ? { replica } : {}) };
    throw new ServiceUnavailableException({
      title: 'Not ready',
      detail: notReadyDetail({ database, projections, replica }),
      code: 'NOT_READY',
      retryAfter: NOT_READY_RETRY_AFTER_SECONDS,
      database,
      projections,
      ...(replica ? { replica } : {}),
    });
  }

  /** Liveness: the process answers HTTP. Touches nothing else, so a database outage never gets the API restarted. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up and answering (no database access)' })
  @ApiOkResponse({ description: '{status: "ok"}' })
  live() {
    return { status: 'ok' };
  }
}

function notReadyDetail({ database, projections, replica }: Omit<ReadinessReport, 'ready'>): string {
  if (database.status !== 'up') return `database ${database.reason}`;
  if (replica?.status === 'down') return `read replica ${replica.reason}`;
  return `projections ${projections.status}`;
}
