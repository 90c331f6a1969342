/* demo_words.c — the demo's Danish words and tables; see demo_words.h.
 * Data only: the generator's choices are in the other demo_*.c files. */
#include "demo_words.h"

#define WORDS(a) { (a), COUNT(a) }

/* ---------- places ---------- */

/* Real postcodes and towns. The demo centre is in Aarhus, so most people
 * live there or nearby; the rest of the country is there for scale. */
const struct place demo_places[] = {
	{ "8000", "Aarhus C", "Aarhus", AARHUS, 28 },
	{ "8200", "Aarhus N", "Aarhus", AARHUS, 16 },
	{ "8210", "Aarhus V", "Aarhus", AARHUS, 14 },
	{ "8220", "Brabrand", "Aarhus", AARHUS, 12 },
	{ "8230", "Åbyhøj", "Aarhus", AARHUS, 8 },
	{ "8240", "Risskov", "Aarhus", AARHUS, 8 },
	{ "8250", "Egå", "Aarhus", AARHUS, 4 },
	{ "8260", "Viby J", "Aarhus", AARHUS, 14 },
	{ "8270", "Højbjerg", "Aarhus", AARHUS, 8 },
	{ "8310", "Tranbjerg J", "Aarhus", AARHUS, 4 },
	{ "8320", "Mårslet", "Aarhus", AARHUS, 2 },
	{ "8330", "Beder", "Aarhus", AARHUS, 2 },
	{ "8340", "Malling", "Aarhus", AARHUS, 2 },
	{ "8361", "Hasselager", "Aarhus", AARHUS, 2 },
	{ "8381", "Tilst", "Aarhus", AARHUS, 3 },
	{ "8520", "Lystrup", "Aarhus", AARHUS, 4 },
	{ "8530", "Hjortshøj", "Aarhus", AARHUS, 2 },
	{ "8300", "Odder", "Odder", EAST_JUTLAND, 3 },
	{ "8370", "Hadsten", "Favrskov", EAST_JUTLAND, 3 },
	{ "8450", "Hammel", "Favrskov", EAST_JUTLAND, 2 },
	{ "8600", "Silkeborg", "Silkeborg", EAST_JUTLAND, 5 },
	{ "8660", "Skanderborg", "Skanderborg", EAST_JUTLAND, 4 },
	{ "8700", "Horsens", "Horsens", EAST_JUTLAND, 5 },
	{ "8900", "Randers C", "Randers", EAST_JUTLAND, 5 },
	{ "8410", "Rønde", "Syddjurs", EAST_JUTLAND, 1 },
	{ "8400", "Ebeltoft", "Syddjurs", EAST_JUTLAND, 1 },
	{ "8500", "Grenaa", "Norddjurs", EAST_JUTLAND, 2 },
	{ "5000", "Odense C", "Odense", FUNEN, 2 },
	{ "5200", "Odense V", "Odense", FUNEN, 1 },
	{ "5700", "Svendborg", "Svendborg", FUNEN, 1 },
	{ "5500", "Middelfart", "Middelfart", FUNEN, 1 },
	{ "9000", "Aalborg", "Aalborg", NORTH_JUTLAND, 2 },
	{ "9200", "Aalborg SV", "Aalborg", NORTH_JUTLAND, 1 },
	{ "9800", "Hjørring", "Hjørring", NORTH_JUTLAND, 1 },
	{ "9900", "Frederikshavn", "Frederikshavn", NORTH_JUTLAND, 1 },
	{ "2200", "København N", "København", CAPITAL, 2 },
	{ "2300", "København S", "København", CAPITAL, 1 },
	{ "2400", "København NV", "København", CAPITAL, 1 },
	{ "1620", "København V", "København", CAPITAL, 1 },
	{ "2450", "København SV", "København", CAPITAL, 1 },
	{ "2800", "Kongens Lyngby", "Lyngby-Taarbæk", CAPITAL, 1 },
	{ "3000", "Helsingør", "Helsingør", CAPITAL, 1 },
	{ "3400", "Hillerød", "Hillerød", CAPITAL, 1 },
	{ "7100", "Vejle", "Vejle", SOUTH_JUTLAND, 2 },
	{ "6000", "Kolding", "Kolding", SOUTH_JUTLAND, 1 },
	{ "7000", "Fredericia", "Fredericia", SOUTH_JUTLAND, 1 },
	{ "6700", "Esbjerg", "Esbjerg", SOUTH_JUTLAND, 1 },
	{ "6400", "Sønderborg", "Sønderborg", SOUTH_JUTLAND, 1 },
	{ "6100", "Haderslev", "Haderslev", SOUTH_JUTLAND, 1 },
	{ "7400", "Herning", "Herning", WEST_JUTLAND, 1 },
	{ "7500", "Holstebro", "Holstebro", WEST_JUTLAND, 1 },
	{ "8800", "Viborg", "Viborg", WEST_JUTLAND, 1 },
	{ "7800", "Skive", "Skive", WEST_JUTLAND, 1 },
	{ "4000", "Roskilde", "Roskilde", ZEALAND, 1 },
	{ "4700", "Næstved", "Næstved", ZEALAND, 1 },
	{ "4200", "Slagelse", "Slagelse", ZEALAND, 1 },
	{ "4100", "Ringsted", "Ringsted", ZEALAND, 1 },
};
const long demo_place_count = COUNT(demo_places);

static const char *const streets[] = {
	"Nørregade", "Vestergade", "Søndergade", "Østergade", "Kirkevej", "Skolegade",
	"Stationsvej", "Møllevej", "Engvej", "Skovvej", "Bøgevej", "Egevej", "Birkevej",
	"Lærkevej", "Rosenvænget", "Åboulevarden", "Frederiksgade", "Jægergårdsgade",
	"Grønnegade", "Havnegade", "Strandvejen", "Ringvejen", "Fælledvej", "Kærvej",
	"Søvej", "Ågade", "Tværgade", "Bredgade", "Algade", "Torvegade", "Æblehaven",
	"Pilevej", "Lindevej", "Sølystgade", "Hørhavevej", "Grønløkkevej", "Møllegårdsvej",
	"Bakkevej", "Præstevænget", "Tranevej", "Spurvevej", "Digtervejen", "Valdemarsgade",
};
const struct word_list demo_streets = WORDS(streets);

static const char *const floors[] = {
	"st. tv", "st. th", "1. tv", "1. th", "1. mf", "2. tv", "2. th", "3. tv", "3. th",
	"4. th", "5. tv",
};
const struct word_list demo_floors = WORDS(floors);

/* ---------- names and contact details ---------- */

static const char *const women[] = {
	"Anne", "Kirsten", "Hanne", "Mette", "Anna", "Helle", "Susanne", "Lene", "Maria",
	"Marianne", "Lone", "Camilla", "Pia", "Inge", "Louise", "Charlotte", "Bente", "Tina",
	"Jette", "Karen", "Birgitte", "Gitte", "Ida", "Julie", "Signe", "Sofie", "Emma",
	"Freja", "Line", "Malene", "Rikke", "Maja", "Sanne", "Dorthe", "Tove", "Grethe",
	"Ulla", "Birthe", "Åse", "Bodil", "Dagmar", "Else", "Solveig", "Bjørg", "Kæthe",
	"Trine", "Vibeke", "Ellen", "Astrid", "Karoline", "Mathilde", "Laura", "Nanna",
	"Cecilie", "Josefine", "Søs", "Jytte", "Ditte",
};
const struct word_list demo_women = WORDS(women);

static const char *const men[] = {
	"Peter", "Jens", "Michael", "Lars", "Henrik", "Thomas", "Søren", "Jan", "Niels",
	"Christian", "Martin", "Jørgen", "Hans", "Anders", "Morten", "Rasmus", "Jesper",
	"Mads", "Ole", "Per", "Erik", "Kim", "Poul", "Bjørn", "Torben", "Frederik", "Mikkel",
	"Kasper", "Jakob", "Bo", "Steen", "Kåre", "Bent", "Preben", "Flemming", "Jørn",
	"Knud", "Svend", "Troels", "Malthe", "Oliver", "William", "Emil", "Magnus", "Aksel",
	"Søren Ole", "Bjarne", "Leif", "Arne", "Åge",
};
const struct word_list demo_men = WORDS(men);

static const char *const women_second[] = {
	"Marie", "Sofie", "Louise", "Margrethe", "Kristine", "Katrine", "Mette",
};
const struct word_list demo_women_second = WORDS(women_second);

static const char *const men_second[] = {
	"Peter", "Erik", "Emil", "Christian", "Henrik", "Ole", "Kristian",
};
const struct word_list demo_men_second = WORDS(men_second);

static const char *const surnames[] = {
	"Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
	"Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
	"Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen",
	"Jakobsen", "Mikkelsen", "Frederiksen", "Laursen", "Henriksen", "Lund", "Schmidt",
	"Eriksen", "Holm", "Kristiansen", "Clausen", "Simonsen", "Svendsen", "Andreasen",
	"Iversen", "Jeppesen", "Mogensen", "Kærgaard", "Aagaard", "Søndergaard",
	"Østergaard", "Nørgaard", "Damgaard", "Bøgh", "Skovgaard", "Højgaard", "Bæk",
	"Dalsgaard", "Kjær", "Krøyer", "Lykke", "Vestergaard", "Bach", "Brøndum", "Winther",
	"Friis", "Juhl", "Dahl", "Gregersen", "Søgaard", "Ravn", "Holst", "Bang", "Æbelø",
	"Ålund", "Krogh", "Lauridsen", "Bødker", "Mølgaard",
};
const struct word_list demo_surnames = WORDS(surnames);

#define GROUP(lang, pm, w, m, s) { lang, pm, WORDS(w), WORDS(m), WORDS(s) }
static const char *const ar_w[] = { "Fatima", "Amira", "Yasmin", "Leila", "Noor", "Huda" };
static const char *const ar_m[] = { "Ahmed", "Ali", "Mohammad", "Omar", "Hassan", "Khalid" };
static const char *const ar_s[] = { "Hussein", "Haddad", "Ahmadi", "Khalil", "Saleh", "Mansour" };
static const char *const en_w[] = { "Sarah", "Emily", "Rachel", "Claire" };
static const char *const en_m[] = { "John", "James", "David", "Mark" };
static const char *const en_s[] = { "Smith", "Brown", "Taylor", "Wilson", "Walker" };
static const char *const uk_w[] = { "Olena", "Iryna", "Natalija", "Oksana" };
static const char *const uk_m[] = { "Oleksandr", "Andrij", "Dmytro", "Serhij" };
static const char *const uk_s[] = { "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko" };
static const char *const tr_w[] = { "Zeynep", "Emine", "Ayşe", "Elif" };
static const char *const tr_m[] = { "Mehmet", "Mustafa", "Murat", "Emre" };
static const char *const tr_s[] = { "Yılmaz", "Demir", "Kaya", "Şahin", "Çelik" };
static const char *const so_w[] = { "Hodan", "Amina", "Faadumo", "Sahra" };
static const char *const so_m[] = { "Abdi", "Abdullahi", "Mahad", "Yusuf" };
static const char *const so_s[] = { "Farah", "Warsame", "Osman", "Jama" };
static const char *const pl_w[] = { "Agnieszka", "Katarzyna", "Magdalena" };
static const char *const pl_m[] = { "Piotr", "Tomasz", "Paweł" };
static const char *const pl_s[] = { "Nowak", "Kowalski", "Wiśniewski", "Lewandowski" };
static const char *const fa_w[] = { "Maryam", "Shirin", "Parisa" };
static const char *const fa_m[] = { "Reza", "Hamid", "Dariush" };
static const char *const fa_s[] = { "Hosseini", "Karimi", "Rahimi", "Moradi" };

const struct name_group demo_name_groups[] = {
	GROUP("arabisk", 25, ar_w, ar_m, ar_s),
	GROUP("engelsk", 12, en_w, en_m, en_s),
	GROUP("ukrainsk", 10, uk_w, uk_m, uk_s),
	GROUP("tyrkisk", 8, tr_w, tr_m, tr_s),
	GROUP("somali", 6, so_w, so_m, so_s),
	GROUP("polsk", 6, pl_w, pl_m, pl_s),
	GROUP("persisk", 5, fa_w, fa_m, fa_s),
};
const long demo_name_group_count = COUNT(demo_name_groups);

static const char *const mobile_prefixes[] = {
	"20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "40", "41",
	"42", "50", "51", "52", "53", "60", "61", "71", "81", "91", "92", "93",
};
const struct word_list demo_mobile_prefixes = WORDS(mobile_prefixes);

const char *const demo_landline_prefixes[REGIONS][3] = {
	[AARHUS] = { "86", "87", "89" },
	[EAST_JUTLAND] = { "86", "87", "75" },
	[FUNEN] = { "62", "63", "66" },
	[NORTH_JUTLAND] = { "96", "98", "99" },
	[CAPITAL] = { "33", "35", "38" },
	[SOUTH_JUTLAND] = { "75", "76", "79" },
	[WEST_JUTLAND] = { "96", "97", "86" },
	[ZEALAND] = { "46", "55", "57" },
};

static const char *const mail_domains[] = {
	"gmail.com", "hotmail.com", "outlook.dk", "live.dk", "mail.dk", "yahoo.dk",
	"jubii.dk", "icloud.com", "post.tele.dk",
};
const struct word_list demo_mail_domains = WORDS(mail_domains);

const char *const demo_day_parts[3] = { "morning", "afternoon", "evening" };

/* ---------- activities ---------- */

const struct activity_template demo_templates[] = {
	{ "Gå-gruppen torsdag", "motion_group", "lasting", 4, "10:00", "11:30", 20,
	  "Frivilligcenter {by}", "8240", "P-pladsen ved Riis Skov", "Biblioteket, {by}",
	  true, false, { I_WALKS, I_EXERCISE, I_NATURE } },
	{ "Socialt café", "social_cafe", "practice", 2, "14:00", "16:00", 30,
	  "Frivilligcenter {by}", "8000", "Frivilligcentrets café, Nørregade 35",
	  "Frivilligcentret, {by}", true, false, { I_COFFEE, I_BOARD_GAMES, 0 } },
	{ "Selvhjælpsgruppe om angst", "self_help_group", "lasting", 1, "18:30", "20:30", 10,
	  "Selvhjælp {by}", "8000", "Frivilligcentret, mødelokale 2", "Medborgerhuset, {by}",
	  true, true, { I_COFFEE, 0, 0 } },
	{ "Recovery-kursus: Mit liv, mine valg", "course", "practice", 3, "10:00", "12:30", 14,
	  "Recoveryskolen {by}", "8000", "Recoveryskolen, Sølystgade 4", "Kulturhuset, {by}",
	  true, true, { I_READING, I_COFFEE, 0 } },
	{ "Krolf i {by} Krolfklub", "association", "lasting", 5, "10:00", "12:00", 24,
	  "{by} Krolfklub", "8260", "Krolfbanerne ved Viby Idrætscenter",
	  "Krolfbanen ved idrætsparken, {by}", false, false, { I_EXERCISE, I_NATURE, 0 } },
	{ "Fællesspisning i Folkets Hus", "social_cafe", "practice", 4, "17:30", "19:30", 40,
	  "Frivilligcenter {by}", "8220", "Folkets Hus, Brabrand", "Folkets Hus, {by}",
	  true, false, { I_COOKING, I_COFFEE, 0 } },
	{ "Gåfodbold for alle", "motion_group", "lasting", 3, "16:00", "17:30", 22,
	  "{by} Boldklub og Frivilligcenter {by}", "8210", "Kunstgræsbanen, Hasle Stadion",
	  "Stadion, {by}", true, false, { I_FOOTBALL, I_EXERCISE, 0 } },
	{ "Strik og snak", "social_cafe", "practice", 1, "13:00", "15:00", 16,
	  "Frivilligcenter {by}", "8200", "Biblioteket i Trige", "Biblioteket, {by}",
	  true, false, { I_CRAFTS, I_COFFEE, 0 } },
	{ "Selvhjælpsgruppe om depression", "self_help_group", "lasting", 2, "18:30", "20:30", 10,
	  "Selvhjælp {by}", "8000", "Frivilligcentret, mødelokale 1", "Medborgerhuset, {by}",
	  true, true, { I_COFFEE, 0, 0 } },
	{ "Brætspilscafé", "social_cafe", "practice", 5, "15:00", "17:30", 24,
	  "Frivilligcenter {by}", "8000", "Frivilligcentrets café, Nørregade 35",
	  "Ungdomshuset, {by}", true, false, { I_BOARD_GAMES, I_COFFEE, 0 } },
	{ "Læsekreds på biblioteket", "association", "lasting", 3, "16:30", "18:00", 12,
	  "Biblioteket i {by}", "8000", "Dokk1, mødelokale 3", "Hovedbiblioteket, {by}",
	  false, true, { I_READING, I_COFFEE, 0 } },
	{ "Recovery-kursus: Håb og hverdag", "course", "practice", 4, "13:00", "15:30", 14,
	  "Recoveryskolen {by}", "8000", "Recoveryskolen, Sølystgade 4", "Kulturhuset, {by}",
	  true, true, { I_READING, I_COFFEE, 0 } },
	{ "Fællessang i sognegården", "association", "lasting", 2, "10:00", "11:30", 40,
	  "{by} Sogn", "8230", "Åbyhøj Sognegård", "Sognegården, {by}",
	  false, true, { I_SINGING, I_COFFEE, 0 } },
	{ "Havefællesskabet", "association", "lasting", 6, "10:00", "13:00", 18,
	  "Haveforeningen {by}", "8270", "Fælleshaven ved Holme Kirke", "Fælleshaven, {by}",
	  false, false, { I_NATURE, I_WALKS, 0 } },
	{ "Selvhjælpsgruppe om ensomhed", "self_help_group", "lasting", 4, "19:00", "21:00", 10,
	  "Selvhjælp {by}", "8260", "Viby Medborgerhus", "Medborgerhuset, {by}",
	  true, true, { I_COFFEE, 0, 0 } },
	{ "Naturvandring lørdag", "motion_group", "lasting", 6, "10:00", "12:00", 25,
	  "Frivilligcenter {by}", "8270", "P-pladsen ved Moesgaard Museum",
	  "P-pladsen ved skoven, {by}", true, false, { I_WALKS, I_NATURE, I_EXERCISE } },
	{ "Kreativt værksted", "social_cafe", "practice", 3, "13:00", "15:30", 14,
	  "Frivilligcenter {by}", "8220", "Gellerup Kulturhus", "Kulturhuset, {by}",
	  true, false, { I_CRAFTS, I_COFFEE, 0 } },
	{ "Madklub i Mænds Mødested", "association", "lasting", 1, "17:00", "20:00", 16,
	  "Mænds Mødested {by}", "8200", "Mødestedet, Trøjborg", "Mødestedet, {by}",
	  false, false, { I_COOKING, I_COFFEE, 0 } },
	{ "Motionsholdet i idrætshallen", "motion_group", "lasting", 1, "10:00", "11:00", 20,
	  "Frivilligcenter {by}", "8210", "Hasle Idrætshal", "Idrætshallen, {by}",
	  true, false, { I_EXERCISE, 0, 0 } },
};
const long demo_template_count = COUNT(demo_templates);

static const char *const session_notes[] = {
	"To nye deltagere kom med en frivillig.",
	"Fuldt hus og kage fra en af deltagerne.",
	"Stille gang; mange afbud på grund af sygdom.",
	"God stemning. Vi aftalte at mødes lidt før næste gang.",
	"En deltager fortalte om sin første tur alene med bussen.",
};
const struct word_list demo_session_notes = WORDS(session_notes);

/* ---------- volunteers ---------- */

const struct weighted demo_volunteer_roles[] = {
	{ "visiting_friend", 30 }, { "mentor", 20 }, { "peer_supporter", 20 },
	{ "community_guide", 20 }, { "front_desk", 10 },
};
const long demo_volunteer_role_count = COUNT(demo_volunteer_roles);

static const char *const lived_experiences[] = {
	"Har selv haft angst og ved, hvor svært det første skridt er.",
	"Har haft en depression og kom tilbage via et gå-fællesskab.",
	"Var meget ensom efter en skilsmisse og fandt vej via frivilligcentret.",
	"Har levet med bipolar lidelse i mange år.",
	"Har været sygemeldt med stress og kender vejen tilbage til hverdagen.",
	"Mistede sin ægtefælle og kender ensomheden indefra.",
	"Har været indlagt på psykiatrisk afdeling og brugte selv en mentor bagefter.",
};
const struct word_list demo_lived_experiences = WORDS(lived_experiences);

static const char *const extra_courses[] = {
	"Psykisk førstehjælp (12 timer)",
	"Den gode samtale (6 timer)",
	"Tavshedspligt og GDPR for frivillige (2 timer)",
	"Følgeskab i praksis (4 timer)",
};
const struct word_list demo_extra_courses = WORDS(extra_courses);

static const char *const volunteer_languages[] = {
	"tysk", "svensk", "arabisk", "tyrkisk", "ukrainsk", "polsk", "somali", "persisk",
};
const struct word_list demo_volunteer_languages = WORDS(volunteer_languages);

/* ---------- citizens ---------- */

static const char *const backgrounds[] = {
	"Har været meget alene siden skilsmissen.",
	"Er lige flyttet til byen og kender ingen.",
	"Har været sygemeldt med stress i et halvt år.",
	"Mistede sin mand sidste år.",
	"Mistede sin kone for to år siden.",
	"Har svært ved at komme ud af døren alene.",
	"Har haft en depression og er ved at finde tilbage.",
	"Børnene er flyttet hjemmefra, og dagene er lange.",
	"Er gået på pension og savner kollegerne.",
	"Har angst i store grupper, men vil gerne prøve.",
};
const struct word_list demo_backgrounds = WORDS(backgrounds);

const char *const demo_wish_by_interest[INTEREST_COUNT + 1] = {
	[0] = "Ønsker at komme mere ud og møde nye mennesker.",
	[I_WALKS] = "Vil gerne gå ture sammen med andre, helst om formiddagen.",
	[I_FOOTBALL] = "Har spillet fodbold engang og savner at være en del af et hold.",
	[I_CRAFTS] = "Vil gerne strikke eller male sammen med andre.",
	[I_SINGING] = "Savner at synge i kor.",
	[I_COOKING] = "Vil gerne lave mad og spise sammen med andre.",
	[I_BOARD_GAMES] = "Kan lide brætspil og vil gerne møde nye mennesker.",
	[I_NATURE] = "Vil gerne ud i naturen og have jord under neglene.",
	[I_EXERCISE] = "Vil gerne i gang med at røre sig igen.",
	[I_READING] = "Læser meget og vil gerne tale om bøger med andre.",
	[I_COFFEE] = "Savner nogen at drikke kaffe og snakke med.",
};

static const char *const company_wishes[] = {
	"Vil gerne have en at følges med de første gange.",
	"Ønsker en frivillig at tale med en gang om ugen.",
	"Vil helst starte i en lille gruppe.",
};
const struct word_list demo_company_wishes = WORDS(company_wishes);

const struct weighted demo_sources[] = {
	{ "self", 25 }, { "relative", 15 }, { "health_staff", 20 }, { "gp", 15 },
	{ "municipal", 12 }, { "job_centre", 8 }, { "other", 5 },
};
const long demo_source_count = COUNT(demo_sources);

static const char *const health_orgs[] = {
	"Distriktspsykiatrien {by}", "Hjemmeplejen, {by} Kommune", "Sundhedscenter {by}",
	"Psykiatrisk Ambulatorium {by}", "Hjemmesygeplejen, {by} Kommune",
};
const struct word_list demo_health_orgs = WORDS(health_orgs);

static const char *const municipal_orgs[] = {
	"Socialpsykiatrien, {by} Kommune", "Visitationen, {by} Kommune",
	"Forebyggende hjemmebesøg, {by} Kommune", "Borgerservice {by}",
	"Voksenhandicap, {by} Kommune",
};
const struct word_list demo_municipal_orgs = WORDS(municipal_orgs);

static const char *const other_orgs[] = {
	"Kirkens Korshær {by}", "Boligsocial helhedsplan, {by}", "Sognepræst i {by}",
	"Røde Kors {by}", "Ældre Sagen {by}",
};
const struct word_list demo_other_orgs = WORDS(other_orgs);

static const char *const handover_orgs[] = {
	"Socialpsykiatrien, {by} Kommune", "Voksenhandicap, {by} Kommune",
	"Brobyggerfunktionen, Jobcenter {by}", "Distriktspsykiatrien {by}",
	"Rusmiddelcenter {by}",
};
const struct word_list demo_handover_orgs = WORDS(handover_orgs);

static const char *const volunteer_help_notes[] = {
	"Ønsker at komme ud blandt andre; kan klare det med en frivillig de første gange.",
	"Motiveret. Vil gerne starte i caféen og se, hvad det bliver til.",
	"Har brug for en fast aftale og en at følges med.",
	"Kan selv tage bussen. Vil gerne prøve et hold i nærheden.",
	"Nervøs for store grupper; en besøgsven først.",
};
const struct word_list demo_volunteer_help_notes = WORDS(volunteer_help_notes);

static const char *const professional_help_notes[] = {
	"Har brug for mere støtte, end frivillige kan give. Aftalt overlevering til kommunen.",
	"Aktuelt svært påvirket; aftalt kontakt til behandler før et frivilligt tilbud.",
	"Borgeren ønsker hjælp med økonomi og bolig først; henvist til sagsbehandler.",
};
const struct word_list demo_professional_help_notes = WORDS(professional_help_notes);

const struct relation demo_relations[] = {
	{ "mor", 0, 18, 55, true }, { "far", 1, 18, 55, true }, { "søster", 0, 18, 90, true },
	{ "bror", 1, 18, 90, true }, { "datter", 0, 45, 90, true }, { "søn", 1, 45, 90, true },
	{ "ægtefælle", 2, 25, 90, false }, { "kæreste", 2, 18, 50, false },
	[RELATION_FRIEND] = { "ven", 2, 18, 90, false }, { "nabo", 2, 40, 90, false },
};
const long demo_relation_count = COUNT(demo_relations);

/* ---------- follow-up calls ---------- */

const struct call_result demo_call_results[] = {
	{ "reached", 75,
	  { "Glad for at være kommet afsted; vil gerne fortsætte.",
	    "Var nervøs, men fik en god snak med en af de andre.",
	    "Har det svært for tiden, men vil gerne prøve igen." },
	  { "Ring igen om en måned.", "Ingen – borgeren kommer selv.",
	    "Aftal følgeskab til næste gang." } },
	[CALL_NOT_REACHED] = { "not_reached", 15,
	  { "Ingen svar; lagt besked på telefonsvareren.", "Telefonen var slukket.",
	    "Ingen svar." },
	  { "Prøv igen i morgen.", "Send en sms.", "Prøv igen om to dage." } },
	{ "call_back", 8,
	  { "Borgeren bad os ringe tilbage senere.", "Havde ikke tid lige nu.",
	    "Vil tale med sin datter først." },
	  { "Ring tilbage torsdag formiddag.", "Ring tilbage i næste uge.",
	    "Ring tilbage efter weekenden." } },
	{ "wrong_number", 2,
	  { "Nummeret er ikke i brug.", "Forkert nummer.", "Nummeret tilhører en anden." },
	  { "Skriv et brev og bed om nyt nummer.", "Spørg henviseren om nyt nummer.",
	    "Skriv et brev." } },
};
const long demo_call_result_count = COUNT(demo_call_results);

static const char *const call_times[] = { "09:30", "10:00", "11:00", "13:00", "14:30" };
const struct word_list demo_call_times = WORDS(call_times);
