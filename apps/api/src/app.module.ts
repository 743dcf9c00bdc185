import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { LandscapeModule } from '#landscape';
import { PracticeWritesModule } from '#practices';
import { ProofModule } from '#proof';
import { RuntimeModule, type Runtime } from '#runtime';
import { FeedController } from './feed/feed.controller.js';
import { HealthController } from './health/health.controller.js';
import { loggerOptions } from './logging.js';

@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions()),
        RuntimeModule.forRuntime(runtime),
        TerminusModule,
        PracticeWritesModule,
        LandscapeModule,
        ProofModule,
      ],
      controllers: [FeedController, HealthController],
    };
  }
}
