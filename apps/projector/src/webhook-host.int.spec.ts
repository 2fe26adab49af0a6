import { startWebhookTestKit, TestReceiver, testWebhooksConfig, type WebhookTestKit } from '@switchboard/webhooks/testing';
import { eventually } from '@switchboard/testing';
import { WebhookHost } from './webhook-host';

/** Two projector processes, as far as webhooks go: one delivers, the other stands by. */
describe('webhook host', () => {
  let kit: WebhookTestKit;
  let receiver: TestReceiver;
  let url: string;
  const hosts: WebhookHost[] = [];

  beforeAll(async () => {
    kit = await startWebhookTestKit();
    receiver = new TestReceiver();
    url = await receiver.start();
  });
  afterAll(async () => {
    await Promise.all(hosts.map(stop));
    await receiver.stop();
    await kit.close();
  });

  const start = (): WebhookHost => {
    const host = new WebhookHost(kit.store, { url: kit.db.url, embedded: false, stop: async () => undefined }, testWebhooksConfig);
    hosts.push(host);
    host.onApplicationBootstrap();
    return host;
  };
  const stop = async (host: WebhookHost) => {
    await host.onModuleDestroy();
    await host.beforeApplicationShutdown();
    hosts.splice(hosts.indexOf(host), 1);
  };
  const append = (count: number) =>
    kit.append(
      `clock-${count}-${Date.now()}`,
      Array.from({ length: count }, () => 'Ticked'),
    );
  const deliveredIds = () => receiver.delivered.map((request) => request.eventId);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('delivers each event once with two hosts, hands over when the first stops, and follows pause, resume and delete', async () => {
    const { id } = await kit.subscribe(url);
    const [first, second] = [start(), start()];
    const sent = await append(20);
    await eventually(() => receiver.delivered.length === 20, 'twenty events arrive');
    expect([first.running, second.running].filter((running) => running.length > 0)).toEqual([[id]]);
    const [active, standby] = first.running.length > 0 ? [first, second] : [second, first];
    // The receiver sees the twentieth request before the worker records it; stopped in between,
    // the standby would rightly send it again. So the handover starts once the checkpoint is there.
    const last = receiver.delivered[19].event.position;
    await eventually(async () => (await kit.subscriptions.find(id))?.position?.toString() === last, 'the checkpoint passes the twentieth');

    await stop(active);
    sent.push(...(await append(10)));
    await eventually(() => receiver.delivered.length === 30, 'the standby delivers the next ten');
    expect(standby.running).toEqual([id]);
    await settle();
    expect(deliveredIds()).toEqual(sent);

    await kit.subscriptions.setStatus(id, 'paused');
    await eventually(() => standby.running.length === 0, 'the paused worker stops');
    const whilePaused = await append(2);
    await settle();
    expect(receiver.delivered).toHaveLength(30);
    await kit.subscriptions.setStatus(id, 'active');
    await eventually(() => receiver.delivered.length === 32, 'resumed from its checkpoint');
    expect(deliveredIds().slice(30)).toEqual(whilePaused);

    await kit.subscriptions.delete(id);
    await eventually(() => standby.running.length === 0, 'the deleted worker stops');
    await append(1);
    await settle();
    expect(receiver.delivered).toHaveLength(32);
  });
});
