export type OperatorStatus = 'active' | 'suspended' | 'removed';

// What a command handler can tell another aggregate about an operator; 'unknown' covers an id
// that no operator stream answers to.
export type OperatorAvailability = OperatorStatus | 'unknown';
