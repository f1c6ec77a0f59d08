// Every text of the compose page in English and French, and the helpers that pick and format them.

/** The languages the page speaks; the first is the fallback. */
export const LANGS = ['en', 'fr'];

/** BCP 47 locales used for dates and numbers: en-GB writes "Monday 7 December 2026 at 08:00". */
const LOCALES = { en: 'en-GB', fr: 'fr-FR' };

const plural = (lang, n, one, other) =>
  new Intl.PluralRules(LOCALES[lang]).select(n) === 'one' ? one : other;

/**
 * Texts by key. A value is a string (with `{name}` placeholders) or a function of
 * `(vars, lang)` for sentences that depend on a number.
 */
const TEXTS = {
  en: {
    'doc.title': 'Compose an SMS – SMS Partner',
    title: 'Compose an SMS',
    intro:
      'Counts, checks and previews as you type, exactly as SMS Partner bills. Messages leave through the edge worker: this page never holds an API key.',
    'lang.label': 'Language',
    'mode.standin': 'Stand-in',
    'mode.live': 'Live',
    'mode.standin.title': 'Sends go to a local imitation of SMS Partner',
    'mode.live.title': 'Sends go to SMS Partner',
    'mode.unknown': 'Not connected',
    'config.error': 'The page could not read /config.json: sending is unavailable.',
    'wasm.error': 'The SMS library could not be loaded: {detail}',

    'recipients.legend': 'Recipients',
    'recipients.label': 'Phone numbers',
    'recipients.hint':
      'One per line or separated by commas. French numbers as 06 12 34 56 78 or +33 6 12 34 56 78, others in international form (+49…).',
    'recipients.placeholder': '06 12 34 56 78\n+33 7 98 76 54 32',
    'recipients.valid': ({ n }, lang) =>
      n === 0 ? 'No valid number yet' : `${n} ${plural(lang, n, 'valid number', 'valid numbers')}`,
    'recipients.invalid': ({ n }, lang) => `${n} ${plural(lang, n, 'invalid number', 'invalid numbers')}`,
    'recipients.duplicates': 'Given more than once, sent once: {list}',

    'message.label': 'Message',
    'message.hint': ':br: makes a line break (it counts 2 characters).',
    'message.placeholder': 'Bonjour ! Votre rendez-vous est confirmé…',
    'readout.label': 'Length',
    'readout.encoding': 'Encoding',
    'readout.characters': 'Characters billed',
    'readout.sms': 'SMS per recipient',
    'readout.remaining': 'Left before the next SMS',
    'readout.total': 'Total SMS',
    'readout.total.value': ({ total, n }, lang) =>
      `${total} (${n} ${plural(lang, n, 'recipient', 'recipients')})`,
    'sentas.label': 'Sent as',
    'sentas.legend': 'SMS Partner replaces the marked characters:',
    'sentas.removed': 'removed',
    'unsupported.text': ({ chars, n }) =>
      `${chars} cannot travel without Unicode: ${n > 1 ? 'they would' : 'it would'} arrive as “?”. Turn on Unicode to send ${n > 1 ? 'them' : 'it'} (70 characters per SMS).`,
    'unsupported.button': 'Turn on Unicode',

    'preview.label': 'What arrives',
    'preview.empty': 'Your message will appear here.',
    'preview.part': 'SMS {i} of {n}',
    'preview.shortcode': '36xxx',

    'options.legend': 'Options',
    'gamme.legend': 'Range',
    'gamme.premium': 'Premium',
    'gamme.lowcost': 'Low cost',
    'sender.label': 'Sender',
    'sender.hint': '3 to 11 letters or digits, no accents or spaces. Empty: an operator short code (36xxx).',
    'tag.label': 'Tag',
    'tag.hint': 'Up to 20 characters, no spaces, to sort your sends.',
    'unicode.label': 'Unicode',
    'unicode.hint': 'Emoji and every alphabet; 70 characters per SMS. Must be enabled on the account.',
    'stop.label': 'STOP mention',
    'stop.hint': 'Premium range: appends “STOP au 36180”. Required on commercial messages.',
    'commercial.label': 'Commercial message',
    'commercial.hint': 'Marketing: the STOP mention and the quiet hours (20:00–08:00, Sundays, holidays) apply.',
    'sandbox.label': 'Sandbox',
    'sandbox.hint': 'Nothing is sent and nothing is billed.',
    'sandbox.forced': 'This server always sends in sandbox.',

    'schedule.legend': 'Schedule',
    'schedule.hint': 'Paris time. Leave the date empty to send right away.',
    'schedule.date': 'Date',
    'schedule.hour': 'Hour',
    'schedule.minute': 'Minute',
    'schedule.clear': 'Clear',
    'delivery.now': 'Leaves as soon as you send.',
    'delivery.at': 'Leaves on {when} (Paris time).',
    'delivery.delayed': 'Quiet hours: it will actually leave on {when} (Paris time).',
    'delivery.nowDelayed': 'Quiet hours: sent now, it will actually leave on {when} (Paris time).',

    'send.button': 'Send',
    'send.buttonSandbox': 'Send in sandbox',
    'send.sending': 'Sending…',
    'send.blocked': 'Fix the fields marked in red to send.',
    'send.ready': 'Ready: {total} SMS to {n}.',
    'send.readyRecipients': ({ n }, lang) => `${n} ${plural(lang, n, 'recipient', 'recipients')}`,
    'send.noWorker': 'Sending is unavailable: no edge worker is configured.',

    'credits.value': '{sms} SMS · {balance}',
    'tracking.title': 'Delivery',
    'tracking.scheduled': 'Scheduled for {when}.',
    'tracking.cancel': 'Cancel the send',
    'tracking.cancelTooLate': 'SMS Partner cannot cancel less than 5 minutes before the send.',
    'tracking.cancelled': 'The send is cancelled.',
    'tracking.refused.too_late': 'Too late: SMS Partner cannot cancel less than 5 minutes before the send.',
    'tracking.refused.already_sent': 'Too late: the SMS has already left.',
    'tracking.refused.already_cancelled': 'This send was already cancelled.',
    'tracking.refused.message_not_found': 'SMS Partner does not know this send.',
    'tracking.refused.other': 'The send could not be cancelled.',
    'status.waiting': 'Waiting',
    'status.delivered': 'Delivered',
    'status.notDelivered': 'Not delivered',
    'status.ko': 'Failed at SMS Partner',
    'status.notFound': 'Unknown to SMS Partner',
    'status.unknown': 'Unknown status',
    'replies.title': 'Replies',
    'replies.none': 'No reply yet.',
    'replies.stop': 'STOP',
    'result.ok': 'Sent',
    'result.okSandbox': 'Accepted in sandbox: nothing was sent or billed.',
    'result.messageId': 'Message id',
    'result.nbSms': 'SMS billed',
    'result.cost': 'Cost',
    'result.failed': 'Not sent',
    'result.kind.validation': 'The request was refused before leaving.',
    'result.kind.api': 'SMS Partner refused the message.',
    'result.kind.http': 'Unexpected answer from the server.',
    'result.kind.network': 'The server could not be reached.',
    'result.kind.timeout': 'No answer in time.',
    'result.kind.request': 'The server did not accept the request.',
    'result.kind.config': 'The server is not set up to send.',
    'result.kind.internal': 'The server failed.',
    'result.mayHaveBeenSent': 'The message may have left anyway: check before sending it again.',
    'result.byApi': 'SMS Partner:',
    'result.byServer': 'Refused by the server:',
    'result.status': 'HTTP status {status}',
    'result.code': 'code {code}',

    'field.phoneNumbers': 'Recipients',
    'field.message': 'Message',
    'field.gamme': 'Range',
    'field.sender': 'Sender',
    'field.tag': 'Tag',
    'field.scheduledDeliveryDate': 'Date',
    'field.time': 'Hour',
    'field.minute': 'Minute',
    'field.isStopSms': 'STOP mention',
    'field.isUnicode': 'Unicode',
    'field.sandbox': 'Sandbox',
  },
  fr: {
    'doc.title': 'Rédiger un SMS – SMS Partner',
    title: 'Rédiger un SMS',
    intro:
      "Décompte, vérifications et aperçu pendant la frappe, exactement comme SMS Partner facture. Les messages partent par le worker edge : cette page ne détient jamais de clé API.",
    'lang.label': 'Langue',
    'mode.standin': 'Simulateur',
    'mode.live': 'Réel',
    'mode.standin.title': 'Les envois vont à une imitation locale de SMS Partner',
    'mode.live.title': 'Les envois vont à SMS Partner',
    'mode.unknown': 'Non connecté',
    'config.error': "La page n'a pas pu lire /config.json : l'envoi est indisponible.",
    'wasm.error': "La bibliothèque SMS n'a pas pu être chargée : {detail}",

    'recipients.legend': 'Destinataires',
    'recipients.label': 'Numéros de téléphone',
    'recipients.hint':
      'Un par ligne ou séparés par des virgules. Numéros français en 06 12 34 56 78 ou +33 6 12 34 56 78, les autres au format international (+49…).',
    'recipients.placeholder': '06 12 34 56 78\n+33 7 98 76 54 32',
    'recipients.valid': ({ n }, lang) =>
      n === 0 ? 'Aucun numéro valide pour le moment' : `${n} ${plural(lang, n, 'numéro valide', 'numéros valides')}`,
    'recipients.invalid': ({ n }, lang) => `${n} ${plural(lang, n, 'numéro invalide', 'numéros invalides')}`,
    'recipients.duplicates': 'Donnés plusieurs fois, envoyés une fois : {list}',

    'message.label': 'Message',
    'message.hint': ':br: fait un saut de ligne (il compte pour 2 caractères).',
    'message.placeholder': 'Bonjour ! Votre rendez-vous est confirmé…',
    'readout.label': 'Longueur',
    'readout.encoding': 'Encodage',
    'readout.characters': 'Caractères facturés',
    'readout.sms': 'SMS par destinataire',
    'readout.remaining': 'Restant avant le SMS suivant',
    'readout.total': 'Total de SMS',
    'readout.total.value': ({ total, n }, lang) =>
      `${total} (${n} ${plural(lang, n, 'destinataire', 'destinataires')})`,
    'sentas.label': 'Envoyé ainsi',
    'sentas.legend': 'SMS Partner remplace les caractères signalés :',
    'sentas.removed': 'supprimé',
    'unsupported.text': ({ chars, n }) =>
      `${chars} ne ${n > 1 ? 'peuvent' : 'peut'} pas partir sans l'Unicode : ${n > 1 ? 'ils arriveraient' : 'il arriverait'} en « ? ». Activez l'Unicode pour ${n > 1 ? 'les ' : "l'"}envoyer (70 caractères par SMS).`,
    'unsupported.button': "Activer l'Unicode",

    'preview.label': 'Ce qui arrive',
    'preview.empty': 'Votre message apparaîtra ici.',
    'preview.part': 'SMS {i} sur {n}',
    'preview.shortcode': '36xxx',

    'options.legend': 'Options',
    'gamme.legend': 'Gamme',
    'gamme.premium': 'Premium',
    'gamme.lowcost': 'Low cost (éco)',
    'sender.label': 'Émetteur',
    'sender.hint': "3 à 11 lettres ou chiffres, sans accent ni espace. Vide : un shortcode opérateur (36xxx).",
    'tag.label': 'Tag',
    'tag.hint': "20 caractères au plus, sans espace, pour classer vos envois.",
    'unicode.label': 'Unicode',
    'unicode.hint': 'Emoji et tous les alphabets ; 70 caractères par SMS. Doit être activé sur le compte.',
    'stop.label': 'Mention STOP',
    'stop.hint': 'Gamme Premium : ajoute « STOP au 36180 ». Obligatoire pour les SMS commerciaux.',
    'commercial.label': 'Message commercial',
    'commercial.hint':
      "Marketing : la mention STOP et les heures de silence (20 h – 8 h, dimanches, jours fériés) s'appliquent.",
    'sandbox.label': 'Bac à sable',
    'sandbox.hint': "Rien n'est envoyé, rien n'est facturé.",
    'sandbox.forced': 'Ce serveur envoie toujours en bac à sable.',

    'schedule.legend': 'Programmer',
    'schedule.hint': "Heure de Paris. Laissez la date vide pour envoyer tout de suite.",
    'schedule.date': 'Date',
    'schedule.hour': 'Heure',
    'schedule.minute': 'Minute',
    'schedule.clear': 'Effacer',
    'delivery.now': "Part dès l'envoi.",
    'delivery.at': 'Partira le {when} (heure de Paris).',
    'delivery.delayed': 'Heures de silence : il partira en réalité le {when} (heure de Paris).',
    'delivery.nowDelayed': 'Heures de silence : envoyé maintenant, il partira en réalité le {when} (heure de Paris).',

    'send.button': 'Envoyer',
    'send.buttonSandbox': 'Envoyer en bac à sable',
    'send.sending': 'Envoi…',
    'send.blocked': 'Corrigez les champs signalés en rouge pour envoyer.',
    'send.ready': 'Prêt : {total} SMS pour {n}.',
    'send.readyRecipients': ({ n }, lang) => `${n} ${plural(lang, n, 'destinataire', 'destinataires')}`,
    'send.noWorker': "Envoi indisponible : aucun worker edge n'est configuré.",

    'credits.value': '{sms} SMS · {balance}',
    'tracking.title': 'Remise',
    'tracking.scheduled': 'Programmé pour le {when}.',
    'tracking.cancel': "Annuler l'envoi",
    'tracking.cancelTooLate': "SMS Partner ne peut pas annuler moins de 5 minutes avant l'envoi.",
    'tracking.cancelled': "L'envoi est annulé.",
    'tracking.refused.too_late': "Trop tard : SMS Partner ne peut pas annuler moins de 5 minutes avant l'envoi.",
    'tracking.refused.already_sent': 'Trop tard : le SMS est déjà parti.',
    'tracking.refused.already_cancelled': 'Cet envoi était déjà annulé.',
    'tracking.refused.message_not_found': 'SMS Partner ne connaît pas cet envoi.',
    'tracking.refused.other': "L'envoi n'a pas pu être annulé.",
    'status.waiting': 'En attente',
    'status.delivered': 'Remis',
    'status.notDelivered': 'Non remis',
    'status.ko': 'Échec chez SMS Partner',
    'status.notFound': 'Inconnu de SMS Partner',
    'status.unknown': 'Statut inconnu',
    'replies.title': 'Réponses',
    'replies.none': 'Pas encore de réponse.',
    'replies.stop': 'STOP',
    'result.ok': 'Envoyé',
    'result.okSandbox': "Accepté en bac à sable : rien n'a été envoyé ni facturé.",
    'result.messageId': 'Identifiant du message',
    'result.nbSms': 'SMS facturés',
    'result.cost': 'Coût',
    'result.failed': 'Non envoyé',
    'result.kind.validation': 'La requête a été refusée avant de partir.',
    'result.kind.api': 'SMS Partner a refusé le message.',
    'result.kind.http': 'Réponse inattendue du serveur.',
    'result.kind.network': "Le serveur n'a pas pu être joint.",
    'result.kind.timeout': 'Pas de réponse à temps.',
    'result.kind.request': "Le serveur n'a pas accepté la requête.",
    'result.kind.config': "Le serveur n'est pas configuré pour envoyer.",
    'result.kind.internal': 'Le serveur a échoué.',
    'result.mayHaveBeenSent': 'Le message est peut-être parti malgré tout : vérifiez avant de le renvoyer.',
    'result.byApi': 'SMS Partner :',
    'result.byServer': 'Refusé par le serveur :',
    'result.status': 'statut HTTP {status}',
    'result.code': 'code {code}',

    'field.phoneNumbers': 'Destinataires',
    'field.message': 'Message',
    'field.gamme': 'Gamme',
    'field.sender': 'Émetteur',
    'field.tag': 'Tag',
    'field.scheduledDeliveryDate': 'Date',
    'field.time': 'Heure',
    'field.minute': 'Minute',
    'field.isStopSms': 'Mention STOP',
    'field.isUnicode': 'Unicode',
    'field.sandbox': 'Bac à sable',
  },
};

/** The page language for a BCP 47 tag such as `navigator.language`: French for `fr*`, else English. */
export function langFromTag(tag) {
  return typeof tag === 'string' && tag.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The text `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(lang, key, vars = {}) {
  const entry = TEXTS[lang]?.[key] ?? TEXTS.en[key];
  if (entry === undefined) return key;
  if (typeof entry === 'function') return entry(vars, lang);
  return entry.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Every key of a language. */
export function textKeys(lang) {
  return Object.keys(TEXTS[lang]);
}

const dateFormats = new Map();

/** An instant as "Monday 7 December 2026 at 08:00" / "lundi 7 décembre 2026 à 08:00", Paris time. */
export function formatParisTime(lang, date) {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: 'Europe/Paris',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateFormats.set(lang, format);
  }
  return format.format(date);
}

/** An amount of money in the page language, e.g. "0.076 €" / "0,076 €". */
export function formatMoney(lang, amount, currency) {
  if (typeof amount !== 'number') return '—';
  try {
    return new Intl.NumberFormat(LOCALES[lang], {
      style: 'currency',
      currency: currency || 'EUR',
      minimumFractionDigits: 2,
      maximumFractionDigits: 3,
    }).format(amount);
  } catch {
    return `${amount} ${currency ?? ''}`.trim();
  }
}
