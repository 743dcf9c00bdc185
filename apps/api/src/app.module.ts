import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule, type AccessOptions } from '#access';
import { LandscapeModule } from '#landscape';
import { PracticeWritesModule } from '#practices';
import { ProofModule } from '#proof';
import { RuntimeModule, type Runtime } from '#runtime';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { FeedController } from './feed/feed.controller.js';
import { HealthController } from './health/health.controller.js';
import { Readiness } from './health/readiness.js';
import { loggerOptions } from './logging.js';

export interface AppOptions {
  readonly access?: AccessOptions;
  /** The built dashboard's folder (default dist/ui beside the compiled API). */
  readonly dashboardDir?: string;
}

@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions()),
        RuntimeModule.forRuntime(runtime),
        AccessModule.forRoot(options.access),
        PracticeWritesModule,
        LandscapeModule,
        DashboardModule.forFiles(options.dashboardDir),
        ProofModule,
      ],
      controllers: [FeedController, HealthController],
      providers: [Readiness],
    };
  }
}
