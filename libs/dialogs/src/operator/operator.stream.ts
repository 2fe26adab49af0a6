export const operatorStreamCategory = 'operator';

export const operatorStreamName = (operatorId: string): string => `${operatorStreamCategory}-${operatorId}`;
