import type { Catalogue } from './en.js';

/**
 * Dutch message catalogue (GEN-2), in the vocabulary of the Dutch Partner Center
 * articles: indirecte provider, indirecte reseller, partnerovereenkomst, werkaccount,
 * 'Indirecte provider autoriseren'.
 */

export const meta: Catalogue['meta'] = {
  dateLocale: 'nl-NL',
  programName: 'Partnerprogramma',
};

export const common: Catalogue['common'] = {
  customerRelations: {
    intro: 'Als uw bedrijf accepteert, worden deze partners eraan gekoppeld:',
    asReseller: (p) => `${p.name} als uw reseller: beheert uw abonnementen en koopt ze voor u via zijn provider`,
    asProvider: (p) => `${p.name} als uw indirecte provider: kan bestellingen plaatsen en abonnementen beheren voor uw bedrijf`,
    asDirectBill: (p) => `${p.name} als uw partner: kan bestellingen plaatsen en abonnementen beheren voor uw bedrijf en factureert u rechtstreeks`,
    delegatedAdmin: (p) => `${p.partnerName} vraagt ook beheerderstoegang tot het werkaccount van uw bedrijf (gedelegeerd beheer).`,
    noDelegatedAdmin: 'Geen enkele partner krijgt beheerderstoegang tot het werkaccount van uw bedrijf.',
  },
  greeting: (p) => `Beste ${p.name},`,
  greetingNoName: 'Geachte heer/mevrouw,',
  signOff: 'Met vriendelijke groet,',
  team: 'Het team van het partnerprogramma',
  automated: 'Deze e-mail is automatisch verzonden. Antwoorden hierop worden niet gelezen.',
  linkFallback: 'Werkt de knop niet? Kopieer dan deze link naar uw browser:',
  footer: {
    operatedBy: (p: { operatorName: string }) => `Beheerd door ${p.operatorName}`,
    support: 'Ondersteuning',
    privacy: 'Privacyverklaring',
    questions: 'Vragen? Neem contact op met ondersteuning:',
  },
  portalAction: 'Partnerportal openen',
  statements: {
    signedUp: (p) => `u zich hebt aangemeld voor een partneraccount voor ${p.companyName}, en dat`,
    addressBelongs: (p) => `dit e-mailadres van ${p.companyName} is.`,
  },
  grants: {
    intro: (p) =>
      `Als u ${p.providerName} autoriseert als uw indirecte provider, staat u deze provider toe om:`,
    placeOrders: 'bestellingen te plaatsen namens uw klanten,',
    addSubscriptions: 'abonnementen toe te voegen voor uw klanten, en',
    delegatedAdmin: 'als beheerder toegang te krijgen tot het werkaccount van uw bedrijf (gedelegeerde beheerder).',
  },
  reasonsHeading: 'Opgegeven redenen:',
  fieldsHeading: 'Werk deze gegevens bij in de partnerportal:',
  deadline: (p) => `Breng de wijzigingen uiterlijk ${p.deadline} aan.`,
};

export const fields: Catalogue['fields'] = {
  partnerId: 'Partner-id',
  'company.legalName': 'Juridische bedrijfsnaam',
  'company.address.line1': 'Adres',
  'company.address.line2': 'Adres (regel 2)',
  'company.address.city': 'Plaats',
  'company.address.region': 'Provincie of staat',
  'company.address.postalCode': 'Postcode',
  'company.address.country': 'Land',
  'primaryContact.firstName': 'Primaire contactpersoon: voornaam',
  'primaryContact.lastName': 'Primaire contactpersoon: achternaam',
  'primaryContact.email': 'Primaire contactpersoon: e-mailadres',
  'primaryContact.phone': 'Primaire contactpersoon: telefoonnummer',
  'supportContact.email': 'Klantondersteuning: e-mailadres',
  'supportContact.phone': 'Klantondersteuning: telefoonnummer',
  'supportContact.website': 'Klantondersteuning: website',
};

export const customerInvitation: Catalogue['emails']['customerInvitation'] = {
  subject: (p) =>
    p.customerName ? `${p.partnerName} nodigt ${p.customerName} uit om het als partner te machtigen` : `${p.partnerName} nodigt uw bedrijf uit om het als partner te machtigen`,
  intro: (p) =>
    `${p.partnerName}, een partner van het programma in de regio ${p.partnerRegionName}, wil voor uw bedrijf inkopen en de abonnementen ervan beheren.`,
  noteHeading: (p) => `Persoonlijk bericht van ${p.partnerName}:`,
  requirements: 'Om te reageren, meldt u zich aan met het werkaccount van uw bedrijf als globale beheerder.',
  action: 'Uitnodiging bekijken',
  validity: (p) => `De link werkt één keer en tot ${p.expiresAt}.`,
  notExpected: (p) =>
    `Als u ${p.partnerName} niet kent of niet wilt samenwerken, negeer dan deze e-mail of wijs de uitnodiging af.`,
};
export const customerInvitationReminder: Catalogue['emails']['customerInvitationReminder'] = {
  subject: (p) => `Herinnering ${p.reminderNumber}: ${p.partnerName} wacht op uw antwoord`,
  intro: (p) =>
    `${p.partnerName}, een partner van het programma in de regio ${p.partnerRegionName}, heeft uw bedrijf uitgenodigd om samen te werken. We hebben uw antwoord nog niet ontvangen.`,
};
export const customerAccepted: Catalogue['emails']['customerAccepted'] = {
  subject: (p) => `${p.customerName} heeft u als partner gemachtigd`,
  partnerBody: (p) => `${p.customerName} heeft uw uitnodiging geaccepteerd en staat nu in uw klantenlijst.`,
  providerBody: (p) =>
    `${p.customerName} heeft de uitnodiging van ${p.partnerName} geaccepteerd en u als indirecte provider gemachtigd. De klant staat nu in uw klantenlijst, gekoppeld aan ${p.partnerName}.`,
  delegatedAdmin: 'De klant heeft ook gedelegeerde beheerderstoegang tot zijn werkaccount verleend.',
  ordersNext: 'U kunt nu bestellingen plaatsen voor deze klant.',
  resellerNext: (p) => `${p.providerName} kan nu bestellingen plaatsen voor deze klant.`,
};
export const verification: Catalogue['emails']['verification'] = {
  subject: (p) => `Bevestig uw e-mailadres voor de inschrijving van ${p.companyName}`,
  intro: (p) =>
    `${p.requestedBy} heeft ${p.companyName} als indirecte reseller ingeschreven in het partnerprogramma en u opgegeven als primaire contactpersoon.`,
  ask: 'Om veiligheids- en privacyredenen vragen we u te bevestigen dat',
  action: 'E-mailadres bevestigen',
  validity: (p) =>
    `De link werkt één keer en is geldig tot ${p.expiresAt}. Het openen van de link verandert niets: u bevestigt op de pagina die wordt geopend.`,
  afterConfirm:
    'Zodra u hebt bevestigd, controleren we uw bedrijfsgegevens en houden we u per e-mail op de hoogte.',
  notYou: (p) =>
    `Hebt u zich niet aangemeld, of is dit adres niet van ${p.companyName}? Negeer dan deze e-mail. Er wordt niets bevestigd en de inschrijving verloopt vanzelf.`,
};
export const verificationReminder: Catalogue['emails']['verificationReminder'] = {
  subject: (p) => `Herinnering ${p.reminderNumber}: bevestig uw e-mailadres voor ${p.companyName}`,
  intro: (p) =>
    `We hebben uw bevestiging nog niet ontvangen. ${p.requestedBy} heeft ${p.companyName} als indirecte reseller ingeschreven in het partnerprogramma en u opgegeven als primaire contactpersoon.`,
};
export const status: Catalogue['emails']['status'] = {
  subject: {
    under_review: (p) => `We controleren de inschrijving van ${p.companyName}`,
    more_info_needed: (p) => `Meer informatie nodig voor de inschrijving van ${p.companyName}`,
    approved: (p) => `De inschrijving van ${p.companyName} is goedgekeurd`,
    rejected: (p) => `De inschrijving van ${p.companyName} kon niet worden goedgekeurd`,
    active: (p) => `Het partneraccount van ${p.companyName} is actief`,
    expired: (p) => `De inschrijving van ${p.companyName} is verlopen`,
  },
  underReview: (p) =>
    `Bedankt voor het bevestigen van uw e-mailadres. We controleren nu de gegevens van ${p.companyName}. Dit kan enkele dagen duren; we sturen u een e-mail zodra we klaar zijn.`,
  moreInfoNeeded: (p) =>
    `Om de controle van de inschrijving van ${p.companyName} af te ronden, hebben we meer informatie nodig.`,
  moreInfoNext: 'Zodra u de wijzigingen hebt opgeslagen, beoordelen we de inschrijving opnieuw.',
  approved: (p) => `Goed nieuws: we hebben de bedrijfsgegevens van ${p.companyName} goedgekeurd.`,
  agreementMissing:
    'Er is nog één stap: een globale beheerder van uw bedrijf moet de partnerovereenkomst accepteren in de partnerportal. Uw account wordt actief zodra de overeenkomst is geaccepteerd.',
  agreementAccepted: 'Uw bedrijf heeft de partnerovereenkomst al geaccepteerd, dus u hoeft verder niets te doen.',
  rejected: (p) => `Helaas konden we de inschrijving van ${p.companyName} niet goedkeuren.`,
  rejectedNext:
    'Zodra de redenen zijn opgelost, kan een globale beheerder van uw bedrijf een nieuwe inschrijving starten.',
  active: (p) =>
    `Het partneraccount van ${p.companyName} is nu actief. Uw bedrijf kan zakendoen in het programma: indirecte providers kunnen u partnerschapsaanvragen sturen en u kunt ze autoriseren.`,
  expired: (p) =>
    `De inschrijving van ${p.companyName} is verlopen omdat deze niet op tijd is voltooid. Ze wordt niet verder behandeld.`,
  expiredNext: 'Een globale beheerder van uw bedrijf kan op elk moment een nieuwe inschrijving starten.',
};
export const agreementReminder: Catalogue['emails']['agreementReminder'] = {
  subject: (p) => `Actie vereist: accepteer de partnerovereenkomst voor ${p.companyName}`,
  intro: (p) =>
    `${p.companyName} heeft de '${p.agreementTitle}' nog niet geaccepteerd. Tot dat gebeurt, kan uw bedrijf geen nieuwe zaken doen in het programma.`,
  who: 'Alleen een globale beheerder van uw bedrijf kan de overeenkomst accepteren. Bent u dat niet, stuur deze e-mail dan door naar een globale beheerder.',
  readAction: 'Overeenkomst lezen',
  acceptAction: 'Accepteren in de partnerportal',
};
export const moreInfoReminder: Catalogue['emails']['moreInfoReminder'] = {
  subject: (p) => `Herinnering: we hebben nog gegevens nodig over ${p.companyName}`,
  intro: (p) =>
    `We wachten nog op enkele gegevens om de controle van de inschrijving van ${p.companyName} af te ronden.`,
};
export const contactUndeliverable: Catalogue['emails']['contactUndeliverable'] = {
  subject: (p) => `We konden de primaire contactpersoon van ${p.companyName} niet bereiken`,
  bounce: (p) => `De verificatie-e-mail aan ${p.contactEmail} kon niet worden bezorgd.`,
  complaint: (p) => `De verificatie-e-mail aan ${p.contactEmail} is als ongewenst gemeld.`,
  stopped:
    'We sturen geen herinneringen meer naar dit adres. De inschrijving kan pas verder zodra een primaire contactpersoon heeft bevestigd.',
  next: 'Wijzig de primaire contactpersoon in de partnerportal in een zakelijk e-mailadres van uw bedrijf. We sturen dan een nieuwe verificatie-e-mail naar de nieuwe contactpersoon.',
};
export const invitation: Catalogue['emails']['invitation'] = {
  subject: (p) => `Uitnodiging: autoriseer ${p.providerName} als uw indirecte provider`,
  intro: (p) =>
    `${p.providerName}, een indirecte provider in de regio ${p.providerRegionName}, wil met uw bedrijf samenwerken als indirecte reseller.`,
  noteHeading: (p) => `Persoonlijk bericht van ${p.providerName}:`,
  requirements:
    'Meld u aan met uw werkaccount als globale beheerder of beheerdersagent om te reageren. Uw bedrijf moet zijn ingeschreven als indirecte reseller in dezelfde regio.',
  action: 'Uitnodiging bekijken',
  validity: (p) => `De link werkt één keer en is geldig tot ${p.expiresAt}.`,
  notExpected: (p) =>
    `Kent u ${p.providerName} niet of wilt u niet samenwerken? Negeer dan deze e-mail of wijs de uitnodiging af.`,
};
export const invitationReminder: Catalogue['emails']['invitationReminder'] = {
  subject: (p) => `Herinnering ${p.reminderNumber}: ${p.providerName} wacht op uw antwoord`,
  intro: (p) =>
    `${p.providerName}, een indirecte provider in de regio ${p.providerRegionName}, heeft uw bedrijf uitgenodigd om samen te werken als indirecte reseller. We hebben nog geen antwoord ontvangen.`,
};
export const accepted: Catalogue['emails']['accepted'] = {
  providerSubject: (p) => `${p.resellerName} heeft u geautoriseerd als indirecte provider`,
  providerBody: (p) =>
    `${p.resellerName} heeft uw partnerschapsaanvraag geaccepteerd en staat nu in uw lijst met indirecte resellers.`,
  providerNext:
    'U kunt nu namens deze reseller klanten toevoegen en bestellingen plaatsen voor de klanten van de reseller. Voor nieuwe zaken op naam van de reseller, zoals het vermelden van de partner-id bij een abonnement, moet de reseller bovendien de partnerovereenkomst hebben geaccepteerd.',
  resellerSubject: (p) => `U hebt ${p.providerName} geautoriseerd als indirecte provider`,
  resellerBody: (p) =>
    `${p.providerName} is nu uw indirecte provider en staat in uw lijst met indirecte providers. De provider kan nu:`,
  resellerNext: 'Neem contact op met de ondersteuning van het programma als u het partnerschap wilt beëindigen.',
};
export const orderConfirmation: Catalogue['emails']['orderConfirmation'] = {
  subject: (p) => `Bestelling ${p.orderId} voor ${p.customerName} is voltooid`,
  customerIntro: (p) => `${p.partnerName} heeft deze abonnementen voor uw organisatie besteld. Ze zijn nu actief:`,
  resellerIntro: (p) => `${p.partnerName} heeft deze abonnementen voor uw klant ${p.customerName} besteld. Ze zijn nu actief:`,
  line: (p) => `${p.quantity} × ${p.offerName} (abonnement ${p.subscriptionId})`,
  customerNext: (p) => `Neem voor wijzigingen of ondersteuning contact op met ${p.partnerName} of met het supportcontact van het betreffende abonnement.`,
  resellerNext: 'Als reseller van de klant ziet u deze abonnementen in het partnerportaal.',
};
export const resellerAgreementReminder: Catalogue['emails']['resellerAgreementReminder'] = {
  subject: (p) => `${p.providerName} vraagt u de partnerovereenkomst te accepteren`,
  intro: (p) => `${p.providerName}, de indirecte provider van ${p.resellerName}, herinnert u eraan dat uw bedrijf de partnerovereenkomst nog niet heeft geaccepteerd.`,
  why: (p) => `Zolang die niet is geaccepteerd, kan ${p.providerName} geen nieuwe zaken met u doen, zoals uw partner-ID vermelden op de abonnementen van uw klanten.`,
  who: 'Alleen een globale beheerder van uw bedrijf kan de overeenkomst accepteren, in het partnerportaal.',
  readAction: 'Partnerovereenkomst lezen',
  acceptAction: 'Accepteren in het partnerportaal',
};

export const emails: Catalogue['emails'] = { customerInvitation, customerInvitationReminder, customerAccepted, verification, verificationReminder, status, agreementReminder, moreInfoReminder, contactUndeliverable, invitation, invitationReminder, accepted, orderConfirmation, resellerAgreementReminder };
export const enrollmentEmails: Pick<Catalogue['emails'], 'verification' | 'verificationReminder' | 'status' | 'agreementReminder' | 'moreInfoReminder' | 'contactUndeliverable'> = { verification, verificationReminder, status, agreementReminder, moreInfoReminder, contactUndeliverable };
export const partnershipEmails: Pick<Catalogue['emails'], 'invitation' | 'invitationReminder' | 'accepted'> = { invitation, invitationReminder, accepted };
export const customerEmails: Pick<Catalogue['emails'], 'customerInvitation' | 'customerInvitationReminder' | 'customerAccepted'> = { customerInvitation, customerInvitationReminder, customerAccepted };
export const orderEmails: Pick<Catalogue['emails'], 'orderConfirmation'> = { orderConfirmation };
export const relationshipEmails: Pick<Catalogue['emails'], 'resellerAgreementReminder'> = { resellerAgreementReminder };

export const customerInvitationViewPage: Catalogue['pages']['customerInvitationView'] = {
  title: (p) => `${p.partnerName} nodigt uw bedrijf uit om het als partner te machtigen`,
  intro: (p) =>
    `${p.partnerName}, een partner van het programma in de regio ${p.partnerRegionName}, wil voor uw bedrijf inkopen en de abonnementen ervan beheren.`,
  signInPrompt: 'Om te reageren, meldt u zich aan met het werkaccount van uw bedrijf. U moet globale beheerder van uw bedrijf zijn.',
  signInButton: 'Aanmelden',
  signedInAs: (p) => `Aangemeld als ${p.userEmail}.`,
  authorizeLabel: 'Ik machtig de hierboven genoemde partners voor ons bedrijf en verleen hun wat beschreven is.',
  authorizeButton: 'Partners machtigen',
  declineHeading: 'Geen interesse?',
  declineText: (p) => `Als u niet met ${p.partnerName} wilt samenwerken, wijs de uitnodiging dan af.`,
  declineButton: 'Uitnodiging afwijzen',
};
export const customerInvitationAcceptedPage: Catalogue['pages']['customerInvitationAccepted'] = {
  title: 'Partners gemachtigd',
  body: (p) => `${p.partnerName} is nu partner van uw bedrijf.`,
  next: 'Uw partners kunnen nu bestellingen plaatsen voor uw bedrijf. Uw beheerders houden volledige controle over uw werkaccount.',
};
export const customerInvitationDeclinedPage: Catalogue['pages']['customerInvitationDeclined'] = {
  title: 'Uitnodiging afgewezen',
  body: (p) => `U hebt de uitnodiging van ${p.partnerName} afgewezen.`,
  next: (p) => `Als u van gedachten verandert, vraag ${p.partnerName} dan om een nieuwe uitnodiging.`,
};
export const customerInvitationRefusedPage: Catalogue['pages']['customerInvitationRefused'] = {
  title: 'We konden deze uitnodiging niet accepteren',
  nextHeading: 'Wat u kunt doen',
  wrong_role: {
    body: 'Alleen een globale beheerder van uw bedrijf kan partners machtigen.',
    next: 'Vraag een globale beheerder van uw bedrijf om de uitnodigingslink te openen.',
  },
  wrong_region: {
    body: (p) =>
      `Uw bedrijf bevindt zich in een andere regio dan ${p.partnerName ?? 'deze partner'}. Een partner mag alleen verkopen aan klanten in zijn eigen regio.`,
    next: 'Werk samen met een partner in uw regio.',
  },
  program_tenant: {
    body: 'U bent aangemeld met het werkaccount van een partner van het programma. Het eigen account van een partner kan nooit een klantaccount zijn.',
    next: 'Gebruik voor eigen aankopen een apart klantaccount, of vraag een beheerder van het uitgenodigde bedrijf om de link te openen.',
  },
  not_authorized_checkbox: {
    body: 'Om de partners te machtigen, moet u het vakje voor de machtiging aanvinken.',
    next: 'Ga terug, vink het vakje aan en kies opnieuw „Partners machtigen”.',
  },
};
export const verifyConfirmPage: Catalogue['pages']['verifyConfirm'] = {
  title: 'Bevestig uw e-mailadres',
  intro: (p) =>
    `Beste ${p.contactName}, ${p.requestedBy} heeft ${p.companyName} ingeschreven in het partnerprogramma en u opgegeven als primaire contactpersoon.`,
  ask: 'Door Bevestigen te kiezen, bevestigt u dat',
  button: 'Bevestigen',
  validity: (p) => `Deze link is geldig tot ${p.expiresAt}.`,
  notYou: (p) =>
    `Hebt u zich niet aangemeld, of is dit adres niet van ${p.companyName}? Sluit dan gewoon deze pagina. Er wordt niets bevestigd tenzij u Bevestigen kiest.`,
};
export const verifyDonePage: Catalogue['pages']['verifyDone'] = {
  title: 'Bedankt: uw e-mailadres is bevestigd',
  body: (p) =>
    `U hebt bevestigd dat u zich hebt aangemeld voor ${p.companyName} en dat dit e-mailadres van het bedrijf is.`,
  nextHeading: 'Wat er nu gebeurt',
  vetting: 'We controleren uw bedrijfsgegevens. Dit kan enkele dagen duren.',
  agreement:
    'Een globale beheerder van uw bedrijf accepteert de partnerovereenkomst in de partnerportal. Dat kan nu al, terwijl wij de gegevens controleren.',
  emails: 'We sturen u een e-mail bij elke wijziging van de status van de inschrijving.',
  close: 'U kunt deze pagina sluiten.',
};
export const linkNeutralPage: Catalogue['pages']['linkNeutral'] = {
  title: 'Deze link is niet meer geldig',
  body: 'De link die u hebt geopend, is al gebruikt, is verlopen of is onvolledig.',
  next: 'Moet u nog iets doen? Vraag dan de persoon die uw bedrijf heeft ingeschreven of u de uitnodiging heeft gestuurd om een nieuwe link.',
  copyHint: 'Hebt u de link uit een e-mail gekopieerd? Controleer dan of u de volledige link hebt gekopieerd.',
};
export const invitationViewPage: Catalogue['pages']['invitationView'] = {
  title: (p) => `Uitnodiging: autoriseer ${p.providerName} als uw indirecte provider`,
  intro: (p) =>
    `${p.providerName}, een indirecte provider in de regio ${p.providerRegionName}, wil met uw bedrijf samenwerken als indirecte reseller.`,
  signInPrompt:
    'Meld u aan met uw werkaccount om te reageren. U moet globale beheerder of beheerdersagent zijn van een bedrijf dat is ingeschreven als indirecte reseller.',
  signInButton: 'Aanmelden',
  signedInAs: (p) =>
    p.tenantName ? `Aangemeld als ${p.userEmail} (${p.tenantName}).` : `Aangemeld als ${p.userEmail}.`,
  authorizeLabel: (p) =>
    `Ik autoriseer ${p.providerName} als onze indirecte provider en verleen de hierboven genoemde machtigingen.`,
  authorizeButton: 'Indirecte provider autoriseren',
  declineHeading: 'Geen interesse?',
  declineText: (p) => `Wilt u niet samenwerken met ${p.providerName}? Wijs de uitnodiging dan af.`,
  declineButton: 'Uitnodiging afwijzen',
  messageHeading: (p) => `Bericht van ${p.providerName}:`,
  switchUser: 'Niet u, of het verkeerde account? Afmelden of van gebruiker wisselen',
};
export const invitationAcceptedPage: Catalogue['pages']['invitationAccepted'] = {
  title: 'Indirecte provider geautoriseerd',
  body: (p) =>
    `${p.providerName} is nu uw indirecte provider en staat in uw lijst met indirecte providers.`,
  grantsIntro: 'De provider mag nu:',
  next: 'Neem contact op met de ondersteuning van het programma als u het partnerschap later wilt beëindigen.',
};
export const invitationDeclinedPage: Catalogue['pages']['invitationDeclined'] = {
  title: 'Uitnodiging afgewezen',
  body: (p) => `U hebt de uitnodiging van ${p.providerName} afgewezen.`,
  next: (p) => `Bedenkt u zich? Vraag ${p.providerName} dan om een nieuwe uitnodiging.`,
};
export const invitationRefusedPage: Catalogue['pages']['invitationRefused'] = {
  title: 'We konden deze uitnodiging niet accepteren',
  nextHeading: 'Wat u kunt doen',
  switchUser: 'Aangemeld met het verkeerde account? Afmelden of van gebruiker wisselen',
  wrong_region: {
    body: (p) =>
      `Uw bedrijf bevindt zich in een andere regio dan ${p.providerName ?? 'deze indirecte provider'}. Een indirecte provider en zijn indirecte resellers moeten in dezelfde regio zijn; uw officiële bedrijfsadres bepaalt uw regio.`,
    next: 'Werk samen met een indirecte provider in uw regio. Is uw bedrijfsadres onjuist, dan kan een globale beheerder het corrigeren in de partnerportal.',
  },
  not_enrolled: {
    body: (p) =>
      `Uw bedrijf is nog niet ingeschreven als indirecte reseller en kan ${p.providerName ?? 'deze indirecte provider'} daarom nog niet autoriseren.`,
    next: 'Vraag een globale beheerder van uw bedrijf om het in te schrijven als indirecte reseller. Open daarna de uitnodigingslink opnieuw zolang die geldig is, of vraag de provider om een nieuwe.',
  },
  wrong_role: {
    body: (p) =>
      `Alleen een globale beheerder of beheerdersagent van uw bedrijf kan ${p.providerName ?? 'een indirecte provider'} autoriseren.`,
    next: 'Vraag een collega met een van deze rollen om de uitnodigingslink te openen, of vraag een globale beheerder om u de rol beheerdersagent te geven.',
  },
  already_partnered: {
    body: (p) =>
      `Uw bedrijf heeft ${p.providerName ?? 'deze indirecte provider'} al geautoriseerd als indirecte provider.`,
    next: 'U hoeft verder niets te doen. U vindt de provider in uw lijst met indirecte providers.',
  },
  not_authorized_checkbox: {
    body: (p) => `Om ${p.providerName ?? 'de indirecte provider'} te autoriseren, moet u het selectievakje aanvinken.`,
    next: "Ga terug, vink het selectievakje aan en kies opnieuw 'Indirecte provider autoriseren'.",
  },
};
export const localSignInPage: Catalogue['pages']['localSignIn'] = {
  title: 'Aanmelden (lokale demo)',
  intro: 'Deze pagina bestaat alleen in de lokale omgeving. Kies een demogebruiker, of meld u aan als willekeurige gebruiker door tenant, land, e-mail en rol in te vullen.',
  legend: 'Demogebruiker',
  button: 'Doorgaan',
  noUsers: 'Er zijn geen demogebruikers geladen.',
  otherHeading: 'Iemand anders',
  otherIntro: 'Elke tenant – een net ingeschreven reseller, de beheerder van een klanttenant – met één rol.',
  tenantIdLabel: 'Tenant-ID',
  countryLabel: 'Land van de tenant (ISO-code, bijv. NL)',
  emailLabel: 'E-mail',
  roleLabel: 'Rol',
  otherButton: 'Doorgaan als deze gebruiker',
  signOutHeading: 'Afmelden',
  signOutText: 'Beëindigt de lokale sessie in deze browser.',
  signOutButton: 'Afmelden',
};
export const pages: Catalogue['pages'] = { customerInvitationView: customerInvitationViewPage, customerInvitationAccepted: customerInvitationAcceptedPage, customerInvitationDeclined: customerInvitationDeclinedPage, customerInvitationRefused: customerInvitationRefusedPage, verifyConfirm: verifyConfirmPage, verifyDone: verifyDonePage, linkNeutral: linkNeutralPage, invitationView: invitationViewPage, invitationAccepted: invitationAcceptedPage, invitationDeclined: invitationDeclinedPage, invitationRefused: invitationRefusedPage, localSignIn: localSignInPage };

/** The whole catalogue. */
export const nl: Catalogue = { meta, common, fields, emails, pages };
