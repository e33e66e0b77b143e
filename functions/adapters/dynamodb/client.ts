import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#lib/config.js';

/**
 * The one DynamoDB client of a bundle, built at module scope. Locally only the endpoint
 * differs, through the SDK's own `AWS_ENDPOINT_URL_DYNAMODB`.
 */
export const dynamodb = new DynamoDBClient({});
export const ddb = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export const tableName = (): string => config().TABLE_NAME;

/** True when a DynamoDB call failed because its condition did not hold. */
export const isConditionFailed = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'ConditionalCheckFailedException' ||
    (error.name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test(error.message)));
