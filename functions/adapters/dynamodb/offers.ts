import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Offer, OfferReader, Offers } from '#domain/offers.js';
import { compose } from '../compose.js';
import { cursorFor } from '#lib/cursor.js';
import { batchGet, ddb, tableName } from './client.js';
import { storedOf } from './lifecycle-reader.js';

const offerKey = (id: string) => ({ pk: `OFFER#${id}`, sk: 'OFFER' });
const LIST = 'OFFERS';

/**
 * The offer catalogue on DynamoDB, read only: one item per offer, the active ones listed
 * through gsi1. Its parts are separate objects so that a function bundles (and is granted)
 * only the reads it makes: `GET /offers` no BatchGetItem, the operator's `PUT` no read.
 */
export const offerReader: Pick<OfferReader, 'get' | 'active'> = {
  async get(id) {
    const out = await ddb.send(new GetCommand({ TableName: tableName(), Key: offerKey(id), ConsistentRead: true }));
    return out.Item ? storedOf<Offer>(out.Item).entity : undefined;
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

/** Offers by id (an order's lines, CUS-3): consistent BatchGetItem, keys left unprocessed asked again. */
export const offersById: Pick<OfferReader, 'getMany'> = {
  async getMany(ids) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const items = await batchGet(unique.map(offerKey), { consistent: true });
    return new Map(items.map((i) => [String(i.id), storedOf<Offer>(i).entity]));
  },
};

/** The operator's writes to the catalogue. */
export const offerWriter: Pick<Offers, 'put'> = {
  async put(offer: Offer) {
    const out = await ddb.send(
      new PutCommand({ TableName: tableName(), Item: { ...offerKey(offer.id), ...offer, gsi1pk: LIST, gsi1sk: `${offer.status}#${offer.id}` }, ReturnValues: 'ALL_OLD' }),
    );
    const previous = out.Attributes ? storedOf<Offer>(out.Attributes).entity : undefined;
    return { created: previous === undefined, offer: previous ? { ...offer, createdAt: previous.createdAt } : offer };
  },
};

/** The offer catalogue on DynamoDB. */
export const offers: Offers = /* @__PURE__ */ compose(offerReader, offersById, offerWriter);
