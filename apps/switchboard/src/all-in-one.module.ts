import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { ApiModule } from '@switchboard/api/api.module';
import { ProjectorModule } from '@switchboard/projector/projector.module';

/** API and projector in one process: what `npm start` runs, and what the e2e tests boot. */
@Module({ imports: [PlatformModule.forRoot({ migrations: allMigrations }), ApiModule, ProjectorModule] })
export class AllInOneModule {}
