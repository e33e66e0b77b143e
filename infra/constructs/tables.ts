import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { AttributeType, TableDefinition } from '../tables.js';

const attributeType = (t: AttributeType): dynamodb.AttributeType =>
  t === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER;

/** A deployed table and the ARNs IAM statements name. */
export interface DeployedTable {
  definition: TableDefinition;
  table: dynamodb.Table;
  /** One ARN per index of the definition (listed, so no `index/*` wildcard). */
  indexArns: string[];
}

/**
 * Builds a table from its description in infra/tables.ts: on demand, point-in-time
 * recovery, TTL on the definition's attribute, every GSI with the projection the description names
 * (as the local cloud creates them). Retained on stack deletion.
 */
export function buildTable(scope: Construct, definition: TableDefinition): DeployedTable {
  const table = new dynamodb.Table(scope, definition.id, {
    partitionKey: { name: definition.partitionKey.name, type: attributeType(definition.partitionKey.type) },
    sortKey: { name: definition.sortKey.name, type: attributeType(definition.sortKey.type) },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: definition.ttlAttribute,
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of definition.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey.name, type: attributeType(index.partitionKey.type) },
      sortKey: { name: index.sortKey.name, type: attributeType(index.sortKey.type) },
      projectionType: dynamodb.ProjectionType[index.projection],
      ...(index.include ? { nonKeyAttributes: index.include } : {}),
    });
  }
  const indexArns = definition.indexes.map((i) => `${table.tableArn}/index/${i.indexName}`);
  return { definition, table, indexArns };
}
