import { Module, type DynamicModule } from '@nestjs/common';
import { LandscapeProjectionModule } from '#landscape';
import { NotaryModule } from '#proof';
import { RuntimeModule, type Runtime } from '#runtime';

/** The projector on its own: the runtime's database and event store, and the landscape projection. No HTTP. */
@Module({})
export class ProjectorAppModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [RuntimeModule.forRuntime(runtime), LandscapeProjectionModule, NotaryModule],
    };
  }
}
