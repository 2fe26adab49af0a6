import { createRequire } from 'node:module';
import type * as AnyModule from 'google-protobuf/google/protobuf/any_pb';
import type * as EmptyModule from 'google-protobuf/google/protobuf/empty_pb';

/**
 * The wire vocabulary of the double: the message classes and service definitions generated for
 * the official client, so the double speaks exactly the protocol that client was built for.
 */
export * as streams from '@eventstore/db-client/generated/streams_pb';
export * as shared from '@eventstore/db-client/generated/shared_pb';
export * as features from '@eventstore/db-client/generated/serverfeatures_pb';
export { Status } from '@eventstore/db-client/generated/status_pb';
export { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
export { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';

// The generated classes run on the client's own copy of google-protobuf (not the project's), so
// the well-known types they embed (google.protobuf.Empty, Any) are loaded from that same copy.
const requireBesideGenerated = createRequire(require.resolve('@eventstore/db-client/generated/streams_pb'));
export const GoogleEmpty = (requireBesideGenerated('google-protobuf/google/protobuf/empty_pb') as typeof EmptyModule).Empty;
export const GoogleAny = (requireBesideGenerated('google-protobuf/google/protobuf/any_pb') as typeof AnyModule).Any;
