import { PublicRoute } from '#access';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ProjectionStatus } from '#landscape';

/** Projections this far behind the log still count as ready; beyond it, reads would be visibly stale. */
const MAX_READY_LAG_EVENTS = 10_000;

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(ProjectionStatus) private readonly projections: ProjectionStatus,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: the database answers and the projections keep up with the log' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2_000 }),
      async () => {
        const indicator = this.indicators.check('projections');
        const lag = await this.projections.lag();
        return lag.events <= MAX_READY_LAG_EVENTS ? indicator.up(lag) : indicator.down(lag);
      },
    ]);
  }
}
