import { Module } from '@nestjs/common';
import { EventCatalogueController } from './event-catalogue.controller';

/** The published contract of the events: JSON Schemas and AsyncAPI, from the domain's catalogue. */
@Module({ controllers: [EventCatalogueController] })
export class EventCatalogueHttpModule {}
