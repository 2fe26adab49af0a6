// One word: a stream's category is what comes before its first '-'.
export const savedReplyStreamCategory = 'savedreply';

export const savedReplyStreamName = (savedReplyId: string): string => `${savedReplyStreamCategory}-${savedReplyId}`;
