import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../catalog.js';
import { constructId } from './naming.js';

export interface HttpApiProps {
  apiName: string;
  /** Issuer and audience of the JWT authorizer (CloudFormation parameters). */
  jwtIssuer: string;
  jwtAudience: string[];
  /** Default route throttling of the $default stage. */
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: logs.RetentionDays;
}

/**
 * The HTTP API: a $default stage with throttling and JSON access logs, a JWT authorizer
 * whose issuer and audience are stack parameters, and one route per catalogue entry.
 */
export class HttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly authorizer: HttpJwtAuthorizer;
  readonly routes: apigw.HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', {
      apiName: props.apiName,
      description: 'Partner program API (routes from infra/catalog.ts)',
      createDefaultStage: false,
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    this.authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, {
      authorizerName: 'jwt',
      jwtAudience: props.jwtAudience,
    });
  }

  /** The base URL of the $default stage, without a trailing slash. */
  get endpoint(): string {
    return this.api.apiEndpoint;
  }

  /** Adds the route of an `http` catalogue entry. */
  addRoute(spec: FunctionSpec, fn: lambda.IFunction): apigw.HttpRoute {
    if (spec.trigger.kind !== 'http') throw new Error(`${spec.name} is not an http function`);
    const { method, path, auth } = spec.trigger;
    const id = constructId(spec.name);
    const route = new apigw.HttpRoute(this, `${id}Route`, {
      httpApi: this.api,
      routeKey: apigw.HttpRouteKey.with(path, apigw.HttpMethod[method]),
      integration: new HttpLambdaIntegration(`${id}Integration`, fn),
      ...(auth === 'jwt' ? { authorizer: this.authorizer } : {}),
    });
    const routes = [route];
    if (spec.trigger.head) {
      // HEAD answers like GET without a body (the handler drops it); same function, same auth.
      routes.push(
        new apigw.HttpRoute(this, `${id}HeadRoute`, {
          httpApi: this.api,
          routeKey: apigw.HttpRouteKey.with(path, apigw.HttpMethod.HEAD),
          integration: new HttpLambdaIntegration(`${id}HeadIntegration`, fn),
          ...(auth === 'jwt' ? { authorizer: this.authorizer } : {}),
        }),
      );
    }
    for (const r of routes) {
      if (auth === 'public') {
        Validations.of(r).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${method} ${path} is public by the API contract (API.md): the handler authenticates the caller itself (Standard Webhooks signature, or a 256-bit single-use link token) or serves public documentation; stage throttling${spec.reservedConcurrency ? ` and reserved concurrency ${spec.reservedConcurrency}` : ''} cap what abuse can cost.`,
        });
      }
      this.routes.push(r);
    }
    return route;
  }
}
