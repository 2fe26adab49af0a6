import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  catalogueEntryOf,
  eventCatalogue,
  eventEnvelopeSchema,
  eventMetadataSchema,
  JSON_SCHEMA_DIALECT,
  type EventCatalogueEntry,
} from '@switchboard/dialogs';
import { Public } from '../auth/public.decorator';
import { ProblemError } from '../errors/problem';
import { problems } from '../errors/problems';
import { asyncApiDocument } from './asyncapi.document';

// The contract holds no data of anyone, and downstream teams fetch it from CI and code
// generators without tokens: public, like /docs.
@Public()
@ApiTags('events')
@Controller('events')
export class EventCatalogueController {
  @Get('catalogue')
  @ApiOperation({ summary: 'Every event type with the JSON Schema (2020-12) of every version, the metadata and the envelope' })
  catalogue() {
    return {
      jsonSchemaDialect: JSON_SCHEMA_DIALECT,
      versioning: 'Readers always get the current version of each type; additive changes keep the version, breaking ones bump it and ship an upcaster.',
      metadata: eventMetadataSchema,
      envelope: eventEnvelopeSchema,
      events: eventCatalogue,
    };
  }

  @Get('catalogue/:type')
  @ApiOperation({ summary: 'One event type; `version` narrows it to that version' })
  entry(@Param('type') type: string, @Query('version') version?: string): EventCatalogueEntry {
    const entry = catalogueEntryOf(type);
    if (!entry) throw new ProblemError(404, 'event_type_not_found', `No event type ${type}; GET /events/catalogue lists them`);
    if (version === undefined) return entry;
    const wanted = entry.versions.find((v) => String(v.version) === version);
    if (!wanted) throw problems.invalidField('version', `${type} has versions 1 to ${entry.currentVersion}`);
    return { ...entry, versions: [wanted] };
  }

  @Get('asyncapi')
  @ApiOperation({ summary: 'AsyncAPI 3.0 description of the log, GET /events and webhook deliveries (JSON)' })
  asyncapi() {
    return asyncApiDocument();
  }
}
