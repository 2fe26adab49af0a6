export const savedReplyStreamCategory = 'saved-reply';

export const savedReplyStreamName = (savedReplyId: string): string => `${savedReplyStreamCategory}-${savedReplyId}`;
