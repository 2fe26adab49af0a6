import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { decodePositionCursor, encodePositionCursor, PAGE_LIMITS, pageOf, type Page } from '@switchboard/read-models/queries';
import {
  DeadLetterRedelivery,
  DeadLetters,
  DeliveryLog,
  SubscriptionStore,
  type DeadLetter,
  type DeliveryView,
  type RedeliverAllResult,
  type RedeliveryResult,
  type WebhookSubscription,
} from '@switchboard/webhooks';
import { ProblemError } from '../errors/problem';
import { ProblemDto } from '../errors/problem.dto';
import { QueryController } from '../queries/query-controller.decorator';
import { EmptyBodyDto } from '../validation/empty-body.dto';
import { DeadLetterParams, WebhookParams } from './dto/webhook-params.dto';
import { WebhookPageQueryDto } from './dto/webhook-page-query.dto';
import { webhookNotFound } from './webhook-not-found';

type DeadLetterView = Omit<DeadLetter, 'body'> & { event: Record<string, unknown> };

/** What a subscription's deliveries came to: every attempt, the dead letters, and sending those again. */
@QueryController('webhooks', 'webhooks')
export class WebhookDeliveriesController {
  constructor(
    private readonly subscriptions: SubscriptionStore,
    private readonly log: DeliveryLog,
    private readonly deadLetters: DeadLetters,
    private readonly redelivery: DeadLetterRedelivery,
  ) {}

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Every attempt, newest first: time, status code or error, duration, worker or redelivery' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such webhook' })
  async deliveries(@Param() { id }: WebhookParams, @Query() query: WebhookPageQueryDto): Promise<Page<DeliveryView>> {
    await this.subscription(id);
    return keysetPage(
      query,
      (limit, after) => this.log.page(id, limit, after),
      (row) => row,
      (row) => row.id,
    );
  }

  @Get(':id/dead-letters')
  @ApiOperation({ summary: 'The events given up on, in log order, with the body that was sent and the last failure' })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such webhook' })
  async listDeadLetters(@Param() { id }: WebhookParams, @Query() query: WebhookPageQueryDto): Promise<Page<DeadLetterView>> {
    await this.subscription(id);
    // The body as the receiver got it, as JSON rather than a string of it.
    const toView = ({ body, ...letter }: DeadLetter): DeadLetterView => ({ ...letter, event: JSON.parse(body) as Record<string, unknown> });
    return keysetPage(
      query,
      (limit, after) => this.deadLetters.page(id, limit, after),
      toView,
      (row) => row.position,
    );
  }

  @Post(':id/dead-letters/redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the dead letters again now, in log order, up to 100, stopping at the first failure; delivered ones are removed' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such webhook' })
  async redeliverAll(@Param() { id }: WebhookParams, @Body() _body: EmptyBodyDto): Promise<RedeliverAllResult> {
    return this.redelivery.redeliverAll(await this.subscription(id));
  }

  @Post(':id/dead-letters/:eventId/redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send one dead letter again now, signed anew; removed if the receiver answers 2xx' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such webhook, or no such dead letter' })
  async redeliverOne(@Param() { id, eventId }: DeadLetterParams, @Body() _body: EmptyBodyDto): Promise<RedeliveryResult> {
    const subscription = await this.subscription(id);
    const letter = await this.deadLetters.find(id, eventId);
    if (!letter) throw new ProblemError(404, 'dead_letter_not_found', `Webhook ${id} has no dead letter for event ${eventId}`);
    return this.redelivery.redeliverOne(subscription, letter);
  }

  private async subscription(id: string): Promise<WebhookSubscription> {
    const subscription = await this.subscriptions.find(id);
    if (!subscription) throw webhookNotFound(id);
    return subscription;
  }
}

/** One page by a bigint key; one row more than asked is fetched to know whether another follows. */
async function keysetPage<Row, Item>(
  query: WebhookPageQueryDto,
  fetch: (limit: number, after: string | undefined) => Promise<Row[]>,
  toItem: (row: Row) => Item,
  keyOf: (row: Row) => string,
): Promise<Page<Item>> {
  const limit = query.limit ?? PAGE_LIMITS.default;
  const rows = await fetch(limit + 1, query.cursor && decodePositionCursor(query.cursor));
  return pageOf(rows, limit, toItem, (row) => encodePositionCursor(keyOf(row)));
}
