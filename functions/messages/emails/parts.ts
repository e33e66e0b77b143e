/** Blocks shared by several email templates. */
import { fieldLabel, type EmailTexts } from '../catalogues.js';
import { formatDateTime } from '../dates.js';
import { list, paragraph, type Block } from './layout.js';

/** A reason given by vetting (ENR-8). */
export interface Reason {
  code: string;
  message: string;
  field?: string;
}

/** PRT-4: the three grants of authorising an indirect provider, as a list. */
export function grantList(catalogue: EmailTexts<never>): Block {
  const { grants } = catalogue.common;
  return list([grants.placeOrders, grants.addSubscriptions, grants.delegatedAdmin]);
}

/** The vetting reasons as a list, under a heading; nothing when there are none. */
export function reasonBlocks(reasons: readonly Reason[] | undefined, catalogue: EmailTexts<never>): Block[] {
  if (!reasons?.length) return [];
  const items = reasons.map((reason) =>
    reason.field ? `${reason.message} (${fieldLabel(catalogue, reason.field)})` : reason.message,
  );
  return [paragraph(catalogue.common.reasonsHeading), list(items)];
}

/** ENR-8: the fields to correct (or, if not given, those the reasons name) and the deadline. */
export function requirementBlocks(
  fields: readonly string[] | undefined,
  reasons: readonly Reason[] | undefined,
  deadline: string | undefined,
  catalogue: EmailTexts<never>,
): Block[] {
  const named = fields ?? (reasons ?? []).flatMap((reason) => (reason.field ? [reason.field] : []));
  const unique = [...new Set(named)];
  const blocks: Block[] = [];
  if (unique.length) {
    blocks.push(paragraph(catalogue.common.fieldsHeading), list(unique.map((path) => fieldLabel(catalogue, path))));
  }
  if (deadline) {
    blocks.push(paragraph(catalogue.common.deadline({ deadline: formatDateTime(deadline, catalogue.meta.dateLocale) })));
  }
  return blocks;
}
