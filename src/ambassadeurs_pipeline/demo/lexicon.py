"""Generic French phrase banks, shared by all themes.

Sentences are built compositionally (opener x role disclosure x context x body x
motivation x sentiment x closer), and the templates below hold slots filled per comment
from the theme's vocabulary (see ``themes.py`` for the grammar of each slot) and from
generic fillers (``{duration}``, ``{relative}``, ``{year}``, ``{e}`` for the feminine
ending of the author...). No template starts a *later* sentence with a slot, because the
first letter is only capitalised at the start of the comment.
"""

from __future__ import annotations

from .banks import split_bank as _s

# --- openers and closers -------------------------------------------------------------
GREETINGS = _s(
    "Bonjour à tous,|Bonjour,|Bonsoir,|Salut,|Hello,|Coucou,|Bonjour à toutes et à tous,|Bonsoir tout le monde,|"
    "Salut tout le monde !|Bonjour, première fois que je poste ici.|Re bonjour,|Bonjour les amis,|Hello la compagnie,|"
    "Bonjour, je me permets de poster ici.|Bonsoir à tous,"
)
REPLY_OPENERS = _s(
    "Bonjour,|Alors,|Coucou,|Hello,|Oui,|Perso,|De mon côté,|Pour ma part,|Je vous réponds,|Bonsoir,|"
    "Ah je connais bien,|Pour répondre à ta question,|Moi aussi,"
)
CLOSERS = _s(
    "Merci d'avance.|Merci d'avance pour vos réponses !|Bonne journée à tous.|Merci de m'avoir lu{e}.|Bonne soirée.|"
    "Merci pour votre aide.|Toute réponse est la bienvenue.|Merci !|Prenez soin de vous.|Bon courage à tous.|"
    "Merci pour vos retours.|Je vous tiens au courant.|À bientôt.|Bisous à tous."
)

# --- context sentences (situation of the asker / storyteller) -------------------------
CONTEXTS = _s(
    "Je prends {drug} depuis {duration} et j'ai souvent {symptom}.|"
    "Depuis {duration} j'ai {symptom} et {symptom2}, surtout {situation}.|"
    "Mon {pro} m'a prescrit {drug} après {exam}.|"
    "J'ai fait {exam} il y a {duration}, j'attends les résultats.|"
    "Le {pro} veut remplacer {drug} par {drug2}.|"
    "On m'a parlé de {drug2} mais j'hésite un peu.|"
    "Ça fait {duration} que ça dure, j'ai {symptom} {situation}.|"
    "J'ai rendez-vous avec mon {pro} la semaine prochaine pour {exam}.|"
    "Avec {drug} ça allait mieux au début mais j'ai de nouveau {symptom}.|"
    "Le plus dur c'est {situation}, avec {symptom} en plus.|"
    "Mon {pro} dit que c'est normal mais j'ai toujours {symptom}.|"
    "J'ai arrêté {drug} il y a {duration} parce que j'avais {symptom}.|"
    "Je me renseigne beaucoup sur {term} en ce moment.|"
    "J'ai lu pas mal de choses sur {term} et je suis perdu{e}.|"
    "Depuis {duration} je vis avec {maladie} et ce n'est pas toujours simple.|"
    "En ce moment c'est compliqué avec {maladie}, surtout {situation}.|"
    "Mon {pro} n'a pas beaucoup de temps pour m'expliquer {term}.|"
    "J'ai {age} et je découvre tout ça depuis {duration}."
)

# --- questions -----------------------------------------------------------------------
# Frames for an intent's infinitive phrase (``{q}``) and clause (``{q}``).
INF_FRAMES = _s(
    "Comment faire pour {q} ?|Peut-on {q} ?|Des conseils pour {q} ?|Quelqu'un a des astuces pour {q} ?|"
    "C'est possible de {q} ?|Comment vous faites pour {q} ?|Je cherche comment {q}.|Vous savez comment {q} ?|"
    "Quelle est la meilleure façon de {q} ?|J'aimerais savoir comment {q}.|Est-ce que quelqu'un sait comment {q} ?|"
    "Comment on fait pour {q} ?|Vous auriez des conseils pour {q} ?"
)
SUB_FRAMES = _s(
    "Quelqu'un sait si {q} ?|Est-ce que {q} ?|Vous savez si {q} ?|Je me demande si {q}.|Savez-vous si {q} ?|"
    "Quelqu'un peut me dire si {q} ?|Est-il vrai que {q} ?|On m'a dit que {q}, c'est vrai ?|"
    "Je voudrais savoir si {q}.|Quelqu'un sait si {q}"
)
# Questions not tied to an intent, built from the theme's fillers.
GENERIC_QUESTIONS = _s(
    "Est-ce que quelqu'un a déjà eu {symptom} avec {drug} ?|C'est normal d'avoir {symptom} après {exam} ?|"
    "Vous prenez {drug} le matin ou le soir ?|Quelqu'un a testé {drug2} ? Des retours ?|"
    "Comment vous gérez {symptom} {situation} ?|Faut-il retourner voir le {pro} pour ça ?|"
    "Peut-on arrêter {drug} d'un coup ?|Combien de temps pour avoir les résultats de {exam} ?|"
    "Vous avez eu {symptom} vous aussi ?|Je dois passer {exam}, ça fait mal ?|"
    "Est-ce que {drug} fait grossir ?|Quelqu'un connaît un bon {pro} du côté de {city} ?|"
    "Vous faites comment {situation} avec {symptom} ?|Est-ce que ça vaut le coup d'essayer {drug2} ?|"
    "C'est grave si j'ai {symptom} depuis {duration} ?|Qui a déjà fait {exam} ? Ça se passe comment ?|"
    "Est-ce que {symptom} peut venir de {drug} ?|Vous en parlez à votre {pro} ou pas ?|"
    "Comment savoir si c'est lié à {maladie} ?|Ça vous arrive d'avoir {symptom} {situation} ?"
)
ME_TOO_PREFIX = _s(
    "Pareil, je me pose la même question.|Je me permets de relancer,|Même question pour moi.|Je rebondis :|"
    "Moi aussi je cherche la réponse.|Je suis dans le même cas.|Up, personne ?|Même situation ici."
)

# --- answers -------------------------------------------------------------------------
GENERIC_ANSWERS = _s(
    "J'ai eu {symptom} les premières semaines sous {drug}, ça s'est calmé après {duration}.|"
    "Il faut en parler à votre {pro}, il peut ajuster la dose de {drug}.|"
    "Pour {exam}, rien de méchant, c'est rapide et on a les résultats en quelques jours.|"
    "Ce qui m'a aidé{e} {situation} c'est de noter mes symptômes dans un carnet et de le montrer à mon {pro}.|"
    "{drug} se prend plutôt le matin, et si vous avez {symptom} il existe d'autres options comme {drug2}.|"
    "Oui c'est un effet connu, ça arrive souvent au début, mais signalez-le quand même au {pro}.|"
    "N'arrêtez jamais {drug} d'un coup sans avis médical, il faut diminuer progressivement.|"
    "J'ai fait {exam} l'an dernier, ça ne fait pas mal, il faut juste être à jeun.|"
    "Essayez de voir un {pro} spécialisé, ça a tout changé pour moi.|"
    "Pour {symptom}, mon {pro} m'a conseillé de fractionner les efforts et ça marche bien.|"
    "{term} c'est vraiment important à surveiller, demandez un suivi régulier.|"
    "Je suis passé{e} de {drug} à {drug2} et j'ai beaucoup moins d'effets secondaires."
)
HELPFUL_TAILS = _s(
    "Parlez-en à votre {pro}, c'est le mieux placé.|Ça devrait s'arranger, courage.|Surtout n'hésitez pas à reconsulter si ça empire.|"
    "C'est ce qu'on m'a expliqué en consultation.|Ça m'a bien aidé{e} en tout cas.|Bon courage pour la suite.|"
    "Faites-vous accompagner, ça change tout."
)
LINK_PHRASES = _s(
    "Il y a un très bon guide ici : {url}|Regardez cet article, il explique tout : {url}|L'asso a fait une page là-dessus : {url}|"
    "Tout est expliqué ici {url}|Lien utile : {url}"
)
UNHELPFUL = _s(
    "Aucune idée, demandez à votre {pro}.|Je ne sais pas du tout, désolé{e}.|Je me pose la même question.|Bon courage à vous !|"
    "Up|Pareil pour moi, personne n'a de réponse ?|Moi on ne m'a jamais rien expliqué non plus.|Franchement je ne sais pas.|"
    "Il faut voir avec votre médecin, ici on ne peut pas savoir.|Ça dépend des gens je pense.|Je suis aussi intéressé{e} par la réponse.|"
    "Courage, ça va aller.|Bonne question, je n'en sais rien.|Moi aussi j'aimerais savoir.|Je suis dans le même cas, je suis le sujet.|"
    # Variants with theme fillers, so that short replies still carry their theme's words.
    "Aucune idée pour {drug}, demandez à votre {pro}.|Je n'ai jamais eu {symptom} avec {drug}, désolé{e}.|"
    "Pour {exam} je ne sais pas, il faut voir avec le {pro}.|Je me pose la même question sur {term}.|"
    "Moi aussi je galère avec {symptom} {situation}.|Pas d'expérience avec {drug2}, désolé{e}.|"
    "Je ne connais pas {drug}, mais {symptom} ça me parle.|Aucune idée pour {exam}, je suis le sujet.|"
    "On m'a jamais rien dit sur {term} non plus.|Perso {drug} ne m'a rien fait, mais chacun réagit différemment."
)
SUPPORT = _s(
    "Courage, je suis passé{e} par là aussi avec {symptom}.|Je vous envoie plein de courage.|Je comprends tellement, {symptom} c'est épuisant.|"
    "Tenez bon, ça finit par s'améliorer.|Pareil pour moi avec {drug}, on se sent moins seul{e} en lisant ça.|"
    "Merci pour ce témoignage, ça fait du bien de lire ça.|Je vous comprends, {maladie} c'est un combat de tous les jours.|"
    "Gros câlin, prenez soin de vous.|Bravo pour votre courage.|Ça me parle tellement, j'ai vécu la même chose {situation}.|"
    "Courage avec {symptom}, je sais ce que c'est.|Bon courage pour {exam}, ça va bien se passer.|"
    "Je connais trop bien {symptom} {situation}, courage.|Je croise les doigts pour {exam}.|Pareil pour moi sous {drug}, tenez bon.|"
    "Courage, {maladie} c'est usant mais on s'accroche.|Moi aussi {drug} m'a fait ça au début, accrochez-vous.|"
    "Je pense fort à vous pour {exam}.|Vous n'êtes pas seul{e} avec {symptom}."
)
THANKS = _s(
    "Merci, ça m'aide beaucoup !|Merci bcp pour vos réponses.|Merci pour vos conseils, je vais en parler à mon {pro}.|"
    "Merci beaucoup, c'est plus clair maintenant.|Super, merci pour l'info sur {term} !|Merci à vous, je me sens rassuré{e}.|"
    "Merci pour cette réponse détaillée.|Merci, je vais essayer ça.|Un grand merci, je ne savais pas pour {drug}.|"
    "Merci, vous m'avez bien aidé{e}.|Merci infiniment pour votre réponse, je vais demander à mon {pro}.|"
    "Merci beaucoup pour vos retours sur {exam}.|Merci pour le lien, très utile !|"
    "Merci, je vais demander à mon {pro} pour {drug}.|Merci, je vais essayer pour {symptom}.|"
    "Merci pour vos conseils sur {term}, ça m'aide.|Merci, je suis rassuré{e} pour {exam}.|"
    "Merci, je ne savais pas que {drug} pouvait donner {symptom}.|Merci pour vos réponses, j'y vois plus clair sur {term}."
)
STORY_OPENERS = _s(
    "Je voulais partager mon parcours.|Petit témoignage pour ceux qui passent par là.|Je poste pour donner des nouvelles.|"
    "Je viens raconter un peu mon histoire.|Un petit mot pour partager mon expérience.|Besoin de vider mon sac.|"
    "Je voulais vous dire où j'en suis.|"
)
TIP_OPENERS = _s(
    "Petite astuce pour ceux que ça intéresse :|Je partage ce qui a marché pour moi :|Un conseil que j'aurais aimé avoir plus tôt :|"
    "Info utile :|Pour ceux qui se posent la question :"
)

# --- latent motivation of the author ---------------------------------------------------
MOTIVATIONS = [
    "altruisme",
    "besoin_de_reconnaissance",
    "sentiment_d_appartenance",
    "experience_negative_en_prevention",
]
MOTIVATION_PHRASES: dict[str, list[str]] = {
    "altruisme": _s(
        "N'hésitez pas si vous avez des questions.|Je veux aider ceux qui découvrent la maladie.|Si ça peut aider quelqu'un, tant mieux.|"
        "Je réponds volontiers en MP si besoin.|Je partage au cas où ça serve à quelqu'un.|C'est normal de s'entraider, je suis là si besoin.|"
        "Si quelqu'un a besoin d'en parler, je suis disponible.|J'aimerais que mon expérience serve aux autres.|"
        "Je suis passé{e} par là alors je peux vous aider.|N'hésitez pas à m'écrire, je prendrai le temps de répondre.|"
        "Aider les autres, c'est ce qui me fait avancer.|Si je peux rendre service, avec plaisir."
    ),
    "besoin_de_reconnaissance": _s(
        "Ça fait {nyears} ans que je suis là-dessus, j'en connais un rayon.|J'ai écrit un article sur le sujet, on me demande souvent conseil.|"
        "On me demande souvent conseil ici.|J'ai été interviewé{e} par un journal local sur mon parcours.|"
        "J'anime une page sur le sujet, plus de 3000 abonnés maintenant.|Je suis un peu l'expert{e} du sujet sur ce forum.|"
        "J'ai donné une conférence à l'hôpital sur mon expérience.|Mon blog est cité par plusieurs associations.|"
        "Les soignants m'ont même demandé de témoigner devant les étudiants.|Je suis reconnu{e} comme patient{e} expert{e} maintenant.|"
        "Ça fait {nyears} ans que je réponds aux questions ici.|Mes vidéos sur le sujet ont été vues des milliers de fois."
    ),
    "sentiment_d_appartenance": _s(
        "Merci à ce groupe, vous êtes géniaux.|On est tous dans le même bateau.|Je me sens moins seul{e} grâce à vous.|"
        "Heureusement que vous êtes là.|Ce forum c'est ma deuxième famille.|Entre nous on se comprend sans avoir besoin d'expliquer.|"
        "Ici au moins on me comprend.|Ça fait du bien d'appartenir à cette communauté.|Je suis contente de faire partie du groupe.|"
        "Vous êtes les seuls à comprendre ce que je vis.|Merci la team, toujours là les uns pour les autres.|"
        "Depuis que je suis dans ce groupe je me sens entouré{e}."
    ),
    "experience_negative_en_prevention": _s(
        "Si j'avais su, j'aurais consulté bien plus tôt.|Faites-vous dépister, ne faites pas comme moi.|Ne faites pas comme moi, n'attendez pas.|"
        "J'ai trop tardé et je le paie aujourd'hui.|Mon erreur a été d'ignorer les premiers signes.|Écoutez votre corps, je ne l'ai pas fait.|"
        "Je témoigne pour que ça n'arrive pas à d'autres.|Personne ne m'avait prévenu{e}, alors je préviens.|"
        "Ne laissez pas traîner, j'ai perdu des années.|Allez faire le dépistage, ça m'aurait évité bien des soucis.|"
        "Si mon histoire peut éviter à quelqu'un de faire la même erreur.|J'ai négligé les contrôles et je le regrette."
    ),
}

# --- role self-disclosure (theme-specific ones live in data/themes.json) -------------
PRO_DISC = {
    "f": _s(
        "En tant qu'infirmière, je vois ça souvent.|Je suis médecin généraliste.|Infirmière libérale ici.|Pharmacienne d'officine ici.|"
        "Je suis {protitle}.|En tant que {protitle}, je peux vous répondre.|Je travaille comme {protitle} depuis {nyears} ans.|"
        "Soignante depuis {nyears} ans.|Je suis {protitle} à {city}."
    ),
    "m": _s(
        "En tant qu'infirmier, je vois ça souvent.|Je suis médecin généraliste.|Infirmier libéral ici.|Pharmacien d'officine ici.|"
        "Je suis {protitle}.|En tant que {protitle}, je peux vous répondre.|Je travaille comme {protitle} depuis {nyears} ans.|"
        "Soignant depuis {nyears} ans.|Je suis {protitle} à {city}."
    ),
}
AIDANT_GENERIC = _s(
    "J'accompagne {relative} au quotidien.|Je suis aidant{e} pour {relative}.|Je m'occupe de {relative} depuis {duration}."
)
RELATIVES = _s(
    "ma mère|mon père|mon fils|ma fille|mon mari|ma femme|ma sœur|mon frère|ma grand-mère|mon compagnon|ma compagne"
)

# --- latent sentiment -----------------------------------------------------------------
SENTIMENT_PHRASES = {
    "negatif": _s(
        "J'en peux plus.|Je suis à bout.|C'est horrible à vivre.|Ras-le-bol.|Je suis dégoûté{e}.|Franchement je désespère.|"
        "J'ai peur pour la suite.|Je suis découragé{e}.|C'est l'enfer.|Ça me mine le moral.|Je suis en colère.|Personne ne m'écoute."
    ),
    "positif": _s(
        "Ça va beaucoup mieux !|Je suis tellement soulagé{e}.|Super nouvelle !|Trop content{e} !|Je revis.|Quel bonheur.|"
        "Je suis confiant{e} pour la suite.|Enfin une bonne nouvelle.|Je vois le bout du tunnel.|Ça fait du bien."
    ),
}
EMOJIS = {
    "negatif": ["😢", "😭", "😡", "😞", "😩", "💔", "😔"],
    "neutre": ["🙏", "🤔", "🙂", "👍", "😅"],
    "positif": ["😊", "❤️", "💪", "🥰", "🙏", "😃", "✨", "👏"],
}

# --- generic fillers ------------------------------------------------------------------
DURATIONS = _s(
    "3 mois|six mois|deux ans|quelques semaines|un an|5 ans|plus de 10 ans|18 mois|15 jours|trois ans|huit mois|4 ans"
)
CITIES = _s(
    "Lyon|Paris|Marseille|Toulouse|Nantes|Lille|Bordeaux|Rennes|Grenoble|Montpellier|Strasbourg|Dijon|Angers|Tours|Nice|Brest|Limoges|Metz"
)

# --- bad buzz about a (fictional) drug ------------------------------------------------
BAD_BUZZ_DRUG = "Velnorix"  # fictional name: the demo must not defame a real product
BAD_BUZZ_LINES = _s(
    "Depuis la nouvelle formule du Velnorix j'ai {symptom} tous les jours, c'est scandaleux.|"
    "Le Velnorix m'a donné {symptom} et {symptom2}, personne ne nous prévient !|"
    "Encore un témoignage sur le Velnorix : vertiges, palpitations, insomnies. Qu'attend l'ANSM ?|"
    "Mon {pro} refuse de croire que c'est le Velnorix alors que j'ai {symptom} depuis le changement.|"
    "On est des milliers à avoir des effets secondaires avec le Velnorix, il faut que ça se sache.|"
    "J'ai arrêté le Velnorix de moi-même tellement j'avais {symptom}.|"
    "Le labo du Velnorix doit rendre des comptes, c'est un nouveau scandale sanitaire.|"
    "Ma mère est sous Velnorix et elle a {symptom} depuis trois semaines, je suis inquiet{e}.|"
    "Pétition contre la nouvelle formule du Velnorix, signez et partagez !|"
    "Faites une déclaration de pharmacovigilance si vous avez {symptom} avec le Velnorix.|"
    "Le pharmacien dit que plein de patients se plaignent du Velnorix en ce moment."
)

# --- spam and bots ------------------------------------------------------------------------
SPAM_TEXTS = _s(
    "Perdez 10 kg en 1 semaine grâce à notre cure détox 100% naturelle !!! Cliquez ici 👉 {spamurl}|"
    "🔥🔥 OFFRE EXCEPTIONNELLE 🔥🔥 Le complément miracle qui guérit le diabète en 30 jours, les médecins le détestent : {spamurl}|"
    "J'ai gagné 3000€ en 2 semaines avec le bitcoin grâce à un expert, contactez-le sur WhatsApp, lien en bio {spamurl}|"
    "Investissez dans la crypto santé, rendement garanti 20% par mois, cliquez ici {spamurl}|"
    "Pharmacie en ligne pas chère sans ordonnance : {spamurl} {spamurl2} {spamurl3}|"
    "Meilleurs prix Viagra Cialis générique livraison discrète 24h {spamurl}|"
    "Vous aussi gagnez un iPhone 17 en répondant à notre sondage santé !!! {spamurl}|"
    "CBD premium pour le sommeil et les douleurs, -50% aujourd'hui seulement, cliquez ici {spamurl}|"
    "Travaillez de chez vous et gagnez 500€ par jour, sans expérience, inscription gratuite {spamurl}|"
    "Guérissez votre fibromyalgie naturellement avec notre méthode secrète, plus de 10 000 personnes guéries {spamurl}|"
    "liens utiles santé : {spamurl} {spamurl2} {spamurl3} {spamurl2} {spamurl}|"
    "Tisane minceur brûle-graisse, résultats visibles en 3 jours, stock limité !!! {spamurl}"
)
SPAM_DOMAINS = _s(
    "bit.ly/promo-sante|detox-miracle.shop|crypto-gains-rapides.biz|pharma-discount24.net|minceur-express.top|"
    "cbd-bien-etre.store|cadeau-gratuit.click|sante-naturelle-secret.com"
)
BOT_TEMPLATES = _s(
    "🌿 Découvrez notre nouvelle gamme de compléments pour {botsubj} ! Livraison offerte avec le code SANTE{code} 👉 {spamurl}|"
    "✅ Vous souffrez de {botsubj} ? Notre solution naturelle vous aide dès aujourd'hui. Infos : {spamurl} #{code}|"
    "💊 Promo flash sur les produits {botsubj} ! Jusqu'à -{pct}% avec le code BOT{code} 👉 {spamurl}|"
    "📢 Webinaire gratuit : vaincre {botsubj} en 7 jours. Inscription : {spamurl} (offre n°{code})"
)
BOT_SUBJECTS = _s(
    "la fatigue|le stress|l'insomnie|le surpoids|les douleurs articulaires|le cholestérol"
)

# --- non-French posts ------------------------------------------------------------------
FOREIGN = {
    "en": {
        "question": _s(
            "Hi everyone, has anyone had {symptom_en} while taking {drug}? My doctor says it's normal but I'm worried.|"
            "Does anyone know if I can stop {drug} suddenly? Thanks in advance!|"
            "Hello from Montreal, how do you cope with {symptom_en} at work?|"
            "Quick question: is it safe to take {drug} with ibuprofen?"
        ),
        "answer": _s(
            "I had the same issue with {drug}, it got better after a few weeks. Talk to your doctor about the dose.|"
            "Hi, nurse here, {symptom_en} is a known side effect, please check with your GP.|"
            "Same here, what helped me was keeping a symptom diary."
        ),
        "other": _s(
            "Thanks so much for sharing, sending you strength!|Sorry I don't speak French well, but I've been on {drug} for two years and I'm fine.|"
            "Great group, I feel less alone reading your stories.|Stay strong everyone ❤️"
        ),
    },
    "es": {
        "question": _s(
            "Hola a todos, ¿alguien ha tenido {symptom_es} con {drug}?|¿Alguien sabe si se puede dejar {drug} de golpe?"
        ),
        "answer": _s(
            "A mí me pasó lo mismo con {drug}, mejoró después de unas semanas. Habla con tu médico."
        ),
        "other": _s(
            "¡Mucho ánimo a todos! Gracias por compartir.|Perdón por no escribir en francés, pero me siento muy identificada."
        ),
    },
    "de": {
        "question": _s(
            "Hallo zusammen, hat jemand Erfahrung mit {drug} und {symptom_de}?|Weiß jemand, ob man {drug} einfach absetzen kann?"
        ),
        "answer": _s(
            "Bei mir war es mit {drug} am Anfang genauso, nach ein paar Wochen wurde es besser. Sprich mit deinem Arzt."
        ),
        "other": _s(
            "Danke fürs Teilen, alles Gute euch allen!|Entschuldigung, mein Französisch ist schlecht, aber ich lese hier oft mit."
        ),
    },
    "ar": {
        "question": _s(
            "السلام عليكم، هل جرب أحدكم {drug}؟ عندي {symptom_ar} منذ أسبوعين|هل يمكن التوقف عن {drug} فجأة؟ شكرا مسبقا"
        ),
        "answer": _s(
            "نفس الشيء حصل معي مع {drug}، تحسنت بعد أسابيع. استشر طبيبك.|يجب أن تتحدث مع الطبيب قبل تغيير الجرعة"
        ),
        "other": _s("شكرا على المشاركة، الله يشفيكم جميعا|بالتوفيق للجميع ❤️"),
    },
}
FOREIGN_EXTRA = {
    "en": {
        "greet": _s("Hi,|Hello,|Hey everyone,|Hi all,|Good evening,"),
        "close": _s(
            "Thanks!|Take care.|Any advice welcome.|Cheers.|Much love from London.|Sorry for writing in English."
        ),
    },
    "es": {
        "greet": _s("Hola,|Buenas,|Hola a todas,|Buenos días,"),
        "close": _s("Gracias.|Un abrazo.|Saludos desde Madrid.|Cuídense."),
    },
    "de": {
        "greet": _s("Hallo,|Hi,|Guten Abend,|Hallo ihr Lieben,"),
        "close": _s("Danke!|Liebe Grüße.|Gute Besserung.|Viele Grüße aus Köln."),
    },
    "ar": {"greet": _s("مرحبا،|السلام عليكم،|مساء الخير،"), "close": _s("شكرا|تحياتي|بالتوفيق")},
}
FOREIGN_SYMPTOMS = {
    "en": _s("dizziness|nausea|fatigue|headaches|weight gain|insomnia"),
    "es": _s("mareos|náuseas|cansancio|dolores de cabeza"),
    "de": _s("Schwindel|Übelkeit|Müdigkeit|Kopfschmerzen"),
    "ar": _s("دوخة|غثيان|تعب|صداع"),
}
