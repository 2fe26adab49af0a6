import { Body, Delete, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '@switchboard/dialogs';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import {
  DeadLetters,
  registerWebhook,
  StartBeyondHeadError,
  SubscriptionStore,
  WEBHOOKS_CONFIG,
  webhookViewOf,
  type StartingPoint,
  type SubscriptionStatus,
  type WebhooksConfig,
  type WebhookView,
} from '@switchboard/webhooks';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { problems } from '../errors/problems';
import { ProblemDto } from '../errors/problem.dto';
import { QueryController } from '../queries/query-controller.decorator';
import { EmptyBodyDto } from '../validation/empty-body.dto';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { WebhookParams } from './dto/webhook-params.dto';
import { webhookNotFound } from './webhook-not-found';
import { assertReachableTarget } from './webhook-target';

/**
 * Webhook subscriptions, for admins only (routeAccessTable): a subscription receives every event
 * it matches, internal notes and operators' data included, so it is configured by whoever may see all.
 */
@QueryController('webhooks', 'webhooks')
export class WebhooksController {
  constructor(
    private readonly subscriptions: SubscriptionStore,
    private readonly deadLetters: DeadLetters,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(WEBHOOKS_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to events; the answer shows the signing secret, once' })
  @ApiCreatedResponse({ description: 'The subscription and its `secret`' })
  async create(
    @Body() body: CreateWebhookDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookView & { secret: string }> {
    await assertReachableTarget(body.url, this.config.allowPrivateUrls);
    try {
      const { subscription, secret } = await registerWebhook(this.subscriptions, this.events, {
        url: body.url,
        eventTypes: body.eventTypes ?? [],
        categories: body.categories ?? [],
        secret: body.secret,
        description: body.description,
        from: startingPointOf(body.from),
        createdBy: actor.id,
      });
      response.status(201).location(`/webhooks/${subscription.id}`);
      return { ...webhookViewOf(subscription, 0), secret };
    } catch (error) {
      if (error instanceof StartBeyondHeadError) throw problems.invalidField('from', error.message);
      throw error;
    }
  }

  @Get()
  @ApiOperation({ summary: 'Every webhook subscription, oldest first, without secrets' })
  @ApiOkResponse({ description: '{ items: [webhook] }' })
  async list(): Promise<{ items: WebhookView[] }> {
    const all = await this.subscriptions.all();
    return { items: await Promise.all(all.map(async (s) => webhookViewOf(s, await this.deadLetters.count(s.id)))) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription: filter, status, checkpoint and number of dead letters; never the secret' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such webhook' })
  async get(@Param() { id }: WebhookParams): Promise<WebhookView> {
    const subscription = await this.subscriptions.find(id);
    if (!subscription) throw webhookNotFound(id);
    return webhookViewOf(subscription, await this.deadLetters.count(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription with its delivery log and dead letters; delivery stops within seconds' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such webhook' })
  async remove(@Param() { id }: WebhookParams): Promise<void> {
    if (!(await this.subscriptions.delete(id))) throw webhookNotFound(id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop delivering; the checkpoint stays, an event in flight is sent again on resume' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such webhook' })
  pause(@Param() { id }: WebhookParams, @Body() _body: EmptyBodyDto): Promise<WebhookView> {
    return this.setStatus(id, 'paused');
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver again, from the checkpoint' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such webhook' })
  resume(@Param() { id }: WebhookParams, @Body() _body: EmptyBodyDto): Promise<WebhookView> {
    return this.setStatus(id, 'active');
  }

  private async setStatus(id: string, status: SubscriptionStatus): Promise<WebhookView> {
    if (!(await this.subscriptions.setStatus(id, status))) throw webhookNotFound(id);
    return this.get({ id });
  }
}

function startingPointOf(from: string | undefined): StartingPoint {
  if (from === undefined || from === 'now') return { kind: 'now' };
  if (from === 'start') return { kind: 'start' };
  return { kind: 'after', position: BigInt(from) };
}
