/**
 * English message catalogue — the reference shape every other catalogue must match
 * (GEN-2). Parameterised strings are functions returning plain text; escaping happens
 * when a template renders them.
 *
 * Each part (meta, common, fields, emails, pages) is its own export, in every language, so
 * a bundle carries only the parts its code reaches: a function that sends email has no page
 * texts, and the reverse. The whole catalogue is assembled at the end.
 */

export const meta = {
  /** BCP 47 locale for dates. */
  dateLocale: 'en-GB',
  programName: 'Partner Program',
};

export const common = {
  /** CUS-7: who a customer invitation relates to the customer, and what that grants. */
  customerRelations: {
    intro: 'If your company accepts, these partners are related to it:',
    asReseller: (p: { name: string }) => `${p.name} as your reseller: it looks after your subscriptions and buys them for you through its provider`,
    asProvider: (p: { name: string }) => `${p.name} as your indirect provider: it can place orders and manage subscriptions for your company`,
    asDirectBill: (p: { name: string }) => `${p.name} as your partner: it can place orders and manage subscriptions for your company and bills you directly`,
    delegatedAdmin: (p: { partnerName: string }) =>
      `${p.partnerName} also asks for administrator access to your company's work account (delegated admin).`,
    noDelegatedAdmin: "No partner gets administrator access to your company's work account.",
  },
  greeting: (p: { name: string }) => `Hello ${p.name},`,
  greetingNoName: 'Hello,',
  signOff: 'Kind regards,',
  team: 'The Partner Program team',
  automated: 'This email was sent automatically. Replies to it are not read.',
  linkFallback: 'If the button does not work, copy this link into your browser:',
  /** The program's identity in every email and page footer. */
  footer: {
    operatedBy: (p: { operatorName: string }) => `Operated by ${p.operatorName}`,
    support: 'Support',
    privacy: 'Privacy notice',
    questions: 'Questions? Contact support:',
  },
  portalAction: 'Open the partner portal',
  /** ENR-6: the two statements the primary contact confirms. */
  statements: {
    signedUp: (p: { companyName: string }) =>
      `you signed up for a partner account for ${p.companyName}, and`,
    addressBelongs: (p: { companyName: string }) =>
      `this email address belongs to ${p.companyName}.`,
  },
  /** PRT-4: what authorising an indirect provider grants. */
  grants: {
    intro: (p: { providerName: string }) =>
      `If you authorize ${p.providerName} as your indirect provider, you allow it to:`,
    placeOrders: 'place orders on behalf of your customers,',
    addSubscriptions: 'add subscriptions for your customers, and',
    delegatedAdmin: "access your company's work account as an administrator (delegated admin).",
  },
  reasonsHeading: 'Reasons given:',
  fieldsHeading: 'Please update these details in the partner portal:',
  deadline: (p: { deadline: string }) => `Please make the changes by ${p.deadline}.`,
};

/** Labels for enrollment field paths named in `requirements.currentlyDue` (ENR-8). */
export const fields = {
  partnerId: 'Partner ID',
  'company.legalName': 'Legal company name',
  'company.address.line1': 'Address',
  'company.address.line2': 'Address (line 2)',
  'company.address.city': 'City',
  'company.address.region': 'State or province',
  'company.address.postalCode': 'Postal code',
  'company.address.country': 'Country',
  'primaryContact.firstName': 'Primary contact: first name',
  'primaryContact.lastName': 'Primary contact: last name',
  'primaryContact.email': 'Primary contact: email address',
  'primaryContact.phone': 'Primary contact: phone number',
  'supportContact.email': 'Customer support: email address',
  'supportContact.phone': 'Customer support: phone number',
  'supportContact.website': 'Customer support: website',
};

/** Each email's texts; `emails` and the groups below (one per part of the program that sends email) are built of them. */
export const customerInvitation = {
  subject: (p: { partnerName: string; customerName?: string }) =>
    p.customerName ? `${p.partnerName} invites ${p.customerName} to authorize it as a partner` : `${p.partnerName} invites your company to authorize it as a partner`,
  intro: (p: { partnerName: string; partnerRegionName: string }) =>
    `${p.partnerName}, a partner of the program in the region ${p.partnerRegionName}, would like to buy for your company and look after its subscriptions.`,
  noteHeading: (p: { partnerName: string }) => `Personal message from ${p.partnerName}:`,
  requirements: "To respond, sign in with your company's work account as a global administrator.",
  action: 'View the invitation',
  validity: (p: { expiresAt: string }) => `The link works once and until ${p.expiresAt}.`,
  notExpected: (p: { partnerName: string }) =>
    `If you do not know ${p.partnerName} or do not want to work with it, ignore this email or decline the invitation.`,
};
export const customerInvitationReminder = {
  subject: (p: { partnerName: string; reminderNumber: number }) =>
    `Reminder ${p.reminderNumber}: ${p.partnerName} is waiting for your answer`,
  intro: (p: { partnerName: string; partnerRegionName: string }) =>
    `${p.partnerName}, a partner of the program in the region ${p.partnerRegionName}, has invited your company to work with it. We have not yet received your answer.`,
};
export const customerAccepted = {
  subject: (p: { customerName: string }) => `${p.customerName} has authorized you as its partner`,
  partnerBody: (p: { customerName: string }) =>
    `${p.customerName} has accepted your invitation and now appears in your list of customers.`,
  providerBody: (p: { customerName: string; partnerName: string }) =>
    `${p.customerName} has accepted the invitation of ${p.partnerName} and authorized you as its indirect provider. It now appears in your list of customers, associated with ${p.partnerName}.`,
  delegatedAdmin: 'The customer has also granted delegated admin access to its work account.',
  ordersNext: 'You can now place orders for this customer.',
  resellerNext: (p: { providerName: string }) => `${p.providerName} can now place orders for this customer.`,
};
export const verification = {
  subject: (p: { companyName: string }) =>
    `Please confirm your email address for the enrollment of ${p.companyName}`,
  intro: (p: { requestedBy: string; companyName: string }) =>
    `${p.requestedBy} has enrolled ${p.companyName} in the partner program as an indirect reseller and named you as the primary contact.`,
  ask: 'For security and privacy reasons, please confirm that:',
  action: 'Confirm email address',
  validity: (p: { expiresAt: string }) =>
    `The link works once and until ${p.expiresAt}. Opening it changes nothing: you confirm on the page it opens.`,
  afterConfirm: 'Once you have confirmed, we start checking your company details and keep you informed by email.',
  notYou: (p: { companyName: string }) =>
    `If you did not sign up, or this address does not belong to ${p.companyName}, ignore this email. Nothing will be confirmed and the enrollment expires on its own.`,
};
export const verificationReminder = {
  subject: (p: { companyName: string; reminderNumber: number }) =>
    `Reminder ${p.reminderNumber}: please confirm your email address for ${p.companyName}`,
  intro: (p: { requestedBy: string; companyName: string }) =>
    `We have not yet received your confirmation. ${p.requestedBy} has enrolled ${p.companyName} in the partner program as an indirect reseller and named you as the primary contact.`,
};
export const status = {
  subject: {
    under_review: (p: { companyName: string }) => `We are reviewing the enrollment of ${p.companyName}`,
    more_info_needed: (p: { companyName: string }) =>
      `More information needed for the enrollment of ${p.companyName}`,
    approved: (p: { companyName: string }) => `The enrollment of ${p.companyName} has been approved`,
    rejected: (p: { companyName: string }) => `The enrollment of ${p.companyName} could not be approved`,
    active: (p: { companyName: string }) => `The partner account of ${p.companyName} is active`,
    expired: (p: { companyName: string }) => `The enrollment of ${p.companyName} has expired`,
  },
  underReview: (p: { companyName: string }) =>
    `Thank you for confirming your email address. We are now checking the details of ${p.companyName}. This can take several days; we will email you as soon as we have finished.`,
  moreInfoNeeded: (p: { companyName: string }) =>
    `To finish checking the enrollment of ${p.companyName}, we need more information.`,
  moreInfoNext: 'Once you have saved the changes, we review the enrollment again.',
  approved: (p: { companyName: string }) => `Good news: we have approved the company details of ${p.companyName}.`,
  agreementMissing:
    'One step is left: a global administrator of your company must accept the partner agreement in the partner portal. Your account becomes active as soon as the agreement is accepted.',
  agreementAccepted: 'Your company has already accepted the partner agreement, so nothing more is needed from you.',
  rejected: (p: { companyName: string }) => `We are sorry: we could not approve the enrollment of ${p.companyName}.`,
  rejectedNext:
    'Once the reasons have been resolved, a global administrator of your company can start a new enrollment.',
  active: (p: { companyName: string }) =>
    `The partner account of ${p.companyName} is now active. Your company can do business in the program: indirect providers can send you partnership requests, and you can authorize them.`,
  expired: (p: { companyName: string }) =>
    `The enrollment of ${p.companyName} has expired because it was not completed in time. It will not be processed further.`,
  expiredNext: 'A global administrator of your company can start a new enrollment at any time.',
};
export const agreementReminder = {
  subject: (p: { companyName: string }) => `Action needed: accept the partner agreement for ${p.companyName}`,
  intro: (p: { companyName: string; agreementTitle: string }) =>
    `${p.companyName} has not yet accepted the “${p.agreementTitle}”. Your company cannot do new business in the program until it has.`,
  who: 'Only a global administrator of your company can accept the agreement. If that is not you, please forward this email to one.',
  readAction: 'Read the agreement',
  acceptAction: 'Accept in the partner portal',
};
export const moreInfoReminder = {
  subject: (p: { companyName: string }) => `Reminder: we still need information about ${p.companyName}`,
  intro: (p: { companyName: string }) =>
    `We are still waiting for some details to finish checking the enrollment of ${p.companyName}.`,
};
export const contactUndeliverable = {
  subject: (p: { companyName: string }) => `We could not reach the primary contact of ${p.companyName}`,
  bounce: (p: { contactEmail: string }) => `The verification email to ${p.contactEmail} could not be delivered.`,
  complaint: (p: { contactEmail: string }) =>
    `The verification email to ${p.contactEmail} was reported as unwanted.`,
  stopped:
    'We have stopped sending reminders to this address. The enrollment cannot continue until a primary contact confirms.',
  next: 'Please change the primary contact in the partner portal to a work email address at your company. We then send a new verification email to the new contact.',
};
export const invitation = {
  subject: (p: { providerName: string }) =>
    `${p.providerName} invites you to authorize it as your indirect provider`,
  intro: (p: { providerName: string; providerRegionName: string }) =>
    `${p.providerName}, an indirect provider in the region ${p.providerRegionName}, would like to work with your company as its indirect reseller.`,
  noteHeading: (p: { providerName: string }) => `Personal message from ${p.providerName}:`,
  requirements:
    'To respond, sign in with your work account as a global administrator or admin agent. Your company must be enrolled as an indirect reseller in the same region.',
  action: 'View the invitation',
  validity: (p: { expiresAt: string }) => `The link works once and until ${p.expiresAt}.`,
  notExpected: (p: { providerName: string }) =>
    `If you do not know ${p.providerName} or do not want to work with it, ignore this email or decline the invitation.`,
};
export const invitationReminder = {
  subject: (p: { providerName: string; reminderNumber: number }) =>
    `Reminder ${p.reminderNumber}: ${p.providerName} is waiting for your answer`,
  intro: (p: { providerName: string; providerRegionName: string }) =>
    `${p.providerName}, an indirect provider in the region ${p.providerRegionName}, has invited your company to work with it as its indirect reseller. We have not yet received your answer.`,
};
export const accepted = {
  providerSubject: (p: { resellerName: string }) => `${p.resellerName} has authorized you as its indirect provider`,
  providerBody: (p: { resellerName: string }) =>
    `${p.resellerName} has accepted your partnership request and now appears in your list of indirect resellers.`,
  providerNext:
    "You can now add customers on its behalf and place orders for its customers. New business in its name, such as naming its partner ID on a subscription, also requires that it has accepted the partner agreement.",
  resellerSubject: (p: { providerName: string }) => `You have authorized ${p.providerName} as your indirect provider`,
  resellerBody: (p: { providerName: string }) =>
    `${p.providerName} is now your indirect provider and appears in your list of indirect providers. It can now:`,
  resellerNext: 'To end the partnership, contact the program support team.',
};
export const orderConfirmation = {
  subject: (p: { customerName: string; orderId: string }) => `Order ${p.orderId} for ${p.customerName} is complete`,
  customerIntro: (p: { partnerName: string }) => `${p.partnerName} has ordered these subscriptions for your organisation. They are active now:`,
  resellerIntro: (p: { partnerName: string; customerName: string }) => `${p.partnerName} has ordered these subscriptions for your customer ${p.customerName}. They are active now:`,
  line: (p: { quantity: number; offerName: string; subscriptionId: string }) => `${p.quantity} × ${p.offerName} (subscription ${p.subscriptionId})`,
  customerNext: (p: { partnerName: string }) => `For changes or support, contact ${p.partnerName} or the support contact named on each subscription.`,
  resellerNext: 'As the customer’s reseller you see these subscriptions in the partner portal.',
};
export const resellerAgreementReminder = {
  subject: (p: { providerName: string }) => `${p.providerName} asks you to accept the partner agreement`,
  intro: (p: { providerName: string; resellerName: string }) => `${p.providerName}, the indirect provider of ${p.resellerName}, reminds you that your company has not yet accepted the partner agreement.`,
  why: (p: { providerName: string }) => `Until it is accepted, ${p.providerName} cannot do new business with you, such as naming your partner ID on your customers’ subscriptions.`,
  who: 'Only a global administrator of your company can accept the agreement, in the partner portal.',
  readAction: 'Read the partner agreement',
  acceptAction: 'Accept in the partner portal',
};

export const emails = { customerInvitation, customerInvitationReminder, customerAccepted, verification, verificationReminder, status, agreementReminder, moreInfoReminder, contactUndeliverable, invitation, invitationReminder, accepted, orderConfirmation, resellerAgreementReminder };
export const enrollmentEmails = { verification, verificationReminder, status, agreementReminder, moreInfoReminder, contactUndeliverable };
export const partnershipEmails = { invitation, invitationReminder, accepted };
export const customerEmails = { customerInvitation, customerInvitationReminder, customerAccepted };
export const orderEmails = { orderConfirmation };
export const relationshipEmails = { resellerAgreementReminder };

export const customerInvitationViewPage = {
  title: (p: { partnerName: string }) => `${p.partnerName} invites your company to authorize it as a partner`,
  intro: (p: { partnerName: string; partnerRegionName: string }) =>
    `${p.partnerName}, a partner of the program in the region ${p.partnerRegionName}, would like to buy for your company and look after its subscriptions.`,
  signInPrompt: "To respond, sign in with your company's work account. You must be a global administrator of your company.",
  signInButton: 'Sign in',
  signedInAs: (p: { userEmail: string }) => `Signed in as ${p.userEmail}.`,
  authorizeLabel: 'I authorize the partners listed above for our company and grant them what is described.',
  authorizeButton: 'Authorize partners',
  declineHeading: 'Not interested?',
  declineText: (p: { partnerName: string }) => `If you do not want to work with ${p.partnerName}, decline the invitation.`,
  declineButton: 'Decline invitation',
};
export const customerInvitationAcceptedPage = {
  title: 'Partners authorized',
  body: (p: { partnerName: string }) => `${p.partnerName} is now a partner of your company.`,
  next: 'Your partners can now place orders for your company. Your administrators keep full control of your work account.',
};
export const customerInvitationDeclinedPage = {
  title: 'Invitation declined',
  body: (p: { partnerName: string }) => `You have declined the invitation from ${p.partnerName}.`,
  next: (p: { partnerName: string }) => `If you change your mind, ask ${p.partnerName} to send you a new invitation.`,
};
export const customerInvitationRefusedPage = {
  title: 'We could not accept this invitation',
  nextHeading: 'What you can do',
  wrong_role: {
    body: 'Only a global administrator of your company can authorize partners.',
    next: 'Ask a global administrator of your company to open the invitation link.',
  },
  wrong_region: {
    body: (p: { partnerName?: string }) =>
      `Your company is in a different region from ${p.partnerName ?? 'this partner'}. A partner can only sell to customers in its own region.`,
    next: 'Work with a partner in your region.',
  },
  program_tenant: {
    body: 'You are signed in with the work account of a partner of the program. A partner’s own account can never be a customer account.',
    next: 'For your own purchases, use a separate customer account; or ask an administrator of the invited company to open the link.',
  },
  not_authorized_checkbox: {
    body: 'To authorize the partners, you must tick the authorization box.',
    next: 'Go back, tick the box and choose “Authorize partners” again.',
  },
};
export const verifyConfirmPage = {
  title: 'Confirm your email address',
  intro: (p: { contactName: string; requestedBy: string; companyName: string }) =>
    `Hello ${p.contactName}, ${p.requestedBy} has enrolled ${p.companyName} in the partner program and named you as the primary contact.`,
  ask: 'By selecting Confirm, you confirm that:',
  button: 'Confirm',
  validity: (p: { expiresAt: string }) => `This link works until ${p.expiresAt}.`,
  notYou: (p: { companyName: string }) =>
    `If you did not sign up, or this address does not belong to ${p.companyName}, simply close this page. Nothing is confirmed unless you select Confirm.`,
};
export const verifyDonePage = {
  title: 'Thank you: your email address is confirmed',
  body: (p: { companyName: string }) =>
    `You have confirmed that you signed up for ${p.companyName} and that this email address belongs to the company.`,
  nextHeading: 'What happens next',
  vetting: 'We check your company details. This can take several days.',
  agreement:
    'A global administrator of your company accepts the partner agreement in the partner portal. This can be done now, while we check the details.',
  emails: 'We email you about every change in the status of the enrollment.',
  close: 'You can close this page.',
};
export const linkNeutralPage = {
  title: 'This link is no longer valid',
  body: 'The link you opened has already been used, has expired, or is incomplete.',
  next: 'If you still need to act, ask the person who enrolled your company or sent you the invitation for a new link.',
  copyHint: 'If you copied the link from an email, check that you copied all of it.',
};
export const invitationViewPage = {
  title: (p: { providerName: string }) => `${p.providerName} invites you to authorize it as your indirect provider`,
  intro: (p: { providerName: string; providerRegionName: string }) =>
    `${p.providerName}, an indirect provider in the region ${p.providerRegionName}, would like to work with your company as its indirect reseller.`,
  signInPrompt:
    'To respond, sign in with your work account. You must be a global administrator or admin agent of a company enrolled as an indirect reseller.',
  signInButton: 'Sign in',
  signedInAs: (p: { userEmail: string; tenantName?: string }) =>
    p.tenantName ? `Signed in as ${p.userEmail} (${p.tenantName}).` : `Signed in as ${p.userEmail}.`,
  authorizeLabel: (p: { providerName: string }) =>
    `I authorize ${p.providerName} as our indirect provider and grant it the permissions listed above.`,
  authorizeButton: 'Authorize indirect provider',
  declineHeading: 'Not interested?',
  declineText: (p: { providerName: string }) =>
    `If you do not want to work with ${p.providerName}, decline the invitation.`,
  declineButton: 'Decline invitation',
  messageHeading: (p: { providerName: string }) => `Message from ${p.providerName}:`,
  switchUser: 'Not you, or the wrong account? Sign out or switch user',
};
export const invitationAcceptedPage = {
  title: 'Indirect provider authorized',
  body: (p: { providerName: string }) =>
    `${p.providerName} is now your indirect provider and appears in your list of indirect providers.`,
  grantsIntro: 'It may now:',
  next: 'To end the partnership later, contact the program support team.',
};
export const invitationDeclinedPage = {
  title: 'Invitation declined',
  body: (p: { providerName: string }) => `You have declined the invitation from ${p.providerName}.`,
  next: (p: { providerName: string }) =>
    `If you change your mind, ask ${p.providerName} to send you a new invitation.`,
};
export const invitationRefusedPage = {
  title: 'We could not accept this invitation',
  nextHeading: 'What you can do',
  switchUser: 'Signed in with the wrong account? Sign out or switch user',
  wrong_region: {
    body: (p: { providerName?: string }) =>
      `Your company is in a different region from ${p.providerName ?? 'this indirect provider'}. An indirect provider and its indirect resellers must be in the same region; your official business address decides your region.`,
    next: 'Work with an indirect provider in your region. If your business address is wrong, a global administrator can correct it in the partner portal.',
  },
  not_enrolled: {
    body: (p: { providerName?: string }) =>
      `Your company is not yet enrolled as an indirect reseller, so it cannot authorize ${p.providerName ?? 'this indirect provider'} yet.`,
    next: 'Ask a global administrator of your company to enroll it as an indirect reseller. Once the enrollment is complete, open the invitation link again while it is still valid, or ask the provider for a new one.',
  },
  wrong_role: {
    body: (p: { providerName?: string }) =>
      `Only a global administrator or admin agent of your company can authorize ${p.providerName ?? 'an indirect provider'}.`,
    next: 'Ask a colleague with one of these roles to open the invitation link, or ask a global administrator to give you the admin agent role.',
  },
  already_partnered: {
    body: (p: { providerName?: string }) =>
      `Your company has already authorized ${p.providerName ?? 'this indirect provider'} as its indirect provider.`,
    next: 'There is nothing more to do. You find it in your list of indirect providers.',
  },
  not_authorized_checkbox: {
    body: (p: { providerName?: string }) =>
      `To authorize ${p.providerName ?? 'the indirect provider'}, you must tick the authorization box.`,
    next: 'Go back, tick the box and choose “Authorize indirect provider” again.',
  },
};
export const localSignInPage = {
  title: 'Sign in (local demo)',
  intro: 'This page exists only in the local environment. Choose a demo user, or sign in as anyone by typing a tenant, country, email and role.',
  legend: 'Demo user',
  button: 'Continue',
  noUsers: 'No demo users are loaded.',
  otherHeading: 'Someone else',
  otherIntro: 'Any tenant — a freshly enrolled reseller, a customer tenant’s administrator — with one role.',
  tenantIdLabel: 'Tenant ID',
  countryLabel: 'Tenant country (ISO code, e.g. DE)',
  emailLabel: 'Email',
  roleLabel: 'Role',
  otherButton: 'Continue as this user',
  signOutHeading: 'Sign out',
  signOutText: 'Ends the local session on this browser.',
  signOutButton: 'Sign out',
};
export const pages = { customerInvitationView: customerInvitationViewPage, customerInvitationAccepted: customerInvitationAcceptedPage, customerInvitationDeclined: customerInvitationDeclinedPage, customerInvitationRefused: customerInvitationRefusedPage, verifyConfirm: verifyConfirmPage, verifyDone: verifyDonePage, linkNeutral: linkNeutralPage, invitationView: invitationViewPage, invitationAccepted: invitationAcceptedPage, invitationDeclined: invitationDeclinedPage, invitationRefused: invitationRefusedPage, localSignIn: localSignInPage };

/** The whole catalogue. */
export const en = { meta, common, fields, emails, pages };

/** The shape every catalogue has: the English one's (GEN-2). */
export type Catalogue = typeof en;
