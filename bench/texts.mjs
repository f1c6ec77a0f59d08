// French messages of three lengths, as a shop or a clinic would send them: accents, a euro
// sign, typographic quotes and apostrophes, and one emoji (so they need Unicode mode).
// Each is exactly its announced length in UTF-16 code units (String.prototype.length).

const short =
  'Bonjour Élodie, votre commande n°48213 est prête au retrait : 34,90 € à régler en magasin. ' +
  'À très vite chez Fleurs d’Été 🌷 STOP au 36180, sans frais.';

const medium =
  'Chère cliente, cher client, les soldes d’hiver commencent ce mercredi à 8 h dans votre ' +
  'boutique « La Maison du Thé » de Rennes. Profitez de −30 % sur une sélection de théières en ' +
  'fonte, de coffrets de dégustation et d’accessoires, puis de −50 % dès le deuxième week-end. ' +
  'Nouveauté cette année : un atelier gratuit de découverte des thés japonais, le samedi à 15 h, ' +
  'sur réservation (places limitées à douze personnes). Pour tout achat supérieur à 60 €, un ' +
  'sachet de notre mélange « Soirée d’hiver » vous sera offert ☕ Parking gratuit rue Saint-Hélier. ' +
  'Nous serons ravis de vous accueillir du lundi au samedi, de 9 h 30 ' +
  'à 19 h. Au plaisir de vous voir.';

const long =
  'Madame, Monsieur, le cabinet médical des Tilleuls vous informe de plusieurs changements ' +
  'importants à compter du lundi 3 mars. Le docteur Hélène Lefèvre rejoint l’équipe et reçoit ' +
  'désormais les mardis, jeudis et vendredis, de 8 h 30 à 12 h et de 14 h à 18 h 30. Les ' +
  'consultations pédiatriques du mercredi matin sont maintenues ; celles du samedi sont ' +
  'déplacées au vendredi en fin de journée. ' +
  'La prise de rendez-vous se fait en ligne ou par téléphone au secrétariat, ouvert du lundi au ' +
  'vendredi. Merci de prévenir au moins vingt-quatre heures à l’avance en cas d’empêchement : un ' +
  'créneau libéré, c’est un patient de plus reçu le jour même. Les rendez-vous non honorés sans ' +
  'prévenir pourront être facturés 25 € à partir du deuxième oubli dans l’année. ' +
  'Pensez à apporter votre carte Vitale, votre attestation de mutuelle et, pour les enfants, le ' +
  'carnet de santé. Les certificats de sport sont délivrés uniquement lors d’une consultation ; ' +
  'aucune demande par courriel ne sera traitée. Le cabinet est accessible aux personnes à mobilité ' +
  'réduite par l’entrée côté jardin. ' +
  'Pendant les travaux de rénovation de la salle d’attente, prévus jusqu’à la fin du mois d’avril, ' +
  'nous vous accueillerons dans la salle polyvalente de la mairie, juste en face. Nous vous ' +
  'remercions de votre compréhension et de votre fidélité 🙏 Pour toute urgence en dehors des ' +
  'heures d’ouverture, composez le 15 ou le 112 ; pour un avis médical non urgent le soir et le ' +
  'week-end, appelez le 116 117. Très bonne journée à toutes et à tous, l’équipe du cabinet des ' +
  'Tilleuls. Pour ne plus recevoir nos informations, répondez STOP au 36180.';

// Copy pasted from a word processor: fifteen and more characters that SMS Partner replaces
// (’ « » œ ç [ ] … { } ^) in a GSM message.
const replaced =
  'L’œuvre « Ça » [édition {spéciale}] : -20 % ce week-end… Réservez vite ! Cœur de ' +
  'ville, 3 rue d’Alésia ; ouvert 10h–19h. Ôtez-vous ^^ d’un doute, ici!';

// Emoji and accents, sent in Unicode mode.
const emoji =
  '🎉 Joyeux anniversaire Zoé ! 🎂 Pour fêter ça, -25 % sur tout le magasin 🛍️ jusqu’à ' +
  'dimanche 🌞 Présentez ce SMS en caisse 😉 Bises, Fleurs d’Été 💐 STOP 36180';

/** The text, checked to be exactly `length` UTF-16 code units long. */
function sized(text, length) {
  if (text.length !== length) throw new Error(`text of ${text.length} code units, not ${length}`);
  return text;
}

export const TEXTS = [
  { name: '150 characters, replaced ones', text: sized(replaced, 150) },
  { name: '160 code units, emoji', text: sized(emoji, 160) },
  { name: '150 characters', text: sized(short, 150) },
  { name: '650 characters', text: sized(medium, 650) },
  { name: '1,600 characters', text: sized(long, 1600) },
];
