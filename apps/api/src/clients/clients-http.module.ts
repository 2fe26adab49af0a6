import { Module } from '@nestjs/common';
import { EventStoreModule } from '@switchboard/event-store';
import { DialogsOfClientHandler } from '@switchboard/read-models/queries';
import { READ_DATABASE, readDatabaseProvider } from '../queries/read-database.provider';
import type { ReadDatabase } from '@switchboard/read-models/queries';
import { WebhooksHttpModule } from '../webhooks/webhooks-http.module';
import { ClientErasureController } from './client-erasure.controller';

/** What is done with a client's personal data over HTTP: its erasure. */
@Module({
  imports: [EventStoreModule, WebhooksHttpModule],
  controllers: [ClientErasureController],
  providers: [
    readDatabaseProvider,
    { provide: DialogsOfClientHandler, inject: [READ_DATABASE], useFactory: (db: ReadDatabase) => new DialogsOfClientHandler(db) },
  ],
})
export class ClientsHttpModule {}
