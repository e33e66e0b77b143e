import { BatchGetCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Offer, OfferReader, Offers } from '#domain/offers.js';
import { compose } from '../compose.js';
import { cursorFor } from '#lib/cursor.js';
import { ddb, tableName } from './client.js';
import { storedOf } from './lifecycle-reader.js';

const offerKey = (id: string) => ({ pk: `OFFER#${id}`, sk: 'OFFER' });
const LIST = 'OFFERS';

/** The offer catalogue on DynamoDB, read only: one item per offer, the active ones listed through gsi1. */
export const offerReader: OfferReader = {
  async get(id) {
    const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: offerKey(id), ConsistentRead: true }));
    return out.Item ? storedOf<Offer>(out.Item).entity : undefined;
  },
  async getMany(ids) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const out = await ddb.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: unique.map(offerKey), ConsistentRead: true } } }));
    return new Map((out.Responses?.[tableName()] ?? []).map((i) => [String(i.id), storedOf<Offer>(i).entity]));
  },
  async active(limit, cursor) {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :active)',
        ExpressionAttributeValues: { ':pk': LIST, ':active': 'active#' },
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: cursorFor(cursor, { name: 'gsi1pk', value: LIST }) } : {}),
      }),
    );
    return { items: (out.Items ?? []).map((i) => storedOf<Offer>(i).entity), ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}) };
  },
};

/** The offer catalogue on DynamoDB. */
export const offers: Offers = /* @__PURE__ */ compose(offerReader, {
  async put(offer: Offer) {
    const out = await ddb.send(
      new PutCommand({ TableName: tableName(), Item: { ...offerKey(offer.id), ...offer, gsi1pk: LIST, gsi1sk: `${offer.status}#${offer.id}` }, ReturnValues: 'ALL_OLD' }),
    );
    const previous = out.Attributes ? storedOf<Offer>(out.Attributes).entity : undefined;
    return { created: previous === undefined, offer: previous ? { ...offer, createdAt: previous.createdAt } : offer };
  },
});
