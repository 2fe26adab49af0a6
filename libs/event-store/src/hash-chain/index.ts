export { canonicalJson } from './canonical-json';
export { HASH_KEY, PREVIOUS_HASH_KEY, hashOf, linkTo, recordedHashOf, sealEvents, type ChainTip, type HashedContent } from './event-hash';
export { StreamChainVerifier, type ChainBreak, type ChainBreakReason, type StreamChainReport } from './chain-verifier';
export { HashChainedEventStore, MAX_CHAIN_ATTEMPTS } from './hash-chained-event-store';
export { eventsOfStream, verifyChains, verifyStream } from './verify-chains';
