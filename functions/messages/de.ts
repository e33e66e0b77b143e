import type { Catalogue } from './en.js';

/**
 * German message catalogue (GEN-2), in the vocabulary of the German Partner Center
 * articles: indirekter Anbieter, indirekter Vertriebspartner, Hauptansprechpartner,
 * Geschäftskonto, „Indirekten Anbieter autorisieren“.
 */

export const meta: Catalogue['meta'] = {
  dateLocale: 'de-DE',
  programName: 'Partnerprogramm',
};

export const common: Catalogue['common'] = {
  customerRelations: {
    intro: 'Wenn Ihr Unternehmen annimmt, werden diese Partner mit ihm verbunden:',
    asReseller: (p) => `${p.name} als Ihr Vertriebspartner: betreut Ihre Abonnements und kauft sie für Sie über seinen Anbieter`,
    asProvider: (p) => `${p.name} als Ihr indirekter Anbieter: kann für Ihr Unternehmen Bestellungen aufgeben und Abonnements verwalten`,
    asDirectBill: (p) => `${p.name} als Ihr Partner: kann für Ihr Unternehmen Bestellungen aufgeben und Abonnements verwalten und stellt Ihnen direkt Rechnungen`,
    delegatedAdmin: (p) => `${p.partnerName} bittet außerdem um Administratorzugriff auf das Geschäftskonto Ihres Unternehmens (delegierte Administration).`,
    noDelegatedAdmin: 'Kein Partner erhält Administratorzugriff auf das Geschäftskonto Ihres Unternehmens.',
  },
  greeting: (p) => `Hallo ${p.name},`,
  greetingNoName: 'Guten Tag,',
  signOff: 'Freundliche Grüße',
  team: 'Ihr Team des Partnerprogramms',
  automated: 'Diese E-Mail wurde automatisch versendet. Antworten darauf werden nicht gelesen.',
  linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  footer: {
    operatedBy: (p: { operatorName: string }) => `Betrieben von ${p.operatorName}`,
    support: 'Hilfe und Support',
    privacy: 'Datenschutzhinweise',
    questions: 'Fragen? Wenden Sie sich an den Support:',
  },
  portalAction: 'Partnerportal öffnen',
  statements: {
    signedUp: (p) => `Sie sich für ein Partnerkonto für ${p.companyName} registriert haben und`,
    addressBelongs: (p) => `diese E-Mail-Adresse zu ${p.companyName} gehört.`,
  },
  grants: {
    intro: (p) =>
      `Wenn Sie ${p.providerName} als Ihren indirekten Anbieter autorisieren, gestatten Sie ihm,`,
    placeOrders: 'im Namen Ihrer Kunden Aufträge zu übermitteln,',
    addSubscriptions: 'Abonnements für Ihre Kunden hinzuzufügen und',
    delegatedAdmin: 'als Administrator auf das Geschäftskonto Ihres Unternehmens zuzugreifen (delegierte Administratorrechte).',
  },
  reasonsHeading: 'Angegebene Gründe:',
  fieldsHeading: 'Bitte aktualisieren Sie diese Angaben im Partnerportal:',
  deadline: (p) => `Bitte nehmen Sie die Änderungen bis ${p.deadline} vor.`,
};

export const fields: Catalogue['fields'] = {
  partnerId: 'Partner-ID',
  'company.legalName': 'Offizieller Firmenname',
  'company.address.line1': 'Adresse',
  'company.address.line2': 'Adresse (Zeile 2)',
  'company.address.city': 'Ort',
  'company.address.region': 'Bundesland oder Provinz',
  'company.address.postalCode': 'Postleitzahl',
  'company.address.country': 'Land',
  'primaryContact.firstName': 'Hauptansprechpartner: Vorname',
  'primaryContact.lastName': 'Hauptansprechpartner: Nachname',
  'primaryContact.email': 'Hauptansprechpartner: E-Mail-Adresse',
  'primaryContact.phone': 'Hauptansprechpartner: Telefonnummer',
  'supportContact.email': 'Kundensupport: E-Mail-Adresse',
  'supportContact.phone': 'Kundensupport: Telefonnummer',
  'supportContact.website': 'Kundensupport: Website',
};

export const customerInvitation: Catalogue['emails']['customerInvitation'] = {
  subject: (p) =>
    p.customerName ? `${p.partnerName} lädt ${p.customerName} ein, es als Partner zu autorisieren` : `${p.partnerName} lädt Ihr Unternehmen ein, es als Partner zu autorisieren`,
  intro: (p) =>
    `${p.partnerName}, ein Partner des Programms in der Region ${p.partnerRegionName}, möchte für Ihr Unternehmen einkaufen und seine Abonnements betreuen.`,
  noteHeading: (p) => `Persönliche Nachricht von ${p.partnerName}:`,
  requirements: 'Um zu antworten, melden Sie sich mit dem Geschäftskonto Ihres Unternehmens als globaler Administrator an.',
  action: 'Einladung ansehen',
  validity: (p) => `Der Link funktioniert einmal und bis ${p.expiresAt}.`,
  notExpected: (p) =>
    `Wenn Sie ${p.partnerName} nicht kennen oder nicht mit ihm zusammenarbeiten möchten, ignorieren Sie diese E-Mail oder lehnen Sie die Einladung ab.`,
};
export const customerInvitationReminder: Catalogue['emails']['customerInvitationReminder'] = {
  subject: (p) => `Erinnerung ${p.reminderNumber}: ${p.partnerName} wartet auf Ihre Antwort`,
  intro: (p) =>
    `${p.partnerName}, ein Partner des Programms in der Region ${p.partnerRegionName}, hat Ihr Unternehmen zur Zusammenarbeit eingeladen. Wir haben Ihre Antwort noch nicht erhalten.`,
};
export const customerAccepted: Catalogue['emails']['customerAccepted'] = {
  subject: (p) => `${p.customerName} hat Sie als Partner autorisiert`,
  partnerBody: (p) => `${p.customerName} hat Ihre Einladung angenommen und erscheint jetzt in Ihrer Kundenliste.`,
  providerBody: (p) =>
    `${p.customerName} hat die Einladung von ${p.partnerName} angenommen und Sie als indirekten Anbieter autorisiert. Der Kunde erscheint jetzt in Ihrer Kundenliste, verbunden mit ${p.partnerName}.`,
  delegatedAdmin: 'Der Kunde hat außerdem delegierten Administratorzugriff auf sein Geschäftskonto gewährt.',
  ordersNext: 'Sie können jetzt Bestellungen für diesen Kunden aufgeben.',
  resellerNext: (p) => `${p.providerName} kann jetzt Bestellungen für diesen Kunden aufgeben.`,
};
export const verification: Catalogue['emails']['verification'] = {
  subject: (p) => `Bitte bestätigen Sie Ihre E-Mail-Adresse für die Registrierung von ${p.companyName}`,
  intro: (p) =>
    `${p.requestedBy} hat ${p.companyName} als indirekten Vertriebspartner im Partnerprogramm registriert und Sie als Hauptansprechpartner angegeben.`,
  ask: 'Aus Sicherheits- und Datenschutzgründen bitten wir Sie zu bestätigen, dass',
  action: 'E-Mail-Adresse bestätigen',
  validity: (p) =>
    `Der Link kann einmal verwendet werden und ist bis ${p.expiresAt} gültig. Das Öffnen allein ändert nichts: Sie bestätigen erst auf der Seite, die sich öffnet.`,
  afterConfirm:
    'Sobald Sie bestätigt haben, beginnen wir mit der Prüfung Ihrer Unternehmensangaben und halten Sie per E-Mail auf dem Laufenden.',
  notYou: (p) =>
    `Wenn Sie sich nicht registriert haben oder diese Adresse nicht zu ${p.companyName} gehört, ignorieren Sie diese E-Mail. Es wird nichts bestätigt, und die Registrierung läuft von selbst ab.`,
};
export const verificationReminder: Catalogue['emails']['verificationReminder'] = {
  subject: (p) =>
    `Erinnerung ${p.reminderNumber}: Bitte bestätigen Sie Ihre E-Mail-Adresse für ${p.companyName}`,
  intro: (p) =>
    `Wir haben Ihre Bestätigung noch nicht erhalten. ${p.requestedBy} hat ${p.companyName} als indirekten Vertriebspartner im Partnerprogramm registriert und Sie als Hauptansprechpartner angegeben.`,
};
export const status: Catalogue['emails']['status'] = {
  subject: {
    under_review: (p) => `Wir prüfen die Registrierung von ${p.companyName}`,
    more_info_needed: (p) => `Weitere Angaben zur Registrierung von ${p.companyName} erforderlich`,
    approved: (p) => `Die Registrierung von ${p.companyName} wurde genehmigt`,
    rejected: (p) => `Die Registrierung von ${p.companyName} konnte nicht genehmigt werden`,
    active: (p) => `Das Partnerkonto von ${p.companyName} ist aktiv`,
    expired: (p) => `Die Registrierung von ${p.companyName} ist abgelaufen`,
  },
  underReview: (p) =>
    `Vielen Dank, dass Sie Ihre E-Mail-Adresse bestätigt haben. Wir prüfen jetzt die Angaben zu ${p.companyName}. Das kann einige Tage dauern; wir informieren Sie per E-Mail, sobald die Prüfung abgeschlossen ist.`,
  moreInfoNeeded: (p) =>
    `Um die Prüfung der Registrierung von ${p.companyName} abzuschließen, benötigen wir weitere Angaben.`,
  moreInfoNext: 'Sobald Sie die Änderungen gespeichert haben, prüfen wir die Registrierung erneut.',
  approved: (p) => `Gute Nachrichten: Wir haben die Unternehmensangaben von ${p.companyName} genehmigt.`,
  agreementMissing:
    'Ein Schritt fehlt noch: Ein globaler Administrator Ihres Unternehmens muss die Partnervereinbarung im Partnerportal akzeptieren. Ihr Konto wird aktiv, sobald die Vereinbarung akzeptiert ist.',
  agreementAccepted:
    'Ihr Unternehmen hat die Partnervereinbarung bereits akzeptiert, Sie müssen also nichts weiter tun.',
  rejected: (p) => `Leider konnten wir die Registrierung von ${p.companyName} nicht genehmigen.`,
  rejectedNext:
    'Sobald die Gründe behoben sind, kann ein globaler Administrator Ihres Unternehmens eine neue Registrierung starten.',
  active: (p) =>
    `Das Partnerkonto von ${p.companyName} ist jetzt aktiv. Ihr Unternehmen kann im Programm Geschäfte tätigen: Indirekte Anbieter können Ihnen Partnerschaftsanfragen senden, und Sie können sie autorisieren.`,
  expired: (p) =>
    `Die Registrierung von ${p.companyName} ist abgelaufen, weil sie nicht rechtzeitig abgeschlossen wurde. Sie wird nicht weiter bearbeitet.`,
  expiredNext: 'Ein globaler Administrator Ihres Unternehmens kann jederzeit eine neue Registrierung starten.',
};
export const agreementReminder: Catalogue['emails']['agreementReminder'] = {
  subject: (p) => `Aktion erforderlich: Partnervereinbarung für ${p.companyName} akzeptieren`,
  intro: (p) =>
    `${p.companyName} hat die „${p.agreementTitle}“ noch nicht akzeptiert. Bis dahin kann Ihr Unternehmen im Programm keine neuen Geschäfte tätigen.`,
  who: 'Nur ein globaler Administrator Ihres Unternehmens kann die Vereinbarung akzeptieren. Wenn Sie das nicht sind, leiten Sie diese E-Mail bitte an einen globalen Administrator weiter.',
  readAction: 'Vereinbarung lesen',
  acceptAction: 'Im Partnerportal akzeptieren',
};
export const moreInfoReminder: Catalogue['emails']['moreInfoReminder'] = {
  subject: (p) => `Erinnerung: Wir benötigen noch Angaben zu ${p.companyName}`,
  intro: (p) =>
    `Um die Prüfung der Registrierung von ${p.companyName} abzuschließen, warten wir noch auf einige Angaben.`,
};
export const contactUndeliverable: Catalogue['emails']['contactUndeliverable'] = {
  subject: (p) => `Wir konnten den Hauptansprechpartner von ${p.companyName} nicht erreichen`,
  bounce: (p) => `Die Bestätigungs-E-Mail an ${p.contactEmail} konnte nicht zugestellt werden.`,
  complaint: (p) => `Die Bestätigungs-E-Mail an ${p.contactEmail} wurde als unerwünscht gemeldet.`,
  stopped:
    'Wir senden keine Erinnerungen mehr an diese Adresse. Die Registrierung kann erst fortgesetzt werden, wenn ein Hauptansprechpartner bestätigt.',
  next: 'Bitte ändern Sie den Hauptansprechpartner im Partnerportal und geben Sie eine geschäftliche E-Mail-Adresse Ihres Unternehmens an. Wir senden dann eine neue Bestätigungs-E-Mail an den neuen Ansprechpartner.',
};
export const invitation: Catalogue['emails']['invitation'] = {
  subject: (p) => `Einladung: ${p.providerName} als Ihren indirekten Anbieter autorisieren`,
  intro: (p) =>
    `${p.providerName}, ein indirekter Anbieter in der Region ${p.providerRegionName}, möchte mit Ihrem Unternehmen als indirektem Vertriebspartner zusammenarbeiten.`,
  noteHeading: (p) => `Persönliche Nachricht von ${p.providerName}:`,
  requirements:
    'Um zu antworten, melden Sie sich mit Ihrem Geschäftskonto als globaler Administrator oder Administrator-Agent an. Ihr Unternehmen muss als indirekter Vertriebspartner in derselben Region registriert sein.',
  action: 'Einladung ansehen',
  validity: (p) => `Der Link kann einmal verwendet werden und ist bis ${p.expiresAt} gültig.`,
  notExpected: (p) =>
    `Wenn Sie ${p.providerName} nicht kennen oder nicht zusammenarbeiten möchten, ignorieren Sie diese E-Mail oder lehnen Sie die Einladung ab.`,
};
export const invitationReminder: Catalogue['emails']['invitationReminder'] = {
  subject: (p) => `Erinnerung ${p.reminderNumber}: ${p.providerName} wartet auf Ihre Antwort`,
  intro: (p) =>
    `${p.providerName}, ein indirekter Anbieter in der Region ${p.providerRegionName}, hat Ihr Unternehmen eingeladen, als indirekter Vertriebspartner mit ihm zusammenzuarbeiten. Wir haben noch keine Antwort von Ihnen erhalten.`,
};
export const accepted: Catalogue['emails']['accepted'] = {
  providerSubject: (p) => `${p.resellerName} hat Sie als indirekten Anbieter autorisiert`,
  providerBody: (p) =>
    `${p.resellerName} hat Ihre Partnerschaftsanfrage angenommen und wird jetzt in Ihrer Liste der indirekten Vertriebspartner angezeigt.`,
  providerNext:
    'Sie können jetzt in seinem Namen neue Kunden hinzufügen und Aufträge für seine Kunden übermitteln. Neue Geschäfte in seinem Namen, etwa die Angabe seiner Partner-ID bei einem Abonnement, setzen außerdem voraus, dass er die Partnervereinbarung akzeptiert hat.',
  resellerSubject: (p) => `Sie haben ${p.providerName} als indirekten Anbieter autorisiert`,
  resellerBody: (p) =>
    `${p.providerName} ist jetzt Ihr indirekter Anbieter und wird in Ihrer Liste der indirekten Anbieter angezeigt. Er kann jetzt:`,
  resellerNext: 'Um die Partnerschaft zu beenden, wenden Sie sich an den Support des Programms.',
};
export const orderConfirmation: Catalogue['emails']['orderConfirmation'] = {
  subject: (p) => `Auftrag ${p.orderId} für ${p.customerName} ist abgeschlossen`,
  customerIntro: (p) => `${p.partnerName} hat diese Abonnements für Ihre Organisation bestellt. Sie sind jetzt aktiv:`,
  resellerIntro: (p) => `${p.partnerName} hat diese Abonnements für Ihren Kunden ${p.customerName} bestellt. Sie sind jetzt aktiv:`,
  line: (p) => `${p.quantity} × ${p.offerName} (Abonnement ${p.subscriptionId})`,
  customerNext: (p) => `Für Änderungen oder Support wenden Sie sich an ${p.partnerName} oder an den Supportkontakt des jeweiligen Abonnements.`,
  resellerNext: 'Als Vertriebspartner des Kunden sehen Sie diese Abonnements im Partnerportal.',
};
export const resellerAgreementReminder: Catalogue['emails']['resellerAgreementReminder'] = {
  subject: (p) => `${p.providerName} bittet Sie, die Partnervereinbarung zu akzeptieren`,
  intro: (p) => `${p.providerName}, der indirekte Anbieter von ${p.resellerName}, erinnert Sie daran, dass Ihr Unternehmen die Partnervereinbarung noch nicht akzeptiert hat.`,
  why: (p) => `Bis dahin kann ${p.providerName} keine neuen Geschäfte mit Ihnen abschließen, etwa Ihre Partner-ID bei den Abonnements Ihrer Kunden angeben.`,
  who: 'Nur ein globaler Administrator Ihres Unternehmens kann die Vereinbarung im Partnerportal akzeptieren.',
  readAction: 'Partnervereinbarung lesen',
  acceptAction: 'Im Partnerportal akzeptieren',
};

export const emails: Catalogue['emails'] = { customerInvitation, customerInvitationReminder, customerAccepted, verification, verificationReminder, status, agreementReminder, moreInfoReminder, contactUndeliverable, invitation, invitationReminder, accepted, orderConfirmation, resellerAgreementReminder };
export const enrollmentEmails: Pick<Catalogue['emails'], 'verification' | 'verificationReminder' | 'status' | 'agreementReminder' | 'moreInfoReminder' | 'contactUndeliverable'> = { verification, verificationReminder, status, agreementReminder, moreInfoReminder, contactUndeliverable };
export const partnershipEmails: Pick<Catalogue['emails'], 'invitation' | 'invitationReminder' | 'accepted'> = { invitation, invitationReminder, accepted };
export const customerEmails: Pick<Catalogue['emails'], 'customerInvitation' | 'customerInvitationReminder' | 'customerAccepted'> = { customerInvitation, customerInvitationReminder, customerAccepted };
export const orderEmails: Pick<Catalogue['emails'], 'orderConfirmation'> = { orderConfirmation };
export const relationshipEmails: Pick<Catalogue['emails'], 'resellerAgreementReminder'> = { resellerAgreementReminder };

export const customerInvitationViewPage: Catalogue['pages']['customerInvitationView'] = {
  title: (p) => `${p.partnerName} lädt Ihr Unternehmen ein, es als Partner zu autorisieren`,
  intro: (p) =>
    `${p.partnerName}, ein Partner des Programms in der Region ${p.partnerRegionName}, möchte für Ihr Unternehmen einkaufen und seine Abonnements betreuen.`,
  signInPrompt: 'Um zu antworten, melden Sie sich mit dem Geschäftskonto Ihres Unternehmens an. Sie müssen globaler Administrator Ihres Unternehmens sein.',
  signInButton: 'Anmelden',
  signedInAs: (p) => `Angemeldet als ${p.userEmail}.`,
  authorizeLabel: 'Ich autorisiere die oben genannten Partner für unser Unternehmen und gewähre ihnen das Beschriebene.',
  authorizeButton: 'Partner autorisieren',
  declineHeading: 'Kein Interesse?',
  declineText: (p) => `Wenn Sie nicht mit ${p.partnerName} zusammenarbeiten möchten, lehnen Sie die Einladung ab.`,
  declineButton: 'Einladung ablehnen',
};
export const customerInvitationAcceptedPage: Catalogue['pages']['customerInvitationAccepted'] = {
  title: 'Partner autorisiert',
  body: (p) => `${p.partnerName} ist jetzt Partner Ihres Unternehmens.`,
  next: 'Ihre Partner können jetzt Bestellungen für Ihr Unternehmen aufgeben. Ihre Administratoren behalten die volle Kontrolle über Ihr Geschäftskonto.',
};
export const customerInvitationDeclinedPage: Catalogue['pages']['customerInvitationDeclined'] = {
  title: 'Einladung abgelehnt',
  body: (p) => `Sie haben die Einladung von ${p.partnerName} abgelehnt.`,
  next: (p) => `Wenn Sie es sich anders überlegen, bitten Sie ${p.partnerName} um eine neue Einladung.`,
};
export const customerInvitationRefusedPage: Catalogue['pages']['customerInvitationRefused'] = {
  title: 'Wir konnten diese Einladung nicht annehmen',
  nextHeading: 'Was Sie tun können',
  wrong_role: {
    body: 'Nur ein globaler Administrator Ihres Unternehmens kann Partner autorisieren.',
    next: 'Bitten Sie einen globalen Administrator Ihres Unternehmens, den Einladungslink zu öffnen.',
  },
  wrong_region: {
    body: (p) =>
      `Ihr Unternehmen liegt in einer anderen Region als ${p.partnerName ?? 'dieser Partner'}. Ein Partner darf nur an Kunden in seiner eigenen Region verkaufen.`,
    next: 'Arbeiten Sie mit einem Partner in Ihrer Region zusammen.',
  },
  program_tenant: {
    body: 'Sie sind mit dem Geschäftskonto eines Partners des Programms angemeldet. Das eigene Konto eines Partners kann nie ein Kundenkonto sein.',
    next: 'Verwenden Sie für eigene Einkäufe ein separates Kundenkonto, oder bitten Sie einen Administrator des eingeladenen Unternehmens, den Link zu öffnen.',
  },
  not_authorized_checkbox: {
    body: 'Um die Partner zu autorisieren, müssen Sie das Kästchen zur Autorisierung ankreuzen.',
    next: 'Gehen Sie zurück, kreuzen Sie das Kästchen an und wählen Sie erneut „Partner autorisieren“.',
  },
};
export const verifyConfirmPage: Catalogue['pages']['verifyConfirm'] = {
  title: 'E-Mail-Adresse bestätigen',
  intro: (p) =>
    `Hallo ${p.contactName}, ${p.requestedBy} hat ${p.companyName} im Partnerprogramm registriert und Sie als Hauptansprechpartner angegeben.`,
  ask: 'Mit „Bestätigen“ bestätigen Sie, dass',
  button: 'Bestätigen',
  validity: (p) => `Dieser Link ist bis ${p.expiresAt} gültig.`,
  notYou: (p) =>
    `Wenn Sie sich nicht registriert haben oder diese Adresse nicht zu ${p.companyName} gehört, schließen Sie einfach diese Seite. Ohne „Bestätigen“ wird nichts bestätigt.`,
};
export const verifyDonePage: Catalogue['pages']['verifyDone'] = {
  title: 'Vielen Dank: Ihre E-Mail-Adresse ist bestätigt',
  body: (p) =>
    `Sie haben bestätigt, dass Sie sich für ${p.companyName} registriert haben und dass diese E-Mail-Adresse zum Unternehmen gehört.`,
  nextHeading: 'Wie es weitergeht',
  vetting: 'Wir prüfen Ihre Unternehmensangaben. Das kann einige Tage dauern.',
  agreement:
    'Ein globaler Administrator Ihres Unternehmens akzeptiert die Partnervereinbarung im Partnerportal. Das ist schon jetzt möglich, während wir die Angaben prüfen.',
  emails: 'Wir informieren Sie per E-Mail über jede Änderung des Registrierungsstatus.',
  close: 'Sie können diese Seite jetzt schließen.',
};
export const linkNeutralPage: Catalogue['pages']['linkNeutral'] = {
  title: 'Dieser Link ist nicht mehr gültig',
  body: 'Der geöffnete Link wurde bereits verwendet, ist abgelaufen oder unvollständig.',
  next: 'Falls noch etwas zu tun ist, bitten Sie die Person, die Ihr Unternehmen registriert oder Ihnen die Einladung gesendet hat, um einen neuen Link.',
  copyHint: 'Wenn Sie den Link aus einer E-Mail kopiert haben, prüfen Sie, ob Sie ihn vollständig kopiert haben.',
};
export const invitationViewPage: Catalogue['pages']['invitationView'] = {
  title: (p) => `Einladung: ${p.providerName} als Ihren indirekten Anbieter autorisieren`,
  intro: (p) =>
    `${p.providerName}, ein indirekter Anbieter in der Region ${p.providerRegionName}, möchte mit Ihrem Unternehmen als indirektem Vertriebspartner zusammenarbeiten.`,
  signInPrompt:
    'Um zu antworten, melden Sie sich mit Ihrem Geschäftskonto an. Sie müssen globaler Administrator oder Administrator-Agent eines Unternehmens sein, das als indirekter Vertriebspartner registriert ist.',
  signInButton: 'Anmelden',
  signedInAs: (p) =>
    p.tenantName ? `Angemeldet als ${p.userEmail} (${p.tenantName}).` : `Angemeldet als ${p.userEmail}.`,
  authorizeLabel: (p) =>
    `Ich autorisiere ${p.providerName} als unseren indirekten Anbieter und erteile die oben genannten Berechtigungen.`,
  authorizeButton: 'Indirekten Anbieter autorisieren',
  declineHeading: 'Kein Interesse?',
  declineText: (p) => `Wenn Sie nicht mit ${p.providerName} zusammenarbeiten möchten, lehnen Sie die Einladung ab.`,
  declineButton: 'Einladung ablehnen',
  messageHeading: (p) => `Nachricht von ${p.providerName}:`,
  switchUser: 'Nicht Sie oder das falsche Konto? Abmelden oder Benutzer wechseln',
};
export const invitationAcceptedPage: Catalogue['pages']['invitationAccepted'] = {
  title: 'Indirekter Anbieter autorisiert',
  body: (p) =>
    `${p.providerName} ist jetzt Ihr indirekter Anbieter und wird in Ihrer Liste der indirekten Anbieter angezeigt.`,
  grantsIntro: 'Er darf jetzt:',
  next: 'Um die Partnerschaft später zu beenden, wenden Sie sich an den Support des Programms.',
};
export const invitationDeclinedPage: Catalogue['pages']['invitationDeclined'] = {
  title: 'Einladung abgelehnt',
  body: (p) => `Sie haben die Einladung von ${p.providerName} abgelehnt.`,
  next: (p) => `Falls Sie es sich anders überlegen, bitten Sie ${p.providerName} um eine neue Einladung.`,
};
export const invitationRefusedPage: Catalogue['pages']['invitationRefused'] = {
  title: 'Wir konnten diese Einladung nicht annehmen',
  nextHeading: 'Was Sie tun können',
  switchUser: 'Mit dem falschen Konto angemeldet? Abmelden oder Benutzer wechseln',
  wrong_region: {
    body: (p) =>
      `Ihr Unternehmen befindet sich in einer anderen Region als ${p.providerName ?? 'dieser indirekte Anbieter'}. Ein indirekter Anbieter und seine indirekten Vertriebspartner müssen sich in derselben Region befinden; maßgeblich ist Ihr offizieller Geschäftsstandort.`,
    next: 'Arbeiten Sie mit einem indirekten Anbieter in Ihrer Region zusammen. Ist Ihre Geschäftsadresse falsch, kann ein globaler Administrator sie im Partnerportal korrigieren.',
  },
  not_enrolled: {
    body: (p) =>
      `Ihr Unternehmen ist noch nicht als indirekter Vertriebspartner registriert und kann ${p.providerName ?? 'diesen indirekten Anbieter'} daher noch nicht autorisieren.`,
    next: 'Bitten Sie einen globalen Administrator Ihres Unternehmens, es als indirekten Vertriebspartner zu registrieren. Öffnen Sie danach den Einladungslink erneut, solange er gültig ist, oder bitten Sie den Anbieter um einen neuen.',
  },
  wrong_role: {
    body: (p) =>
      `Nur ein globaler Administrator oder Administrator-Agent Ihres Unternehmens kann ${p.providerName ?? 'einen indirekten Anbieter'} autorisieren.`,
    next: 'Bitten Sie eine Kollegin oder einen Kollegen mit einer dieser Rollen, den Einladungslink zu öffnen, oder lassen Sie sich von einem globalen Administrator die Rolle Administrator-Agent zuweisen.',
  },
  already_partnered: {
    body: (p) =>
      `Ihr Unternehmen hat ${p.providerName ?? 'diesen indirekten Anbieter'} bereits als indirekten Anbieter autorisiert.`,
    next: 'Sie müssen nichts weiter tun. Sie finden ihn in Ihrer Liste der indirekten Anbieter.',
  },
  not_authorized_checkbox: {
    body: (p) => `Um ${p.providerName ?? 'den indirekten Anbieter'} zu autorisieren, müssen Sie das Kontrollkästchen aktivieren.`,
    next: 'Gehen Sie zurück, aktivieren Sie das Kontrollkästchen und wählen Sie erneut „Indirekten Anbieter autorisieren“.',
  },
};
export const localSignInPage: Catalogue['pages']['localSignIn'] = {
  title: 'Anmelden (lokale Demo)',
  intro: 'Diese Seite gibt es nur in der lokalen Umgebung. Wählen Sie einen Demo-Benutzer oder melden Sie sich als beliebiger Benutzer an, indem Sie Mandant, Land, E-Mail und Rolle eingeben.',
  legend: 'Demo-Benutzer',
  button: 'Weiter',
  noUsers: 'Es sind keine Demo-Benutzer geladen.',
  otherHeading: 'Ein anderer Benutzer',
  otherIntro: 'Ein beliebiger Mandant – ein frisch registrierter Reseller, der Administrator eines Kundenmandanten – mit einer Rolle.',
  tenantIdLabel: 'Mandanten-ID',
  countryLabel: 'Land des Mandanten (ISO-Code, z. B. DE)',
  emailLabel: 'E-Mail',
  roleLabel: 'Rolle',
  otherButton: 'Als dieser Benutzer fortfahren',
  signOutHeading: 'Abmelden',
  signOutText: 'Beendet die lokale Sitzung in diesem Browser.',
  signOutButton: 'Abmelden',
};
export const pages: Catalogue['pages'] = { customerInvitationView: customerInvitationViewPage, customerInvitationAccepted: customerInvitationAcceptedPage, customerInvitationDeclined: customerInvitationDeclinedPage, customerInvitationRefused: customerInvitationRefusedPage, verifyConfirm: verifyConfirmPage, verifyDone: verifyDonePage, linkNeutral: linkNeutralPage, invitationView: invitationViewPage, invitationAccepted: invitationAcceptedPage, invitationDeclined: invitationDeclinedPage, invitationRefused: invitationRefusedPage, localSignIn: localSignInPage };

/** The whole catalogue. */
export const de: Catalogue = { meta, common, fields, emails, pages };
