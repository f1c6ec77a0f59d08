// Every text of the page, its compose form and its Campaign tab, in English and French, and the
// helpers that pick and format them.

/** The languages the page speaks; the first is the fallback. */
export const LANGS = ['en', 'fr'];

/** BCP 47 locales used for dates and numbers: en-GB writes "Monday 7 December 2026 at 08:00". */
const LOCALES = { en: 'en-GB', fr: 'fr-FR' };

/** The plural rules of each language, made once: a cell's hover text asks for one per cell. */
const PLURAL_RULES = new Map();

const plural = (lang, n, one, other) => {
  let rules = PLURAL_RULES.get(lang);
  if (rules === undefined) {
    rules = new Intl.PluralRules(LOCALES[lang] ?? LOCALES.en);
    PLURAL_RULES.set(lang, rules);
  }
  return rules.select(n) === 'one' ? one : other;
};

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
    'recipients.unreachable': ({ n }, lang) => `${n} cannot receive an SMS`,
    'recipients.duplicates': 'Given more than once, sent once: {list}',

    'message.label': 'Message',
    'message.hint':
      'Enter makes a line break: it is sent as such and counts 1 character. SMS Partner’s :br: tag also makes one and counts 2.',
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
      `${chars} cannot travel without Unicode: ${n > 1 ? 'they would' : 'it would'} arrive as “?”.`,
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
    'sandbox.hint': 'Nothing is sent and nothing is billed. Off, each send is confirmed first.',
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
    'session.user': 'Signed in as {identity}',
    'session.service': 'Service token {identity}',
    'session.anonymous': 'Not signed in: every send in sandbox mode',
    'session.left': '{left} of {limit} SMS left today',
    'session.accountLeft': 'The account has {left} SMS left today',
    'session.lastMonth': 'last month {sms} SMS, {cost}',
    'session.signedOut': 'Not signed in: open the page through Cloudflare Access',
    'session.unavailable': 'The worker cannot say who you are right now',
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
    'result.okSandbox': 'Accepted in sandbox: nothing was sent or billed. A real send would bill:',
    'result.messageId': 'Message id',
    'result.nbSms': 'SMS billed',
    'result.cost': 'Cost',
    'result.failed': 'Not sent',
    'result.kind.validation': 'The request was refused before leaving.',
    'result.kind.api': 'SMS Partner refused the message.',
    'result.kind.http': 'The server gave an unexpected answer.',
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

    'recipients.removeInvalid': ({ n }, lang) => `Remove the ${n} invalid ${plural(lang, n, 'number', 'numbers')}`,
    'recipients.removeUnreachable': ({ n, m }, lang) =>
      `Remove ${n > 0 ? `the ${n} invalid ${plural(lang, n, 'number', 'numbers')} and ` : ''}the ${m} ${plural(lang, m, 'number', 'numbers')} that cannot receive an SMS`,
    'bulk.offer': ({ n, sends, max, total }) =>
      `${n} recipients: one send takes at most ${max}. Send them in bulk instead: ${sends} sends one after the other, ${total} SMS in all.`,
    'bulk.button': ({ n }) => `Send to the ${n} recipients in bulk`,
    'bulk.buttonSandbox': ({ n }) => `Send to the ${n} recipients in bulk, in sandbox`,
    'bulk.progress': 'Sending: {done} of {sends} sends done, {sent} of {total} recipients…',
    'bulk.done': 'Sent to {sent} recipients in {sends} sends.',
    'bulk.doneSandbox': 'Accepted in sandbox for {sent} recipients in {sends} sends: nothing was sent or billed. A real send would bill:',
    'bulk.stopped': 'Stopped: sent to {sent} of {total} recipients; the rest were not sent.',
    'bulk.maybe':
      'Stopped: sent to {sent} of {total} recipients, and the last send may have left: check before sending again. The rest were not sent.',
    'confirm.bulkTitle': 'Send in bulk for real?',
    'confirm.bulkTitleSandbox': 'Send in bulk, in sandbox?',
    'confirm.bulkText': '{n} recipients in {sends} sends, {total} SMS in all.',
    'confirm.bulkOk': ({ n }) => `Send to ${n} recipients`,
    'send.bulk': 'More than 500 recipients: send them in bulk (above), or at most 500 at a time.',

    'segments.title': 'SMS by SMS, character by character',
    'segments.hint':
      'Each cell is a character as SMS Partner bills it, its cost underneath. Point at or tap a cell for details.',
    'segments.part': ({ i, n, used, capacity }) =>
      `${n > 1 ? `SMS ${i} of ${n}` : 'One SMS'} · ${used} / ${capacity} characters`,
    'cell.header': ({ cost }) =>
      `Concatenation header (UDH): in a long message each SMS gives ${cost} characters to it, so that the phone joins them.`,
    'cell.plain': ({ char, cost }, lang) => `${char}: ${cost} ${plural(lang, cost, 'character', 'characters')}.`,
    'cell.space': ({ cost }, lang) => `Space: ${cost} ${plural(lang, cost, 'character', 'characters')}.`,
    'cell.escape': ({ char, cost }) =>
      `${char} is in the GSM extension table: an escape character and itself, ${cost} characters.`,
    'cell.pair': ({ char, cost }) => `${char}: ${cost} characters in Unicode (two UTF-16 code units).`,
    'cell.newline': ({ cost }, lang) =>
      `Line break typed with Enter: ${cost} ${plural(lang, cost, 'character', 'characters')}.`,
    'cell.br': ({ cost }) => `:br: tag, a line break: ${cost} characters.`,
    'cell.euro': ({ cost }) => `:euro: tag, the euro sign: ${cost} characters (an escape and €).`,
    'cell.replaced': ({ char, replacement, cost }, lang) =>
      `${char} is sent as “${replacement}”: ${cost} ${plural(lang, cost, 'character', 'characters')}.`,
    'cell.removed': ({ char }) => `${char} is removed by SMS Partner: 0 characters.`,
    'cell.unsupported': ({ char, cost }, lang) =>
      `${char} cannot travel without Unicode: it arrives as “?”, ${cost} ${plural(lang, cost, 'character', 'characters')}.`,
    'cell.stop': ({ cost }, lang) =>
      `STOP mention, added by SMS Partner: ${cost} ${plural(lang, cost, 'character', 'characters')}.`,
    'unicode.cost': ({ after, before }) =>
      `Unicode: ${after} SMS instead of ${before} per recipient (70 characters per SMS, 67 in a long message).`,
    'smart.text': ({ n, before, after, left }, lang) =>
      `Smart encoding replaces ${n} ${plural(lang, n, 'character', 'characters')} with the closest GSM form (no-break space → space, “…” → “...”): ${before} SMS before, ${after} after` +
      (left > 0 ? `; ${left} still need Unicode.` : ', without Unicode.'),
    'smart.button': 'Replace them (smart encoding)',
    'mobile.count': ({ sms, characters }) => `${sms} SMS · ${characters}`,
    'preview.open': 'See what arrives',
    'preview.back': 'Back to the message',
    'preview.nav': 'Preview',
    'schedule.placeholder': 'dd/mm/yyyy',
    'schedule.format': 'Day/month/year, e.g. 07/01/2027.',
    'schedule.pick': 'Pick a date',
    'confirm.cancel': 'Cancel',
    'confirm.realTitle': 'Send for real?',
    'confirm.realText': 'The sandbox is off: {total} SMS to {n} will leave and be billed.',
    'confirm.realOk': ({ total }) => `Send and pay ${total} SMS`,
    'confirm.againTitle': 'Send the same message again?',
    'confirm.againText':
      'This message has just been sent to the same recipients ({when}). Sending it again bills {total} SMS more, and they get it twice.',
    'confirm.maybeTitle': 'The last try may have left',
    'confirm.maybeText':
      'The last send of this same message may have reached SMS Partner ({when}): check your SMS Partner account before sending it again, or {n} may get it twice.',
    'confirm.againOk': 'Send again',
    'send.missing': 'To send, fill in: {fields}.',
    'send.check': 'To send, check: {fields}.',
    'result.nbSmsSandbox': 'SMS it would bill',
    'result.costSandbox': 'It would cost',
    'result.maybe': 'May have been sent: check before sending it again',
    'result.rateLimited': 'SMS Partner is limiting the request rate: nothing was sent; try again in a minute.',
    'result.refused.limit_reached': 'The daily SMS limit is reached: nothing was sent. The count starts again at midnight, Paris time.',
    'result.refused.rate_limited': 'Too many requests in a minute: nothing was sent; try again in a minute.',
    'result.refused.auth_required': 'You are not signed in: open the page through Cloudflare Access. Nothing was sent.',
    'result.refused.auth_invalid': 'Your sign-in is not valid any more: reload the page. Nothing was sent.',
    'result.refused.auth_unavailable': 'Sign-ins cannot be checked right now: nothing was sent; try again shortly.',
    'result.refused.limit_unavailable': 'The daily SMS count cannot be checked right now: nothing was sent; try again shortly.',
    'issue.stop_mention_missing': 'A commercial SMS must carry the STOP mention: tick “STOP mention”.',
    'issue.stop_sms_not_applicable':
      '“STOP mention” does not apply to the Low cost range: write NoPub=STOP at the end of the message.',
    'issue.schedule_date_missing': 'The hour and minute count only with a date: without one the SMS leaves now.',

    'campaign.tabCompose': 'Compose',
    'campaign.tabCampaign': 'Campaign',
    'campaign.title': 'Campaign',
    'campaign.intro': 'Thousands of numbers, sent in chunks of at most 500 on the worker’s queue, each chunk exactly once.',
    'campaign.csv': 'Paste rows (CSV: a header row naming the columns, or a number then the row’s own message)',
    'campaign.file': 'Or upload a CSV file (from Excel: separated by ; or by commas, UTF-8 or Windows-1252)',
    'campaign.message': 'Message (for rows without their own)',
    'campaign.sender': 'Sender',
    'campaign.chunkSize': 'Numbers per chunk (empty: as many as one SMS Partner request takes)',
    'campaign.check': 'Check',
    'campaign.send': 'Send in sandbox',
    'campaign.stop': 'Stop',
    'campaign.noWorker': 'No worker is configured: the campaign cannot be sent.',
    'campaign.rows': ({ n, refused = 0 }) =>
      `${n} row${n === 1 ? '' : 's'} read${refused > 0 ? ` · ${refused} not read (listed below)` : ''}`,
    'campaign.encoding': 'File encoding',
    'campaign.encoding.auto': 'Detect (UTF-8, else Windows-1252)',
    'campaign.encoding.utf-8': 'UTF-8',
    'campaign.encoding.windows-1252': 'Windows-1252 (Excel in Western Europe)',
    'campaign.reading': 'Reading {name}…',
    'campaign.readDone': '{name} read.',
    'campaign.readAs': ({ name, encoding }) => `${name} read as ${encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}.`,
    'campaign.readAsGuessed': '{name} is not UTF-8: read as Windows-1252.',
    'campaign.readAsAlsoUtf8': '{name} read as Windows-1252, as asked; it is valid UTF-8 too: if its accents look wrong, read it as UTF-8.',
    'campaign.decode.not_utf8': '{name} is not UTF-8: read it as Windows-1252 (or let the page detect it).',
    'campaign.decode.not_text': '{name} holds a byte (at offset {offset}) that is text neither in UTF-8 nor in Windows-1252: it was not read.',
    'campaign.readFailed': 'The rows could not be read: {detail}',
    'campaign.preview': 'First rows, as read',
    'campaign.line': 'Line',
    'campaign.number': 'Number',
    'campaign.ownMessage': 'Own message',
    'campaign.refused': 'Rows not read (not sent)',
    'campaign.refused.scientific':
      'Excel wrote this number in scientific notation and its digits are lost: format the column as Text in Excel and export it again.',
    'campaign.refused.quotes': 'a quote of this row is never closed or is misplaced',
    'campaign.refused.no_number': 'no number in the phone column',
    'campaign.refused.extra_fields': 'more values than the header row has columns',
    'campaign.lostZero': 'Nine-digit numbers (Excel may have removed their leading 0)',
    'campaign.lostZero.mobile': 'with its 0, the mobile number {number} ({region})',
    'campaign.lostZero.notMobile': 'with a 0 it is not a mobile number: left as it is',
    'campaign.addZero': ({ n }) => `Add the 0 back (${n} row${n === 1 ? '' : 's'})`,
    'campaign.zeroAdded': ({ n }) => `0 added back on ${n} row${n === 1 ? '' : 's'}.`,
    'campaign.templateHint': 'A {column} of the header row in the message is replaced by each row’s value (e.g. Bonjour {prenom}).',
    'campaign.template.rendering': 'Making each row’s message…',
    'campaign.template.counts': ({ alone, shortest, longest, more, total, made }) => {
      const s = (n) => `${n} SMS`;
      const rows = (n) => `${n} row${n === 1 ? '' : 's'}`;
      const range = shortest
        ? ` · shortest row: ${s(shortest.sms)} (line ${shortest.line}) · longest row: ${s(longest.sms)} (line ${longest.line})`
        : '';
      return `Template alone: ${s(alone)}${range} · ${rows(more)} need${more === 1 ? 's' : ''} more SMS than the template alone · ${s(total)} in all for ${rows(made)} · no cost estimate: the page knows no price per SMS`;
    },
    'campaign.template.longest': 'The longest row (line {line}), as it will arrive:',
    'campaign.template.unmade': 'Rows the message cannot be made for (not sent)',
    'campaign.template.unicode': 'Rows whose values need Unicode (sent without it, those characters arrive as ?)',
    'campaign.template.unicodeSms': ({ n }) => `${n} SMS in Unicode;`,
    'campaign.template.value': '{{column}} is “{value}” ({chars})',
    'campaign.template.noSmart': '— no GSM form keeps its meaning.',
    'campaign.template.smart': 'Write “{smart}” instead (smart encoding)',
    'campaign.template.own': 'its own message holds them.',
    'campaign.template.tooLong': ({ limit }) => `Rows past SMS Partner’s limit of ${limit} SMS a message (refused by the check)`,
    'campaign.template.sms': ({ n }) => `${n} SMS`,
    'campaign.report': (r) =>
      `${r.recipients} to send in ${r.chunks} chunk${r.chunks === 1 ? '' : 's'} · ${r.invalid.length} invalid · ${r.skippedStop.length} on the STOP list · ${r.duplicates.length} repeated`,
    'campaign.invalid': 'Invalid rows',
    'campaign.stopRows': 'On the STOP list (not sent)',
    'campaign.duplicates': 'Repeated (sent once)',
    'campaign.row': 'row {line}',
    'campaign.progress': (p) =>
      `${p.state} · ${p.chunks.sent} of ${p.chunks.total} chunks sent · ${p.accepted} numbers accepted · ${p.chunks.failed} failed · ${p.chunks.unknown} being settled`,
    'campaign.failed': 'The worker refused',
    'campaign.delivery': (d) =>
      `Delivery: ${d.delivered} delivered · ${d.failed} failed${Object.keys(d.failedBy).length ? ` (${Object.entries(d.failedBy).map(([k, n]) => `${n} ${{ undeliverable: 'undeliverable', expired: 'expired', rejected: 'rejected', ko: 'failed at SMS Partner', notDelivered: 'not delivered' }[k] ?? k}`).join(', ')})` : ''} · ${d.pending} awaiting a report${d.stopReceived ? ` · ${d.stopReceived} answered STOP` : ''}`,
    'campaign.reportCsv': 'Download the report (CSV)',
    'campaign.reportFailed': 'The report could not be downloaded',
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
    'recipients.unreachable': ({ n }, lang) => `${n} ${plural(lang, n, 'ne peut', 'ne peuvent')} pas recevoir de SMS`,
    'recipients.duplicates': 'Donnés plusieurs fois, envoyés une fois : {list}',

    'message.label': 'Message',
    'message.hint':
      "Entrée fait un saut de ligne : il part tel quel et compte 1 caractère. La balise :br: de SMS Partner en fait un aussi et compte 2.",
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
      `${chars} ne ${n > 1 ? 'peuvent' : 'peut'} pas partir sans l'Unicode : ${n > 1 ? 'ils arriveraient' : 'il arriverait'} en « ? ».`,
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
    'sandbox.hint': "Rien n'est envoyé, rien n'est facturé. Désactivé, chaque envoi est confirmé d'abord.",
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
    'session.user': 'Connecté·e : {identity}',
    'session.service': 'Jeton de service {identity}',
    'session.anonymous': 'Non connecté : tous les envois en mode test (sandbox)',
    'session.left': 'reste {left} SMS sur {limit} aujourd’hui',
    'session.accountLeft': 'Il reste {left} SMS au compte aujourd’hui',
    'session.lastMonth': 'le mois dernier {sms} SMS, {cost}',
    'session.signedOut': 'Non connecté : ouvrez la page par Cloudflare Access',
    'session.unavailable': 'Le worker ne peut pas dire qui vous êtes pour le moment',
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
    'result.okSandbox': "Accepté en bac à sable : rien n'a été envoyé ni facturé. Un envoi réel facturerait :",
    'result.messageId': 'Identifiant du message',
    'result.nbSms': 'SMS facturés',
    'result.cost': 'Coût',
    'result.failed': 'Non envoyé',
    'result.kind.validation': 'La requête a été refusée avant de partir.',
    'result.kind.api': 'SMS Partner a refusé le message.',
    'result.kind.http': 'Le serveur a donné une réponse inattendue.',
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

    'recipients.removeInvalid': ({ n }, lang) =>
      `Retirer ${plural(lang, n, 'le numéro invalide', `les ${n} numéros invalides`)}`,
    'recipients.removeUnreachable': ({ n, m }, lang) =>
      `Retirer ${n > 0 ? `${plural(lang, n, 'le numéro invalide', `les ${n} numéros invalides`)} et ` : ''}${plural(lang, m, 'le numéro', `les ${m} numéros`)} qui ne ${plural(lang, m, 'peut', 'peuvent')} pas recevoir de SMS`,
    'bulk.offer': ({ n, sends, max, total }) =>
      `${n} destinataires : un envoi en prend ${max} au plus. Envoyez-les plutôt en masse : ${sends} envois l'un après l'autre, ${total} SMS en tout.`,
    'bulk.button': ({ n }) => `Envoyer aux ${n} destinataires en masse`,
    'bulk.buttonSandbox': ({ n }) => `Envoyer aux ${n} destinataires en masse, en bac à sable`,
    'bulk.progress': 'Envoi : {done} envois faits sur {sends}, {sent} destinataires sur {total}…',
    'bulk.done': 'Envoyé à {sent} destinataires en {sends} envois.',
    'bulk.doneSandbox': "Accepté en bac à sable pour {sent} destinataires en {sends} envois : rien n'a été envoyé ni facturé. Un envoi réel facturerait :",
    'bulk.stopped': "Arrêté : envoyé à {sent} destinataires sur {total} ; les autres ne l'ont pas été.",
    'bulk.maybe':
      "Arrêté : envoyé à {sent} destinataires sur {total}, et le dernier envoi est peut-être parti : vérifiez avant de renvoyer. Les autres ne l'ont pas été.",
    'confirm.bulkTitle': 'Envoyer en masse pour de vrai ?',
    'confirm.bulkTitleSandbox': 'Envoyer en masse, en bac à sable ?',
    'confirm.bulkText': '{n} destinataires en {sends} envois, {total} SMS en tout.',
    'confirm.bulkOk': ({ n }) => `Envoyer à ${n} destinataires`,
    'send.bulk': 'Plus de 500 destinataires : envoyez-les en masse (ci-dessus), ou 500 au plus à la fois.',

    'segments.title': 'SMS par SMS, caractère par caractère',
    'segments.hint':
      'Chaque case est un caractère tel que SMS Partner le facture, son coût en dessous. Survolez ou touchez une case pour le détail.',
    'segments.part': ({ i, n, used, capacity }) =>
      `${n > 1 ? `SMS ${i} sur ${n}` : 'Un SMS'} · ${used} / ${capacity} caractères`,
    'cell.header': ({ cost }) =>
      `En-tête de concaténation (UDH) : dans un message long, chaque SMS lui cède ${cost} caractères pour que le téléphone les rassemble.`,
    'cell.plain': ({ char, cost }, lang) => `${char} : ${cost} ${plural(lang, cost, 'caractère', 'caractères')}.`,
    'cell.space': ({ cost }, lang) => `Espace : ${cost} ${plural(lang, cost, 'caractère', 'caractères')}.`,
    'cell.escape': ({ char, cost }) =>
      `${char} est dans la table d'extension GSM : un caractère d'échappement plus lui-même, ${cost} caractères.`,
    'cell.pair': ({ char, cost }) => `${char} : ${cost} caractères en Unicode (deux unités UTF-16).`,
    'cell.newline': ({ cost }, lang) =>
      `Saut de ligne tapé avec Entrée : ${cost} ${plural(lang, cost, 'caractère', 'caractères')}.`,
    'cell.br': ({ cost }) => `Balise :br:, un saut de ligne : ${cost} caractères.`,
    'cell.euro': ({ cost }) => `Balise :euro:, le signe euro : ${cost} caractères (un échappement et €).`,
    'cell.replaced': ({ char, replacement, cost }, lang) =>
      `${char} part en « ${replacement} » : ${cost} ${plural(lang, cost, 'caractère', 'caractères')}.`,
    'cell.removed': ({ char }) => `${char} est supprimé par SMS Partner : 0 caractère.`,
    'cell.unsupported': ({ char, cost }, lang) =>
      `${char} ne peut pas partir sans l'Unicode : il arrive en « ? », ${cost} ${plural(lang, cost, 'caractère', 'caractères')}.`,
    'cell.stop': ({ cost }, lang) =>
      `Mention STOP, ajoutée par SMS Partner : ${cost} ${plural(lang, cost, 'caractère', 'caractères')}.`,
    'unicode.cost': ({ after, before }) =>
      `Unicode : ${after} SMS au lieu de ${before} par destinataire (70 caractères par SMS, 67 dans un message long).`,
    'smart.text': ({ n, before, after, left }, lang) =>
      `L'encodage intelligent remplace ${n} ${plural(lang, n, 'caractère', 'caractères')} par la forme GSM la plus proche (espace insécable → espace, « … » → « ... ») : ${before} SMS avant, ${after} après` +
      (left > 0 ? ` ; ${left} demandent encore l'Unicode.` : ', sans Unicode.'),
    'smart.button': 'Les remplacer (encodage intelligent)',
    'mobile.count': ({ sms, characters }) => `${sms} SMS · ${characters}`,
    'preview.open': 'Voir ce qui arrive',
    'preview.back': 'Retour au message',
    'preview.nav': 'Aperçu',
    'schedule.placeholder': 'jj/mm/aaaa',
    'schedule.format': 'Jour/mois/année, par exemple 07/01/2027.',
    'schedule.pick': 'Choisir une date',
    'confirm.cancel': 'Annuler',
    'confirm.realTitle': 'Envoyer pour de vrai ?',
    'confirm.realText': 'Le bac à sable est désactivé : {total} SMS pour {n} vont partir et être facturés.',
    'confirm.realOk': ({ total }) => `Envoyer et payer ${total} SMS`,
    'confirm.againTitle': 'Renvoyer le même message ?',
    'confirm.againText':
      'Ce message vient d’être envoyé aux mêmes destinataires ({when}). Le renvoyer facture {total} SMS de plus, et ils le reçoivent deux fois.',
    'confirm.maybeTitle': 'Le dernier essai est peut-être parti',
    'confirm.maybeText':
      'Le dernier envoi de ce même message a peut-être atteint SMS Partner ({when}) : vérifiez votre compte SMS Partner avant de le renvoyer, sinon {n} risquent de le recevoir deux fois.',
    'confirm.againOk': 'Renvoyer',
    'send.missing': 'Pour envoyer, remplissez : {fields}.',
    'send.check': 'Pour envoyer, vérifiez : {fields}.',
    'result.nbSmsSandbox': 'SMS qui seraient facturés',
    'result.costSandbox': 'Coût d’un envoi réel',
    'result.maybe': 'Peut-être envoyé : vérifiez avant de le renvoyer',
    'result.rateLimited': "SMS Partner limite le rythme des requêtes : rien n'est parti ; réessayez dans une minute.",
    'result.refused.limit_reached': "La limite quotidienne de SMS est atteinte : rien n'est parti. Le compte repart à minuit, heure de Paris.",
    'result.refused.rate_limited': "Trop de requêtes en une minute : rien n'est parti ; réessayez dans une minute.",
    'result.refused.auth_required': "Vous n'êtes pas connecté·e : ouvrez la page par Cloudflare Access. Rien n'est parti.",
    'result.refused.auth_invalid': "Votre connexion n'est plus valide : rechargez la page. Rien n'est parti.",
    'result.refused.auth_unavailable': "Les connexions ne peuvent pas être vérifiées pour le moment : rien n'est parti ; réessayez bientôt.",
    'result.refused.limit_unavailable': "Le compte des SMS du jour ne peut pas être vérifié pour le moment : rien n'est parti ; réessayez bientôt.",
    'issue.stop_mention_missing': 'Un SMS commercial doit porter la mention STOP : cochez « Mention STOP ».',
    'issue.stop_sms_not_applicable':
      '« Mention STOP » ne s’applique pas à la gamme Low cost : écrivez NoPub=STOP à la fin du message.',
    'issue.schedule_date_missing': "L'heure et la minute ne comptent qu'avec une date : sans date, le SMS part tout de suite.",

    'campaign.tabCompose': 'Rédiger',
    'campaign.tabCampaign': 'Campagne',
    'campaign.title': 'Campagne',
    'campaign.intro': 'Des milliers de numéros, envoyés par lots de 500 au plus sur la file du worker, chaque lot une seule fois.',
    'campaign.csv': 'Coller des lignes (CSV : une ligne d’en-tête qui nomme les colonnes, ou un numéro puis le message propre à la ligne)',
    'campaign.file': 'Ou choisir un fichier CSV (d’Excel : séparé par ; ou par des virgules, UTF-8 ou Windows-1252)',
    'campaign.message': 'Message (pour les lignes sans le leur)',
    'campaign.sender': 'Expéditeur',
    'campaign.chunkSize': 'Numéros par lot (vide : autant qu’une requête SMS Partner en prend)',
    'campaign.check': 'Vérifier',
    'campaign.send': 'Envoyer en sandbox',
    'campaign.stop': 'Arrêter',
    'campaign.noWorker': 'Aucun worker n’est configuré : la campagne ne peut pas partir.',
    'campaign.rows': ({ n, refused = 0 }) =>
      `${n} ligne${n > 1 ? 's' : ''} lue${n > 1 ? 's' : ''}${refused > 0 ? ` · ${refused} non lue${refused > 1 ? 's' : ''} (listée${refused > 1 ? 's' : ''} plus bas)` : ''}`,
    'campaign.encoding': 'Encodage du fichier',
    'campaign.encoding.auto': 'Détecter (UTF-8, sinon Windows-1252)',
    'campaign.encoding.utf-8': 'UTF-8',
    'campaign.encoding.windows-1252': 'Windows-1252 (Excel en Europe de l’Ouest)',
    'campaign.reading': 'Lecture de {name}…',
    'campaign.readDone': '{name} lu.',
    'campaign.readAs': ({ name, encoding }) => `${name} lu comme ${encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}.`,
    'campaign.readAsGuessed': '{name} n’est pas en UTF-8 : lu comme Windows-1252.',
    'campaign.readAsAlsoUtf8': '{name} lu comme Windows-1252, comme demandé ; il est aussi en UTF-8 valide : si ses accents semblent faux, lisez-le comme UTF-8.',
    'campaign.decode.not_utf8': '{name} n’est pas en UTF-8 : lisez-le comme Windows-1252 (ou laissez la page le détecter).',
    'campaign.decode.not_text': '{name} contient un octet (à la position {offset}) qui n’est du texte ni en UTF-8 ni en Windows-1252 : il n’a pas été lu.',
    'campaign.readFailed': 'Les lignes n’ont pas pu être lues : {detail}',
    'campaign.preview': 'Premières lignes, telles que lues',
    'campaign.line': 'Ligne',
    'campaign.number': 'Numéro',
    'campaign.ownMessage': 'Message propre',
    'campaign.refused': 'Lignes non lues (non envoyées)',
    'campaign.refused.scientific':
      'Excel a écrit ce numéro en notation scientifique et ses chiffres sont perdus : mettez la colonne au format Texte dans Excel et exportez à nouveau.',
    'campaign.refused.quotes': 'un guillemet de cette ligne n’est jamais fermé ou est mal placé',
    'campaign.refused.no_number': 'aucun numéro dans la colonne des numéros',
    'campaign.refused.extra_fields': 'plus de valeurs que la ligne d’en-tête n’a de colonnes',
    'campaign.lostZero': 'Numéros à neuf chiffres (Excel a peut-être retiré leur 0 initial)',
    'campaign.lostZero.mobile': 'avec son 0, le numéro de mobile {number} ({region})',
    'campaign.lostZero.notMobile': 'avec un 0, ce n’est pas un numéro de mobile : laissé tel quel',
    'campaign.addZero': ({ n }) => `Remettre le 0 (${n} ligne${n > 1 ? 's' : ''})`,
    'campaign.zeroAdded': ({ n }) => `0 remis sur ${n} ligne${n > 1 ? 's' : ''}.`,
    'campaign.templateHint': 'Une {colonne} de la ligne d’en-tête dans le message est remplacée par la valeur de chaque ligne (ex. Bonjour {prenom}).',
    'campaign.template.rendering': 'Préparation du message de chaque ligne…',
    'campaign.template.counts': ({ alone, shortest, longest, more, total, made }) => {
      const rows = (n) => `${n} ligne${n > 1 ? 's' : ''}`;
      const range = shortest
        ? ` · ligne la plus courte : ${shortest.sms} SMS (ligne ${shortest.line}) · la plus longue : ${longest.sms} SMS (ligne ${longest.line})`
        : '';
      return `Modèle seul : ${alone} SMS${range} · ${rows(more)} demande${more > 1 ? 'nt' : ''} plus de SMS que le modèle seul · ${total} SMS en tout pour ${rows(made)} · pas d’estimation du coût : la page ne connaît pas le prix d’un SMS`;
    },
    'campaign.template.longest': 'La ligne la plus longue (ligne {line}), telle qu’elle arrivera :',
    'campaign.template.unmade': 'Lignes pour lesquelles le message ne peut pas être fait (non envoyées)',
    'campaign.template.unicode': 'Lignes dont les valeurs demandent l’Unicode (envoyés sans, ces caractères arrivent en ?)',
    'campaign.template.unicodeSms': ({ n }) => `${n} SMS en Unicode ;`,
    'campaign.template.value': '{{column}} vaut « {value} » ({chars})',
    'campaign.template.noSmart': '— aucune forme GSM n’en garde le sens.',
    'campaign.template.smart': 'Écrire « {smart} » à la place (encodage intelligent)',
    'campaign.template.own': 'son propre message les contient.',
    'campaign.template.tooLong': ({ limit }) => `Lignes au-delà de la limite de SMS Partner, ${limit} SMS par message (refusées par la vérification)`,
    'campaign.template.sms': ({ n }) => `${n} SMS`,
    'campaign.report': (r) =>
      `${r.recipients} à envoyer en ${r.chunks} lot${r.chunks > 1 ? 's' : ''} · ${r.invalid.length} invalide(s) · ${r.skippedStop.length} en liste STOP · ${r.duplicates.length} en double`,
    'campaign.invalid': 'Lignes invalides',
    'campaign.stopRows': 'En liste STOP (non envoyés)',
    'campaign.duplicates': 'En double (envoyés une fois)',
    'campaign.row': 'ligne {line}',
    'campaign.progress': (p) =>
      `${p.state} · ${p.chunks.sent} lot(s) sur ${p.chunks.total} envoyés · ${p.accepted} numéros acceptés · ${p.chunks.failed} refusé(s) · ${p.chunks.unknown} en cours de vérification`,
    'campaign.failed': 'Le worker a refusé',
    'campaign.delivery': (d) =>
      `Remise : ${d.delivered} remis · ${d.failed} en échec${Object.keys(d.failedBy).length ? ` (${Object.entries(d.failedBy).map(([k, n]) => `${n} ${{ undeliverable: 'non remis', expired: 'expiré', rejected: 'rejeté', ko: 'échec chez SMS Partner', notDelivered: 'non remis' }[k] ?? k}`).join(', ')})` : ''} · ${d.pending} en attente d'un accusé${d.stopReceived ? ` · ${d.stopReceived} ont répondu STOP` : ''}`,
    'campaign.reportCsv': 'Télécharger le rapport (CSV)',
    'campaign.reportFailed': "Le rapport n'a pas pu être téléchargé",
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

/** Whether `key` has a text (in English at least). */
export function hasText(key) {
  return Object.hasOwn(TEXTS.en, key);
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

/** French names of the invisible and typographic characters a French text most often holds. */
const FRENCH_CHAR_NAMES = {
  'U+0009': 'tabulation',
  'U+00A0': 'espace insécable',
  'U+00AD': 'trait d’union conditionnel',
  'U+2009': 'espace fine',
  'U+200B': 'espace sans chasse',
  'U+200D': 'liant sans chasse',
  'U+2013': 'tiret demi-cadratin',
  'U+2014': 'tiret cadratin',
  'U+2026': 'points de suspension',
  'U+202F': 'espace fine insécable',
  'U+FE0F': 'sélecteur de variante 16 (emoji)',
  'U+FEFF': 'espace insécable sans chasse',
};

/**
 * A character's name for a sentence, from the package's Unicode name ("NO-BREAK SPACE"): in
 * French where the page knows it, else the Unicode name in lower case; null without a name.
 */
export function charName(lang, codePoint, unicodeName) {
  if (typeof unicodeName !== 'string' || unicodeName === '') return null;
  return (lang === 'fr' && FRENCH_CHAR_NAMES[codePoint]) || unicodeName.toLowerCase();
}
