import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { ApiModule } from '../../api/src/api.module';
import { ProjectorModule } from '../../projector/src/projector.module';

/** API and projector in one process: what `npm start` runs, and what the e2e tests boot. */
@Module({ imports: [PlatformModule.forRoot({ migrations: allMigrations }), ApiModule, ProjectorModule] })
export class AllInOneModule {}
