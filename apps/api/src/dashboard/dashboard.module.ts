import { Module, type DynamicModule } from '@nestjs/common';
import { fileURLToPath } from 'node:url';
import { DASHBOARD_FILES, DashboardController } from './dashboard.controller.js';
import { loadDashboardFiles } from './dashboard-files.js';

/** From dist/apps/api/src/dashboard/ up to dist/, where `npm run build` puts the dashboard in ui/. */
const BUILT_DASHBOARD = fileURLToPath(new URL('../../../../ui/', import.meta.url));

/** Serves the dashboard built from apps/dashboard (`npm run build`). */
@Module({})
export class DashboardModule {
  static forFiles(dir: string = process.env.DASHBOARD_DIR ?? BUILT_DASHBOARD): DynamicModule {
    return {
      module: DashboardModule,
      controllers: [DashboardController],
      providers: [{ provide: DASHBOARD_FILES, useFactory: () => loadDashboardFiles(dir) }],
    };
  }
}
