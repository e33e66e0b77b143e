import type { Catalogue } from './en.js';

/**
 * Swedish message catalogue (GEN-2), in the vocabulary of the Swedish Partner Center
 * articles: indirekt leverantör, indirekt återförsäljare, partneravtal, arbetskonto,
 * ”Auktorisera indirekt leverantör”.
 */

export const meta: Catalogue['meta'] = {
  dateLocale: 'sv-SE',
  programName: 'Partnerprogrammet',
};

export const common: Catalogue['common'] = {
  customerRelations: {
    intro: 'Om ditt företag accepterar kopplas dessa partner till det:',
    asReseller: (p) => `${p.name} som din återförsäljare: sköter dina prenumerationer och köper dem åt dig via sin leverantör`,
    asProvider: (p) => `${p.name} som din indirekta leverantör: kan lägga beställningar och hantera prenumerationer åt ditt företag`,
    asDirectBill: (p) => `${p.name} som din partner: kan lägga beställningar och hantera prenumerationer åt ditt företag och fakturerar dig direkt`,
    delegatedAdmin: (p) => `${p.partnerName} ber också om administratörsåtkomst till ditt företags arbetskonto (delegerad administration).`,
    noDelegatedAdmin: 'Ingen partner får administratörsåtkomst till ditt företags arbetskonto.',
  },
  greeting: (p) => `Hej ${p.name}!`,
  greetingNoName: 'Hej!',
  signOff: 'Vänliga hälsningar',
  team: 'Teamet bakom partnerprogrammet',
  automated: 'Det här e-postmeddelandet skickades automatiskt. Svar på det läses inte.',
  linkFallback: 'Om knappen inte fungerar kopierar du den här länken till din webbläsare:',
  footer: {
    operatedBy: (p: { operatorName: string }) => `Drivs av ${p.operatorName}`,
    support: 'Hjälp och support',
    privacy: 'Integritetspolicy',
    questions: 'Frågor? Kontakta supporten:',
  },
  portalAction: 'Öppna partnerportalen',
  statements: {
    signedUp: (p) => `du har registrerat ett partnerkonto för ${p.companyName}, och att`,
    addressBelongs: (p) => `den här e-postadressen tillhör ${p.companyName}.`,
  },
  grants: {
    intro: (p) =>
      `Om du auktoriserar ${p.providerName} som din indirekta leverantör tillåter du leverantören att`,
    placeOrders: 'göra beställningar för dina kunders räkning,',
    addSubscriptions: 'lägga till prenumerationer för dina kunder och',
    delegatedAdmin: 'komma åt ditt företags arbetskonto som administratör (delegerad administratör).',
  },
  reasonsHeading: 'Angivna skäl:',
  fieldsHeading: 'Uppdatera följande uppgifter i partnerportalen:',
  deadline: (p) => `Gör ändringarna senast ${p.deadline}.`,
};

export const fields: Catalogue['fields'] = {
  partnerId: 'Partner-ID',
  'company.legalName': 'Företagets juridiska namn',
  'company.address.line1': 'Adress',
  'company.address.line2': 'Adress (rad 2)',
  'company.address.city': 'Ort',
  'company.address.region': 'Län eller delstat',
  'company.address.postalCode': 'Postnummer',
  'company.address.country': 'Land',
  'primaryContact.firstName': 'Primär kontaktperson: förnamn',
  'primaryContact.lastName': 'Primär kontaktperson: efternamn',
  'primaryContact.email': 'Primär kontaktperson: e-postadress',
  'primaryContact.phone': 'Primär kontaktperson: telefonnummer',
  'supportContact.email': 'Kundsupport: e-postadress',
  'supportContact.phone': 'Kundsupport: telefonnummer',
  'supportContact.website': 'Kundsupport: webbplats',
};

export const customerInvitation: Catalogue['emails']['customerInvitation'] = {
  subject: (p) =>
    p.customerName ? `${p.partnerName} bjuder in ${p.customerName} att godkänna den som partner` : `${p.partnerName} bjuder in ditt företag att godkänna den som partner`,
  intro: (p) =>
    `${p.partnerName}, en partner i programmet i regionen ${p.partnerRegionName}, vill köpa åt ditt företag och sköta dess prenumerationer.`,
  noteHeading: (p) => `Personligt meddelande från ${p.partnerName}:`,
  requirements: 'För att svara loggar du in med ditt företags arbetskonto som global administratör.',
  action: 'Visa inbjudan',
  validity: (p) => `Länken fungerar en gång och till ${p.expiresAt}.`,
  notExpected: (p) =>
    `Om du inte känner till ${p.partnerName} eller inte vill samarbeta, ignorera detta mejl eller avböj inbjudan.`,
};
export const customerInvitationReminder: Catalogue['emails']['customerInvitationReminder'] = {
  subject: (p) => `Påminnelse ${p.reminderNumber}: ${p.partnerName} väntar på ditt svar`,
  intro: (p) =>
    `${p.partnerName}, en partner i programmet i regionen ${p.partnerRegionName}, har bjudit in ditt företag att samarbeta. Vi har ännu inte fått ditt svar.`,
};
export const customerAccepted: Catalogue['emails']['customerAccepted'] = {
  subject: (p) => `${p.customerName} har godkänt er som partner`,
  partnerBody: (p) => `${p.customerName} har accepterat er inbjudan och finns nu i er kundlista.`,
  providerBody: (p) =>
    `${p.customerName} har accepterat inbjudan från ${p.partnerName} och godkänt er som indirekt leverantör. Kunden finns nu i er kundlista, kopplad till ${p.partnerName}.`,
  delegatedAdmin: 'Kunden har också gett delegerad administratörsåtkomst till sitt arbetskonto.',
  ordersNext: 'Ni kan nu lägga beställningar åt den här kunden.',
  resellerNext: (p) => `${p.providerName} kan nu lägga beställningar åt den här kunden.`,
};
export const verification: Catalogue['emails']['verification'] = {
  subject: (p) => `Bekräfta din e-postadress för registreringen av ${p.companyName}`,
  intro: (p) =>
    `${p.requestedBy} har registrerat ${p.companyName} som indirekt återförsäljare i partnerprogrammet och angett dig som primär kontaktperson.`,
  ask: 'Av säkerhets- och sekretesskäl ber vi dig bekräfta att',
  action: 'Bekräfta e-postadressen',
  validity: (p) =>
    `Länken kan användas en gång och gäller till ${p.expiresAt}. Att öppna den ändrar ingenting: du bekräftar på sidan som öppnas.`,
  afterConfirm:
    'När du har bekräftat börjar vi granska företagets uppgifter och håller dig informerad via e-post.',
  notYou: (p) =>
    `Om du inte har registrerat dig, eller om adressen inte tillhör ${p.companyName}, kan du bortse från det här meddelandet. Ingenting bekräftas och registreringen upphör av sig själv.`,
};
export const verificationReminder: Catalogue['emails']['verificationReminder'] = {
  subject: (p) => `Påminnelse ${p.reminderNumber}: bekräfta din e-postadress för ${p.companyName}`,
  intro: (p) =>
    `Vi har ännu inte fått din bekräftelse. ${p.requestedBy} har registrerat ${p.companyName} som indirekt återförsäljare i partnerprogrammet och angett dig som primär kontaktperson.`,
};
export const status: Catalogue['emails']['status'] = {
  subject: {
    under_review: (p) => `Vi granskar registreringen av ${p.companyName}`,
    more_info_needed: (p) => `Mer information behövs för registreringen av ${p.companyName}`,
    approved: (p) => `Registreringen av ${p.companyName} har godkänts`,
    rejected: (p) => `Registreringen av ${p.companyName} kunde inte godkännas`,
    active: (p) => `Partnerkontot för ${p.companyName} är aktivt`,
    expired: (p) => `Registreringen av ${p.companyName} har upphört`,
  },
  underReview: (p) =>
    `Tack för att du bekräftade din e-postadress. Nu granskar vi uppgifterna om ${p.companyName}. Det kan ta flera dagar; vi mejlar dig så snart vi är klara.`,
  moreInfoNeeded: (p) =>
    `För att slutföra granskningen av registreringen av ${p.companyName} behöver vi mer information.`,
  moreInfoNext: 'När du har sparat ändringarna granskar vi registreringen igen.',
  approved: (p) => `Goda nyheter: vi har godkänt företagsuppgifterna för ${p.companyName}.`,
  agreementMissing:
    'Ett steg återstår: en global administratör på ditt företag måste godkänna partneravtalet i partnerportalen. Kontot blir aktivt så snart avtalet har godkänts.',
  agreementAccepted: 'Ditt företag har redan godkänt partneravtalet, så du behöver inte göra något mer.',
  rejected: (p) => `Tyvärr kunde vi inte godkänna registreringen av ${p.companyName}.`,
  rejectedNext:
    'När skälen har åtgärdats kan en global administratör på ditt företag påbörja en ny registrering.',
  active: (p) =>
    `Partnerkontot för ${p.companyName} är nu aktivt. Ditt företag kan göra affärer i programmet: indirekta leverantörer kan skicka partnerskapsbegäranden till dig, och du kan auktorisera dem.`,
  expired: (p) =>
    `Registreringen av ${p.companyName} har upphört eftersom den inte slutfördes i tid. Den kommer inte att behandlas vidare.`,
  expiredNext: 'En global administratör på ditt företag kan när som helst påbörja en ny registrering.',
};
export const agreementReminder: Catalogue['emails']['agreementReminder'] = {
  subject: (p) => `Åtgärd krävs: godkänn partneravtalet för ${p.companyName}`,
  intro: (p) =>
    `${p.companyName} har ännu inte godkänt ”${p.agreementTitle}”. Till dess kan ditt företag inte göra nya affärer i programmet.`,
  who: 'Endast en global administratör på ditt företag kan godkänna avtalet. Om det inte är du, vidarebefordra det här meddelandet till en sådan.',
  readAction: 'Läs avtalet',
  acceptAction: 'Godkänn i partnerportalen',
};
export const moreInfoReminder: Catalogue['emails']['moreInfoReminder'] = {
  subject: (p) => `Påminnelse: vi behöver fortfarande uppgifter om ${p.companyName}`,
  intro: (p) =>
    `Vi väntar fortfarande på några uppgifter för att kunna slutföra granskningen av registreringen av ${p.companyName}.`,
};
export const contactUndeliverable: Catalogue['emails']['contactUndeliverable'] = {
  subject: (p) => `Vi kunde inte nå den primära kontaktpersonen för ${p.companyName}`,
  bounce: (p) => `Verifieringsmeddelandet till ${p.contactEmail} kunde inte levereras.`,
  complaint: (p) => `Verifieringsmeddelandet till ${p.contactEmail} rapporterades som oönskat.`,
  stopped:
    'Vi har slutat skicka påminnelser till den här adressen. Registreringen kan inte fortsätta förrän en primär kontaktperson har bekräftat.',
  next: 'Byt primär kontaktperson i partnerportalen till en jobbadress på ditt företag. Vi skickar då ett nytt verifieringsmeddelande till den nya kontaktpersonen.',
};
export const invitation: Catalogue['emails']['invitation'] = {
  subject: (p) => `Inbjudan: auktorisera ${p.providerName} som din indirekta leverantör`,
  intro: (p) =>
    `${p.providerName}, en indirekt leverantör i regionen ${p.providerRegionName}, vill samarbeta med ditt företag som indirekt återförsäljare.`,
  noteHeading: (p) => `Personligt meddelande från ${p.providerName}:`,
  requirements:
    'Logga in med ditt arbetskonto som global administratör eller administratörsagent för att svara. Ditt företag måste vara registrerat som indirekt återförsäljare i samma region.',
  action: 'Visa inbjudan',
  validity: (p) => `Länken kan användas en gång och gäller till ${p.expiresAt}.`,
  notExpected: (p) =>
    `Om du inte känner till ${p.providerName} eller inte vill samarbeta kan du bortse från det här meddelandet eller tacka nej till inbjudan.`,
};
export const invitationReminder: Catalogue['emails']['invitationReminder'] = {
  subject: (p) => `Påminnelse ${p.reminderNumber}: ${p.providerName} väntar på ditt svar`,
  intro: (p) =>
    `${p.providerName}, en indirekt leverantör i regionen ${p.providerRegionName}, har bjudit in ditt företag att samarbeta som indirekt återförsäljare. Vi har ännu inte fått något svar.`,
};
export const accepted: Catalogue['emails']['accepted'] = {
  providerSubject: (p) => `${p.resellerName} har auktoriserat dig som indirekt leverantör`,
  providerBody: (p) =>
    `${p.resellerName} har accepterat din partnerskapsbegäran och visas nu i din lista över indirekta återförsäljare.`,
  providerNext:
    'Du kan nu lägga till kunder för återförsäljarens räkning och göra beställningar för dess kunder. Nya affärer i återförsäljarens namn, till exempel att ange dess partner-ID på en prenumeration, kräver dessutom att den har godkänt partneravtalet.',
  resellerSubject: (p) => `Du har auktoriserat ${p.providerName} som indirekt leverantör`,
  resellerBody: (p) =>
    `${p.providerName} är nu din indirekta leverantör och visas i din lista över indirekta leverantörer. Leverantören kan nu`,
  resellerNext: 'Kontakta programmets support om du vill avsluta partnerskapet.',
};
export const orderConfirmation: Catalogue['emails']['orderConfirmation'] = {
  subject: (p) => `Order ${p.orderId} för ${p.customerName} är klar`,
  customerIntro: (p) => `${p.partnerName} har beställt dessa prenumerationer för din organisation. De är aktiva nu:`,
  resellerIntro: (p) => `${p.partnerName} har beställt dessa prenumerationer för din kund ${p.customerName}. De är aktiva nu:`,
  line: (p) => `${p.quantity} × ${p.offerName} (prenumeration ${p.subscriptionId})`,
  customerNext: (p) => `Kontakta ${p.partnerName} eller supportkontakten för respektive prenumeration vid ändringar eller frågor.`,
  resellerNext: 'Som kundens återförsäljare ser du dessa prenumerationer i partnerportalen.',
};
export const resellerAgreementReminder: Catalogue['emails']['resellerAgreementReminder'] = {
  subject: (p) => `${p.providerName} ber dig att godkänna partneravtalet`,
  intro: (p) => `${p.providerName}, indirekt leverantör till ${p.resellerName}, påminner om att ditt företag ännu inte har godkänt partneravtalet.`,
  why: (p) => `Tills avtalet är godkänt kan ${p.providerName} inte göra nya affärer med er, till exempel ange ert partner-ID på era kunders prenumerationer.`,
  who: 'Endast en global administratör för ditt företag kan godkänna avtalet i partnerportalen.',
  readAction: 'Läs partneravtalet',
  acceptAction: 'Godkänn i partnerportalen',
};

export const emails: Catalogue['emails'] = { customerInvitation, customerInvitationReminder, customerAccepted, verification, verificationReminder, status, agreementReminder, moreInfoReminder, contactUndeliverable, invitation, invitationReminder, accepted, orderConfirmation, resellerAgreementReminder };
export const enrollmentEmails: Pick<Catalogue['emails'], 'verification' | 'verificationReminder' | 'status' | 'agreementReminder' | 'moreInfoReminder' | 'contactUndeliverable'> = { verification, verificationReminder, status, agreementReminder, moreInfoReminder, contactUndeliverable };
export const partnershipEmails: Pick<Catalogue['emails'], 'invitation' | 'invitationReminder' | 'accepted'> = { invitation, invitationReminder, accepted };
export const customerEmails: Pick<Catalogue['emails'], 'customerInvitation' | 'customerInvitationReminder' | 'customerAccepted'> = { customerInvitation, customerInvitationReminder, customerAccepted };
export const orderEmails: Pick<Catalogue['emails'], 'orderConfirmation'> = { orderConfirmation };
export const relationshipEmails: Pick<Catalogue['emails'], 'resellerAgreementReminder'> = { resellerAgreementReminder };

export const customerInvitationViewPage: Catalogue['pages']['customerInvitationView'] = {
  title: (p) => `${p.partnerName} bjuder in ditt företag att godkänna den som partner`,
  intro: (p) =>
    `${p.partnerName}, en partner i programmet i regionen ${p.partnerRegionName}, vill köpa åt ditt företag och sköta dess prenumerationer.`,
  signInPrompt: 'För att svara loggar du in med ditt företags arbetskonto. Du måste vara global administratör för ditt företag.',
  signInButton: 'Logga in',
  signedInAs: (p) => `Inloggad som ${p.userEmail}.`,
  authorizeLabel: 'Jag godkänner partnerna ovan för vårt företag och ger dem det som beskrivs.',
  authorizeButton: 'Godkänn partner',
  declineHeading: 'Inte intresserad?',
  declineText: (p) => `Om du inte vill samarbeta med ${p.partnerName}, avböj inbjudan.`,
  declineButton: 'Avböj inbjudan',
};
export const customerInvitationAcceptedPage: Catalogue['pages']['customerInvitationAccepted'] = {
  title: 'Partner godkända',
  body: (p) => `${p.partnerName} är nu partner till ditt företag.`,
  next: 'Dina partner kan nu lägga beställningar åt ditt företag. Era administratörer behåller full kontroll över ert arbetskonto.',
};
export const customerInvitationDeclinedPage: Catalogue['pages']['customerInvitationDeclined'] = {
  title: 'Inbjudan avböjd',
  body: (p) => `Du har avböjt inbjudan från ${p.partnerName}.`,
  next: (p) => `Om du ändrar dig, be ${p.partnerName} att skicka en ny inbjudan.`,
};
export const customerInvitationRefusedPage: Catalogue['pages']['customerInvitationRefused'] = {
  title: 'Vi kunde inte acceptera inbjudan',
  nextHeading: 'Vad du kan göra',
  wrong_role: {
    body: 'Endast en global administratör för ditt företag kan godkänna partner.',
    next: 'Be en global administratör för ditt företag att öppna inbjudningslänken.',
  },
  wrong_region: {
    body: (p) =>
      `Ditt företag ligger i en annan region än ${p.partnerName ?? 'den här partnern'}. En partner får bara sälja till kunder i sin egen region.`,
    next: 'Samarbeta med en partner i din region.',
  },
  program_tenant: {
    body: 'Du är inloggad med arbetskontot för en partner i programmet. En partners eget konto kan aldrig vara ett kundkonto.',
    next: 'Använd ett separat kundkonto för egna inköp, eller be en administratör för det inbjudna företaget att öppna länken.',
  },
  not_authorized_checkbox: {
    body: 'För att godkänna partnerna måste du kryssa i rutan för godkännande.',
    next: 'Gå tillbaka, kryssa i rutan och välj ”Godkänn partner” igen.',
  },
};
export const verifyConfirmPage: Catalogue['pages']['verifyConfirm'] = {
  title: 'Bekräfta din e-postadress',
  intro: (p) =>
    `Hej ${p.contactName}! ${p.requestedBy} har registrerat ${p.companyName} i partnerprogrammet och angett dig som primär kontaktperson.`,
  ask: 'Genom att välja Bekräfta intygar du att',
  button: 'Bekräfta',
  validity: (p) => `Länken gäller till ${p.expiresAt}.`,
  notYou: (p) =>
    `Om du inte har registrerat dig, eller om adressen inte tillhör ${p.companyName}, stänger du bara den här sidan. Ingenting bekräftas om du inte väljer Bekräfta.`,
};
export const verifyDonePage: Catalogue['pages']['verifyDone'] = {
  title: 'Tack! Din e-postadress är bekräftad',
  body: (p) =>
    `Du har bekräftat att du har registrerat dig för ${p.companyName} och att den här e-postadressen tillhör företaget.`,
  nextHeading: 'Så här går det till härnäst',
  vetting: 'Vi granskar företagets uppgifter. Det kan ta flera dagar.',
  agreement:
    'En global administratör på ditt företag godkänner partneravtalet i partnerportalen. Det kan göras redan nu, medan vi granskar uppgifterna.',
  emails: 'Vi mejlar dig vid varje ändring av registreringens status.',
  close: 'Du kan stänga den här sidan.',
};
export const linkNeutralPage: Catalogue['pages']['linkNeutral'] = {
  title: 'Länken är inte längre giltig',
  body: 'Länken du öppnade har redan använts, har upphört att gälla eller är ofullständig.',
  next: 'Om du fortfarande behöver göra något ber du personen som registrerade ditt företag eller skickade inbjudan till dig om en ny länk.',
  copyHint: 'Om du kopierade länken från ett e-postmeddelande kontrollerar du att du fick med hela länken.',
};
export const invitationViewPage: Catalogue['pages']['invitationView'] = {
  title: (p) => `Inbjudan: auktorisera ${p.providerName} som din indirekta leverantör`,
  intro: (p) =>
    `${p.providerName}, en indirekt leverantör i regionen ${p.providerRegionName}, vill samarbeta med ditt företag som indirekt återförsäljare.`,
  signInPrompt:
    'Logga in med ditt arbetskonto för att svara. Du måste vara global administratör eller administratörsagent på ett företag som är registrerat som indirekt återförsäljare.',
  signInButton: 'Logga in',
  signedInAs: (p) =>
    p.tenantName ? `Inloggad som ${p.userEmail} (${p.tenantName}).` : `Inloggad som ${p.userEmail}.`,
  authorizeLabel: (p) =>
    `Jag auktoriserar ${p.providerName} som vår indirekta leverantör och ger den behörigheterna ovan.`,
  authorizeButton: 'Auktorisera indirekt leverantör',
  declineHeading: 'Inte intresserad?',
  declineText: (p) => `Om du inte vill samarbeta med ${p.providerName} kan du tacka nej till inbjudan.`,
  declineButton: 'Tacka nej till inbjudan',
  messageHeading: (p) => `Meddelande från ${p.providerName}:`,
  switchUser: 'Inte du, eller fel konto? Logga ut eller byt användare',
};
export const invitationAcceptedPage: Catalogue['pages']['invitationAccepted'] = {
  title: 'Indirekt leverantör auktoriserad',
  body: (p) =>
    `${p.providerName} är nu din indirekta leverantör och visas i din lista över indirekta leverantörer.`,
  grantsIntro: 'Leverantören får nu:',
  next: 'Kontakta programmets support om du senare vill avsluta partnerskapet.',
};
export const invitationDeclinedPage: Catalogue['pages']['invitationDeclined'] = {
  title: 'Inbjudan avböjd',
  body: (p) => `Du har tackat nej till inbjudan från ${p.providerName}.`,
  next: (p) => `Om du ändrar dig kan du be ${p.providerName} att skicka en ny inbjudan.`,
};
export const invitationRefusedPage: Catalogue['pages']['invitationRefused'] = {
  title: 'Vi kunde inte godkänna inbjudan',
  nextHeading: 'Det här kan du göra',
  switchUser: 'Inloggad med fel konto? Logga ut eller byt användare',
  wrong_region: {
    body: (p) =>
      `Ditt företag finns i en annan region än ${p.providerName ?? 'den här indirekta leverantören'}. En indirekt leverantör och dess indirekta återförsäljare måste finnas i samma region; din officiella affärsadress avgör din region.`,
    next: 'Samarbeta med en indirekt leverantör i din region. Om din affärsadress är fel kan en global administratör rätta den i partnerportalen.',
  },
  not_enrolled: {
    body: (p) =>
      `Ditt företag är ännu inte registrerat som indirekt återförsäljare och kan därför inte auktorisera ${p.providerName ?? 'den här indirekta leverantören'} än.`,
    next: 'Be en global administratör på ditt företag att registrera det som indirekt återförsäljare. Öppna sedan inbjudningslänken igen medan den fortfarande gäller, eller be leverantören om en ny.',
  },
  wrong_role: {
    body: (p) =>
      `Endast en global administratör eller administratörsagent på ditt företag kan auktorisera ${p.providerName ?? 'en indirekt leverantör'}.`,
    next: 'Be en kollega med någon av dessa roller att öppna inbjudningslänken, eller be en global administratör att ge dig rollen administratörsagent.',
  },
  already_partnered: {
    body: (p) =>
      `Ditt företag har redan auktoriserat ${p.providerName ?? 'den här indirekta leverantören'} som indirekt leverantör.`,
    next: 'Du behöver inte göra något mer. Du hittar leverantören i din lista över indirekta leverantörer.',
  },
  not_authorized_checkbox: {
    body: (p) => `För att auktorisera ${p.providerName ?? 'den indirekta leverantören'} måste du markera kryssrutan.`,
    next: 'Gå tillbaka, markera kryssrutan och välj ”Auktorisera indirekt leverantör” igen.',
  },
};
export const localSignInPage: Catalogue['pages']['localSignIn'] = {
  title: 'Logga in (lokal demo)',
  intro: 'Den här sidan finns bara i den lokala miljön. Välj en demoanvändare, eller logga in som vem som helst genom att ange klientorganisation, land, e-post och roll.',
  legend: 'Demoanvändare',
  button: 'Fortsätt',
  noUsers: 'Inga demoanvändare har lästs in.',
  otherHeading: 'Någon annan',
  otherIntro: 'Valfri klientorganisation – en nyregistrerad återförsäljare, administratören för en kunds klientorganisation – med en roll.',
  tenantIdLabel: 'Klientorganisationens ID',
  countryLabel: 'Klientorganisationens land (ISO-kod, t.ex. SE)',
  emailLabel: 'E-post',
  roleLabel: 'Roll',
  otherButton: 'Fortsätt som den här användaren',
  signOutHeading: 'Logga ut',
  signOutText: 'Avslutar den lokala sessionen i den här webbläsaren.',
  signOutButton: 'Logga ut',
};
export const pages: Catalogue['pages'] = { customerInvitationView: customerInvitationViewPage, customerInvitationAccepted: customerInvitationAcceptedPage, customerInvitationDeclined: customerInvitationDeclinedPage, customerInvitationRefused: customerInvitationRefusedPage, verifyConfirm: verifyConfirmPage, verifyDone: verifyDonePage, linkNeutral: linkNeutralPage, invitationView: invitationViewPage, invitationAccepted: invitationAcceptedPage, invitationDeclined: invitationDeclinedPage, invitationRefused: invitationRefusedPage, localSignIn: localSignInPage };

/** The whole catalogue. */
export const sv: Catalogue = { meta, common, fields, emails, pages };
