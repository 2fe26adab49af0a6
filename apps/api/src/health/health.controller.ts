import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';
import { Public } from '../auth/public.decorator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

type Check = 'up' | 'down';

// Load balancers probe it without credentials.
@Public()
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly readDatabase: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Event store and read database reachability; 503 when either is down' })
  async health(@Res({ passthrough: true }) response: Response): Promise<{ status: string; checks: Record<string, Check> }> {
    const [eventStore, readDatabase] = await Promise.all([probe(() => this.eventStore.ping()), probe(() => this.readDatabase.query('SELECT 1'))]);
    const healthy = eventStore === 'up' && readDatabase === 'up';
    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'unavailable', checks: { eventStore, readDatabase } };
  }
}

async function probe(check: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
