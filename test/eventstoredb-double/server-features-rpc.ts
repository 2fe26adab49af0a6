import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { features, type shared } from './protocol';

/** The version the double claims: the first LTS whose subscriptions send `caught_up`. */
export const SERVER_VERSION = '23.10.0';

/**
 * `ServerFeatures.GetSupportedMethods`, which the client asks once per connection to choose its
 * paths. Like the server, names are lower case and Read carries the features "position" and
 * "events". Only what the double serves is listed, so `batchAppend: false` makes the client fall
 * back to `Append`, as it does against servers older than 21.10.
 */
export function serverFeaturesHandler(options: { batchAppend: boolean }) {
  const methods: [service: string, method: string, features: string[]][] = [
    ['event_store.client.streams.streams', 'read', ['position', 'events']],
    ['event_store.client.streams.streams', 'append', []],
    ...(options.batchAppend ? [['event_store.client.streams.streams', 'batchappend', ['deadline_duration']] as [string, string, string[]]] : []),
    ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
  ];
  const answer = new features.SupportedMethods()
    .setEventStoreServerVersion(SERVER_VERSION)
    .setMethodsList(
      methods.map(([service, method, list]) => new features.SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList(list)),
    );
  return (_call: ServerUnaryCall<shared.Empty, features.SupportedMethods>, callback: sendUnaryData<features.SupportedMethods>): void => {
    callback(null, answer);
  };
}
