/** The pre-deploy check's judgement (infra/predeploy.ts `evaluate`), on account facts as AWS would report them. */
import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/catalog.js';
import { addressOf, evaluate, parametersOf, type AccountFacts } from '../../infra/predeploy.js';
import { reservedConcurrencyTotal } from '../../infra/stack.js';

const ready: AccountFacts = {
  account: '123456789012',
  region: 'eu-west-1',
  bootstrapVersion: 28,
  ses: { productionAccess: true, sendingEnabled: true, identity: { verifiedForSending: true, status: 'SUCCESS' } },
  lambda: { concurrencyQuota: 1000, unreservedConcurrency: 1000 },
};
const params = {
  SenderIdentity: 'example.com',
  CreateSenderIdentity: 'false',
  MailFrom: 'Partner Program <no-reply@example.com>',
  SesSandboxRecipients: 'false',
  JwtIssuer: 'https://login.microsoftonline.com/8f7e2b1c-0000-4000-8000-000000000001/v2.0',
  JwtAudience: '6731de76-14a6-49ae-97bc-6eba6914391e',
};
const check = (facts: Partial<AccountFacts>, p: Record<string, string> = {}) => evaluate({ ...ready, ...facts }, { ...params, ...p }, functions);

describe('pre-deploy check', () => {
  it('passes a ready account without errors or warnings', () => {
    const f = check({});
    expect(f.errors).toEqual([]);
    expect(f.warnings).toEqual([]);
    expect(f.notes.join('\n')).toContain('123456789012 in eu-west-1');
  });

  it('stops without credentials, without a region, or without the CDK bootstrap', () => {
    expect(check({ credentialsError: 'ExpiredToken' }).errors[0]).toMatch(/No usable AWS credentials \(ExpiredToken\)/);
    expect(check({ region: undefined }).errors[0]).toMatch(/No region/);
    expect(check({ bootstrapVersion: undefined }).errors[0]).toContain('npx cdk bootstrap aws://123456789012/eu-west-1');
  });

  it('SES: no SES in the region, sending paused, sandbox without the sandbox grant', () => {
    expect(check({ ses: undefined, sesError: 'getaddrinfo ENOTFOUND' }).errors[0]).toMatch(/SES is not available in eu-west-1/);
    expect(check({ ses: { ...ready.ses!, sendingEnabled: false } }).errors[0]).toMatch(/sending is paused/);
    const sandbox = check({ ses: { ...ready.ses!, productionAccess: false, max24HourSend: 200 } });
    expect(sandbox.errors[0]).toMatch(/sandbox but SesSandboxRecipients=false/);
    expect(sandbox.warnings[0]).toMatch(/only to verified addresses \(at most 200 a day\)/);
    expect(check({ ses: { ...ready.ses!, productionAccess: false } }, { SesSandboxRecipients: 'true' }).errors).toEqual([]);
  });

  it('SES identity: missing when it should exist, existing when it would be created, unverified, From outside it', () => {
    const missing = { ses: { ...ready.ses!, identity: undefined } };
    expect(check(missing).errors[0]).toMatch(/no identity example.com in eu-west-1, and CreateSenderIdentity=false/);
    expect(check(missing, { CreateSenderIdentity: 'true' }).errors).toEqual([]);
    expect(check({}, { CreateSenderIdentity: 'true' }).warnings[0]).toMatch(/already has the identity example.com/);
    expect(check({ ses: { ...ready.ses!, identity: { verifiedForSending: false, status: 'PENDING' } } }).warnings[0]).toMatch(/not verified yet \(PENDING\)/);
    expect(check({}, { MailFrom: 'no-reply@other.example' }).errors[0]).toMatch(/no-reply@other.example is not within the sender identity example.com/);
    expect(check({}, { SenderIdentity: 'no-reply@example.com' }).errors).toEqual([]);
    expect(addressOf('"Partner Program" <No-Reply@Example.com>')).toBe('no-reply@example.com');
  });

  it('reserved concurrency: the quota math, only when asked for', () => {
    const reserved = reservedConcurrencyTotal(functions);
    expect(reserved).toBeGreaterThan(0);
    const small = { lambda: { concurrencyQuota: 10, unreservedConcurrency: 10 } };
    expect(check(small).errors).toEqual([]);
    const asked = check(small, { ReserveConcurrency: 'true' });
    expect(asked.errors[0]).toContain(`reserves ${reserved} concurrent executions`);
    expect(asked.errors[0]).toContain(`Request a quota of at least ${reserved + 100}`);
    const enough = { lambda: { concurrencyQuota: reserved + 100, unreservedConcurrency: reserved + 100 } };
    expect(check(enough, { ReserveConcurrency: 'true' }).errors).toEqual([]);
    expect(check({ lambda: { concurrencyQuota: reserved + 99, unreservedConcurrency: reserved + 99 } }, { ReserveConcurrency: 'true' }).errors).toHaveLength(1);
  });

  it('JWT: an Entra ID v2 issuer needs the client-id GUID as audience; a Cognito issuer its app client id', () => {
    expect(check({}, { JwtAudience: 'api://partner-program' }).errors[0]).toMatch(/Entra ID v2.0 issuer.*GUID/);
    const cognito = { JwtIssuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123' };
    expect(check({}, { ...cognito, JwtAudience: '1example23456789abcdefghij' }).errors).toEqual([]);
    expect(check({}, { ...cognito, JwtAudience: 'api://partner-program' }).errors[0]).toMatch(/Cognito user pool/);
  });

  it('reads --parameters in each form cdk deploy accepts', () => {
    expect(parametersOf(['--parameters', 'A=1', '--parameters=B=x=y', '--parameters', 'Stack:C=3', '--require-approval', 'never'])).toEqual({ A: '1', B: 'x=y', C: '3' });
  });
});
