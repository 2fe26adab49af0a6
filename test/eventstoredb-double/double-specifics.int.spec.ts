import { randomUUID } from 'node:crypto';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { EventStoreDBClient, excludeSystemEvents, jsonEvent, START } from '@eventstore/db-client';
import { ServerFeaturesClient } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { eventually } from '@switchboard/testing';
import { startEventStoreDbDouble, type EventStoreDbDouble } from './eventstoredb-double';
import { features, shared, streams } from './protocol';
import { collect, record } from './spec-support';

/** What only the double can show: its switches, its diagnostics, and protocol corners the v6 client never reaches. */
describe('EventStoreDB double specifics', () => {
  const doubles: EventStoreDbDouble[] = [];
  const clients: EventStoreDBClient[] = [];
  const start = async (options?: Parameters<typeof startEventStoreDbDouble>[0]) => {
    const double = await startEventStoreDbDouble(options);
    doubles.push(double);
    const client = EventStoreDBClient.connectionString(double.connectionString);
    clients.push(client);
    return { double, client, address: new URL(double.connectionString.replace('esdb:', 'http:')).host };
  };

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await Promise.all(doubles.map((d) => d.stop()));
  });

  it('advertises BatchAppend only when it serves it, as version 23.10.0', async () => {
    const methods = async (batchAppend: boolean) => {
      const { address } = await start({ batchAppend });
      const features = new ServerFeaturesClient(address, credentials.createInsecure());
      const answer = await new Promise<features.SupportedMethods>((resolve, reject) =>
        features.getSupportedMethods(new shared.Empty(), (error, response) => (error ? reject(error) : resolve(response))),
      );
      features.close();
      return { version: answer.getEventStoreServerVersion(), names: answer.getMethodsList().map((m) => `${m.getServiceName()}/${m.getMethodName()}`) };
    };
    const on = await methods(true);
    expect(on.version).toBe('23.10.0');
    expect(on.names).toContain('event_store.client.streams.streams/batchappend');
    expect((await methods(false)).names).not.toContain('event_store.client.streams.streams/batchappend');
  });

  it('begins $all with system events, which excludeSystemEvents drops; systemEvents: false starts empty', async () => {
    const { client } = await start();
    const all = await collect(client.readAll());
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => e.event?.streamId.startsWith('$') && e.event.type.startsWith('$'))).toBe(true);
    const subscription = client.subscribeToAll({ fromPosition: START, filter: excludeSystemEvents() });
    expect(await record(subscription).caughtUp).toEqual([]);
    await subscription.unsubscribe();

    const empty = await start({ systemEvents: false });
    expect(await collect(empty.client.readAll())).toEqual([]);
  });

  it('keeps a read the caller stopped consuming open until it is cancelled, as a server does', async () => {
    const { double, client } = await start();
    // Several times the HTTP/2 flow-control window, so the server is still writing when the reader stops.
    for (let batch = 0; batch < 10; batch += 1) {
      await client.appendToStream(
        'big-1',
        Array.from({ length: 100 }, () => jsonEvent({ type: 'Padded', data: { pad: 'x'.repeat(500) } })),
      );
    }
    const read = client.readAll();
    for await (const _ of read) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(double.openReadCalls()).toBe(1);
    await read.cancel();
    await eventually(() => double.openReadCalls() === 0, 'the cancelled read to close');

    await collect(client.readAll({ maxCount: 1 }));
    expect(double.openReadCalls()).toBe(0);
  });

  it('shows the v6 client: dispose() never settles after a read was abandoned once the server had sent its end', async () => {
    const double = await startEventStoreDbDouble();
    doubles.push(double);
    const settles = (promise: Promise<void>) =>
      Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300))]);

    // Two system events: the server sends them and ends the call while the reader has stopped.
    const abandoning = EventStoreDBClient.connectionString(double.connectionString);
    for await (const _ of abandoning.readAll()) break;
    await eventually(() => double.openReadCalls() === 0, 'the server to finish the read');
    await new Promise((resolve) => setTimeout(resolve, 100)); // its end reaches the client
    // The client waits for the abandoned gRPC stream to end, which needs someone to read it.
    expect(await settles(abandoning.dispose())).toBe(false);

    // A read bounded by maxCount and consumed to its end leaves nothing behind.
    const bounded = EventStoreDBClient.connectionString(double.connectionString);
    await collect(bounded.readAll({ maxCount: 1 }));
    expect(await settles(bounded.dispose())).toBe(true);
  });

  it('filters a plain read of $all on the server (the v6 client only filters subscriptions)', async () => {
    const { client, address } = await start();
    await client.appendToStream('a-1', [
      jsonEvent({ type: 'Kept', data: {} }),
      jsonEvent({ type: 'Dropped', data: {} }),
      jsonEvent({ type: 'Kept', data: {} }),
    ]);
    const options = new streams.ReadReq.Options()
      .setAll(new streams.ReadReq.Options.AllOptions().setStart(new shared.Empty()))
      .setCount('10')
      .setUuidOption(new streams.ReadReq.Options.UUIDOption().setString(new shared.Empty()))
      .setFilter(
        new streams.ReadReq.Options.FilterOptions()
          .setEventType(new streams.ReadReq.Options.FilterOptions.Expression().setPrefixList(['Kept']))
          .setCount(new shared.Empty()),
      );
    const raw = new StreamsClient(address, credentials.createInsecure());
    const responses = await collect<streams.ReadResp>(raw.read(new streams.ReadReq().setOptions(options)));
    raw.close();
    expect(responses.map((r) => `${r.getEvent()?.getEvent()?.getMetadataMap().get('type')}@${r.getEvent()?.getEvent()?.getStreamRevision()}`)).toEqual([
      'Kept@0',
      'Kept@2',
    ]);
  });

  it('refuses an event without content-type the way the server does', async () => {
    const { address } = await start({ batchAppend: false });
    const raw = new StreamsClient(address, credentials.createInsecure());
    const error = await new Promise<ServiceError | null>((resolve) => {
      const call = raw.append(new Metadata(), (e) => resolve(e));
      const identifier = new shared.StreamIdentifier().setStreamName(Buffer.from('refused-1'));
      call.write(new streams.AppendReq().setOptions(new streams.AppendReq.Options().setStreamIdentifier(identifier).setAny(new shared.Empty())));
      const message = new streams.AppendReq.ProposedMessage().setId(new shared.UUID().setString(randomUUID())).setData(Buffer.from('{}'));
      message.getMetadataMap().set('type', 'NoContentType');
      call.write(new streams.AppendReq().setProposedMessage(message));
      call.end();
    });
    raw.close();
    expect(error?.code).toBe(3);
    expect(error?.metadata.get('exception')).toEqual(['missing-required-metadata-property']);
  });

  it('answers UNIMPLEMENTED for subscriptions to a single stream, which the adapter does not use', async () => {
    const { client } = await start();
    const subscription = client.subscribeToStream('any-1');
    const error = await new Promise<unknown>((resolve) => subscription.once('error', resolve));
    expect(String(error)).toContain('subscriptions to $all only');
  });
});
