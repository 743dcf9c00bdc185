import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from '#access';
import { LandscapeModule } from '#landscape';
import { PracticeWritesModule } from '#practices';
import { RuntimeModule, type Runtime } from '#runtime';
import { FeedController } from './feed/feed.controller.js';
import { HealthController } from './health/health.controller.js';
import { Readiness } from './health/readiness.js';
import { loggerOptions } from './logging.js';

@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions()),
        RuntimeModule.forRuntime(runtime),
        AccessModule,
        PracticeWritesModule,
        LandscapeModule,
      ],
      controllers: [FeedController, HealthController],
      providers: [Readiness],
    };
  }
}
