/* demo.c — a made-up but believable volunteer centre, for trying the
 * program and for benchmarks.
 *
 * Everything comes from one seeded generator (splitmix64, never rand()),
 * consumed in a fixed order, and every timestamp is derived from the
 * seed and opt->today rather than the clock: the same options give the
 * same rows. Each part (volunteers, activities, sessions, citizens,
 * walk-ins) draws from its own stream, so a change to how one part is
 * made leaves the others as they were.
 *
 * The data is Danish the way a centre's own records are: names, places and
 * notes are data, not program text, and are not translated.
 *
 * Citizens are made in the order they were referred, over the two years up
 * to `today`. Each one's story (assessment, matches, enrolments, when it
 * ended) is planned first and then written, so every date follows the one
 * before it. Activities and volunteers have capacity slots; a match only
 * takes a slot that is free on its date, so no activity or volunteer is
 * ever over capacity.
 */
#include "demo.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_demo.h"

#define COUNT(a) ((long)(sizeof(a) / sizeof((a)[0])))
#define PICK(r, a) ((a)[rng_below((r), COUNT(a))])

enum {
	HISTORY_DAYS = 730,       /* citizens were referred over two years */
	YEAR_WEEKS = 52,          /* sessions in the year up to today */
	PLANNED_DAYS = 28,        /* and planned four weeks ahead */
	VOL_MAX_CAPACITY = 4,
	ACT_MAX_CAPACITY = 60,
	REGIONS = 8,
	WALKIN_POOL = 2048,
	NAME_LEN = 128,
	TEXT_LEN = 512,
	STAMP_LEN = 20,           /* "2026-11-22 10:15:00" plus NUL */
};

static const long NO_DAY = LONG_MAX; /* open-ended, never */

/* ---------- randomness ---------- */

struct rng {
	uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void rng_init(struct rng *r, unsigned long seed, uint64_t stream)
{
	r->state = (uint64_t)seed;
	r->state = rng_next(r) ^ (stream * 0xd1342543de82ef95ULL);
}

/* 0 .. n-1; the modulo bias is far below anything a demo shows. */
static long rng_below(struct rng *r, long n)
{
	return n <= 1 ? 0 : (long)(rng_next(r) % (uint64_t)n);
}

static long rng_range(struct rng *r, long lo, long hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

static bool rng_percent(struct rng *r, int p)
{
	return rng_below(r, 100) < p;
}

static bool rng_permille(struct rng *r, int p)
{
	return rng_below(r, 1000) < p;
}

/* Earlier entries are picked more often: lists are ordered common first. */
static long rng_skewed(struct rng *r, long n)
{
	long a = rng_below(r, n), b = rng_below(r, n);
	return a < b ? a : b;
}

struct weighted {
	const char *code;
	int weight;
};

static const char *pick_weighted(struct rng *r, const struct weighted *w, long n)
{
	long total = 0;
	for (long i = 0; i < n; i++)
		total += w[i].weight;
	long x = rng_below(r, total);
	for (long i = 0; i < n; i++) {
		if (x < w[i].weight)
			return w[i].code;
		x -= w[i].weight;
	}
	return w[n - 1].code;
}

/* ---------- small text helpers ---------- */

static void iso(long day, char out[DATE_ISO_LEN])
{
	date_format_iso(date_from_days(day), out);
}

/* Timestamps are stored in UTC; the desk works in Danish time, an hour
 * or two ahead, and an hour is near enough for made-up data. */
static void stamp(long day, int hour, int minute, char out[STAMP_LEN])
{
	char d[DATE_ISO_LEN];
	iso(day, d);
	unsigned utc_hour = (unsigned)(hour + 23) % 24u, min = (unsigned)minute % 60u;
	snprintf(out, STAMP_LEN, "%.10s %02u:%02u:00", d, utc_hour, min);
}

/* Copies `tmpl` with every "{by}" replaced by `city`. */
static void expand(char *out, size_t size, const char *tmpl, const char *city)
{
	size_t used = 0;
	out[0] = '\0';
	while (used + 1 < size) {
		const char *hole = strstr(tmpl, "{by}");
		int n = hole ? snprintf(out + used, size - used, "%.*s%s", (int)(hole - tmpl), tmpl, city)
			     : snprintf(out + used, size - used, "%s", tmpl);
		if (n < 0 || !hole)
			break;
		used += (size_t)n;
		tmpl = hole + 4;
	}
}

/* Lower-case ASCII for an e-mail address: æ→ae, ø→oe, å→aa; stops at a
 * space or hyphen when `first_word`, else skips them. */
static void fold_ascii(const char *in, char *out, size_t size, bool first_word)
{
	static const struct {
		unsigned char byte2;
		const char *ascii;
	} latin[] = {
		{ 0xa6, "ae" }, { 0x86, "ae" }, { 0xb8, "oe" }, { 0x98, "oe" },
		{ 0xa5, "aa" }, { 0x85, "aa" }, { 0xa9, "e" }, { 0xbc, "u" },
		{ 0xb6, "o" }, { 0xa4, "a" }, { 0xa7, "c" },
	};
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && n + 3 < size; p++) {
		if (*p == ' ' || *p == '-') {
			if (first_word)
				break;
			continue;
		}
		if (*p < 0x80) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
				out[n++] = (char)(*p | 0x20);
			continue;
		}
		if (*p == 0xc3 && p[1]) {
			for (long i = 0; i < COUNT(latin); i++) {
				if (latin[i].byte2 == p[1]) {
					for (const char *a = latin[i].ascii; *a; a++)
						out[n++] = *a;
					break;
				}
			}
			p++;
		}
	}
	out[n] = '\0';
}

/* ---------- places ---------- */

enum region {
	AARHUS, EAST_JUTLAND, FUNEN, NORTH_JUTLAND, CAPITAL, SOUTH_JUTLAND,
	WEST_JUTLAND, ZEALAND,
};

struct place {
	const char *postcode, *town;
	const char *city;   /* the municipality: "Jobcenter Aarhus", "Aarhus Kommune" */
	enum region region;
	int weight;
};

/* Real postcodes and towns. The demo centre is in Aarhus, so most people
 * live there or nearby; the rest of the country is there for scale. */
static const struct place places[] = {
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

static int pick_place(struct rng *r)
{
	long total = 0;
	for (long i = 0; i < COUNT(places); i++)
		total += places[i].weight;
	long x = rng_below(r, total);
	for (int i = 0; i < COUNT(places); i++) {
		if (x < places[i].weight)
			return i;
		x -= places[i].weight;
	}
	return 0;
}

static int place_by_postcode(const char *postcode)
{
	for (int i = 0; i < COUNT(places); i++)
		if (strcmp(places[i].postcode, postcode) == 0)
			return i;
	return 0;
}

/* The first place in the same municipality: one key per city. */
static int city_key(int place)
{
	for (int i = 0; i < place; i++)
		if (strcmp(places[i].city, places[place].city) == 0)
			return i;
	return place;
}

/* Another postcode in the same region, for a volunteer's areas. */
static int nearby_place(struct rng *r, int home)
{
	for (int tries = 0; tries < 12; tries++) {
		int p = (int)rng_below(r, COUNT(places));
		if (p != home && places[p].region == places[home].region)
			return p;
	}
	return -1;
}

static const char *const streets[] = {
	"Nørregade", "Vestergade", "Søndergade", "Østergade", "Kirkevej", "Skolegade",
	"Stationsvej", "Møllevej", "Engvej", "Skovvej", "Bøgevej", "Egevej", "Birkevej",
	"Lærkevej", "Rosenvænget", "Åboulevarden", "Frederiksgade", "Jægergårdsgade",
	"Grønnegade", "Havnegade", "Strandvejen", "Ringvejen", "Fælledvej", "Kærvej",
	"Søvej", "Ågade", "Tværgade", "Bredgade", "Algade", "Torvegade", "Æblehaven",
	"Pilevej", "Lindevej", "Sølystgade", "Hørhavevej", "Grønløkkevej", "Møllegårdsvej",
	"Bakkevej", "Præstevænget", "Tranevej", "Spurvevej", "Digtervejen", "Valdemarsgade",
};

static const char *const floors[] = {
	"st. tv", "st. th", "1. tv", "1. th", "1. mf", "2. tv", "2. th", "3. tv", "3. th",
	"4. th", "5. tv",
};

static void make_address(struct rng *r, char *out, size_t size)
{
	const char *street = PICK(r, streets);
	long number = rng_range(r, 1, 40) + (rng_percent(r, 30) ? rng_range(r, 0, 120) : 0);
	char letter[2] = { 0 };
	if (rng_percent(r, 6))
		letter[0] = (char)('A' + rng_below(r, 4));
	if (rng_percent(r, 55))
		snprintf(out, size, "%s %ld%s, %s", street, number, letter, PICK(r, floors));
	else
		snprintf(out, size, "%s %ld%s", street, number, letter);
}

/* ---------- people ---------- */

static const char *const women[] = {
	"Anne", "Kirsten", "Hanne", "Mette", "Anna", "Helle", "Susanne", "Lene", "Maria",
	"Marianne", "Lone", "Camilla", "Pia", "Inge", "Louise", "Charlotte", "Bente", "Tina",
	"Jette", "Karen", "Birgitte", "Gitte", "Ida", "Julie", "Signe", "Sofie", "Emma",
	"Freja", "Line", "Malene", "Rikke", "Maja", "Sanne", "Dorthe", "Tove", "Grethe",
	"Ulla", "Birthe", "Åse", "Bodil", "Dagmar", "Else", "Solveig", "Bjørg", "Kæthe",
	"Trine", "Vibeke", "Ellen", "Astrid", "Karoline", "Mathilde", "Laura", "Nanna",
	"Cecilie", "Josefine", "Søs", "Jytte", "Ditte",
};
static const char *const men[] = {
	"Peter", "Jens", "Michael", "Lars", "Henrik", "Thomas", "Søren", "Jan", "Niels",
	"Christian", "Martin", "Jørgen", "Hans", "Anders", "Morten", "Rasmus", "Jesper",
	"Mads", "Ole", "Per", "Erik", "Kim", "Poul", "Bjørn", "Torben", "Frederik", "Mikkel",
	"Kasper", "Jakob", "Bo", "Steen", "Kåre", "Bent", "Preben", "Flemming", "Jørn",
	"Knud", "Svend", "Troels", "Malthe", "Oliver", "William", "Emil", "Magnus", "Aksel",
	"Søren Ole", "Bjarne", "Leif", "Arne", "Åge",
};
/* Second names for the double first names Danes often carry. */
static const char *const women_second[] = {
	"Marie", "Sofie", "Louise", "Margrethe", "Kristine", "Katrine", "Mette",
};
static const char *const men_second[] = {
	"Peter", "Erik", "Emil", "Christian", "Henrik", "Ole", "Kristian",
};
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

/* People whose first language is not Danish: names that fit it. */
struct name_group {
	const char *language;
	int permille;
	const char *const *women, *const *men, *const *surnames;
	long n_women, n_men, n_surnames;
};

#define GROUP(lang, pm, w, m, s) { lang, pm, w, m, s, COUNT(w), COUNT(m), COUNT(s) }
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

static const struct name_group name_groups[] = {
	GROUP("arabisk", 25, ar_w, ar_m, ar_s),
	GROUP("engelsk", 12, en_w, en_m, en_s),
	GROUP("ukrainsk", 10, uk_w, uk_m, uk_s),
	GROUP("tyrkisk", 8, tr_w, tr_m, tr_s),
	GROUP("somali", 6, so_w, so_m, so_s),
	GROUP("polsk", 6, pl_w, pl_m, pl_s),
	GROUP("persisk", 5, fa_w, fa_m, fa_s),
};

enum gender { WOMAN, MAN, OTHER };

static const char *gender_code(enum gender g)
{
	return g == WOMAN ? "woman" : g == MAN ? "man" : "other";
}

static enum gender pick_gender(struct rng *r, int women_percent)
{
	long x = rng_below(r, 100);
	if (x < women_percent)
		return WOMAN;
	return x < 98 ? MAN : OTHER;
}

/* Most people speak Danish; the rest get a name group. NULL: Danish. */
static const struct name_group *pick_name_group(struct rng *r)
{
	long x = rng_below(r, 1000);
	for (long i = 0; i < COUNT(name_groups); i++) {
		if (x < name_groups[i].permille)
			return &name_groups[i];
		x -= name_groups[i].permille;
	}
	return NULL;
}

struct person {
	enum gender gender;
	const struct name_group *group;
	char first[64], last[64];
	char name[NAME_LEN];
};

static void make_person(struct rng *r, struct person *p, enum gender gender,
			const struct name_group *group)
{
	p->gender = gender;
	p->group = group;
	bool female = gender == WOMAN || (gender == OTHER && rng_percent(r, 50));
	if (group) {
		snprintf(p->first, sizeof p->first, "%s",
			 female ? group->women[rng_below(r, group->n_women)]
				: group->men[rng_below(r, group->n_men)]);
		snprintf(p->last, sizeof p->last, "%s", group->surnames[rng_below(r, group->n_surnames)]);
	} else {
		const char *first = female ? women[rng_skewed(r, COUNT(women))]
					   : men[rng_skewed(r, COUNT(men))];
		if (rng_percent(r, 12)) {
			const char *second = female ? PICK(r, women_second) : PICK(r, men_second);
			if (strcmp(first, second) == 0 || strchr(first, ' '))
				snprintf(p->first, sizeof p->first, "%s", first);
			else
				snprintf(p->first, sizeof p->first, "%s%s%s", first,
					 rng_percent(r, 25) ? "-" : " ", second);
		} else {
			snprintf(p->first, sizeof p->first, "%s", first);
		}
		const char *last = surnames[rng_skewed(r, COUNT(surnames))];
		if (rng_percent(r, 8)) {
			const char *other = surnames[rng_skewed(r, COUNT(surnames))];
			if (strcmp(other, last) != 0) {
				snprintf(p->last, sizeof p->last, "%s %s", other, last);
				last = NULL;
			}
		}
		if (last)
			snprintf(p->last, sizeof p->last, "%s", last);
	}
	snprintf(p->name, sizeof p->name, "%s %s", p->first, p->last);
}

static const char *const mobile_prefixes[] = {
	"20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "40", "41",
	"42", "50", "51", "52", "53", "60", "61", "71", "81", "91", "92", "93",
};
static const char *const landline_prefixes[REGIONS][3] = {
	[AARHUS] = { "86", "87", "89" },
	[EAST_JUTLAND] = { "86", "87", "75" },
	[FUNEN] = { "62", "63", "66" },
	[NORTH_JUTLAND] = { "96", "98", "99" },
	[CAPITAL] = { "33", "35", "38" },
	[SOUTH_JUTLAND] = { "75", "76", "79" },
	[WEST_JUTLAND] = { "96", "97", "86" },
	[ZEALAND] = { "46", "55", "57" },
};

/* "12 34 56 78", as Danes write a phone number. */
static void make_phone(struct rng *r, char *out, size_t size, const char *prefix)
{
	snprintf(out, size, "%s %02ld %02ld %02ld", prefix, rng_below(r, 100),
		 rng_below(r, 100), rng_below(r, 100));
}

static void mobile(struct rng *r, char *out, size_t size)
{
	make_phone(r, out, size, PICK(r, mobile_prefixes));
}

static void landline(struct rng *r, char *out, size_t size, int place)
{
	make_phone(r, out, size, landline_prefixes[places[place].region][rng_below(r, 3)]);
}

static const char *const mail_domains[] = {
	"gmail.com", "hotmail.com", "outlook.dk", "live.dk", "mail.dk", "yahoo.dk",
	"jubii.dk", "icloud.com", "post.tele.dk",
};

static void make_email(struct rng *r, const struct person *p, char *out, size_t size)
{
	char first[32], last[32];
	fold_ascii(p->first, first, sizeof first, true);
	fold_ascii(p->last, last, sizeof last, false);
	const char *domain = PICK(r, mail_domains);
	switch (rng_below(r, 4)) {
	case 0:
		snprintf(out, size, "%s.%s@%s", first, last, domain);
		break;
	case 1:
		snprintf(out, size, "%s%ld@%s", first, rng_range(r, 1, 99), domain);
		break;
	case 2:
		snprintf(out, size, "%.1s%s@%s", first, last, domain);
		break;
	default:
		snprintf(out, size, "%s.%s%ld@%s", first, last, rng_range(r, 50, 99), domain);
		break;
	}
}

/* The seeded pick-lists (schema v1): interests 1..10, barriers 1..6. */
enum {
	I_WALKS = 1, I_FOOTBALL, I_CRAFTS, I_SINGING, I_COOKING, I_BOARD_GAMES,
	I_NATURE, I_EXERCISE, I_READING, I_COFFEE, INTEREST_COUNT = I_COFFEE,
};
enum {
	B_ANXIETY = 1, B_MOBILITY, B_TRANSPORT, B_ECONOMY, B_LANGUAGE, B_FATIGUE,
	BARRIER_COUNT = B_FATIGUE,
};

static const char *const parts[] = { "morning", "afternoon", "evening" };

/* Bit i set: interest/barrier id i. */
static unsigned pick_ids(struct rng *r, int min, int max, int count)
{
	unsigned set = 0;
	long n = rng_range(r, min, max);
	for (long i = 0; i < n; i++)
		set |= 1u << rng_range(r, 1, count);
	return set;
}

/* ---------- activities ---------- */

struct activity_template {
	const char *name;          /* "{by}": the municipality */
	const char *kind, *community;
	int weekday;
	const char *start, *end;
	int capacity;
	const char *organiser;
	const char *home_postcode; /* where the Aarhus original meets */
	const char *home_place;
	const char *place;         /* copies elsewhere: "{by}" is the town */
	bool volunteer_led;
	bool summer_break;
	int interests[3];
};

/* The first eight are the default demo's activities, in Aarhus. */
static const struct activity_template templates[] = {
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

static const char *const session_notes[] = {
	"To nye deltagere kom med en frivillig.",
	"Fuldt hus og kage fra en af deltagerne.",
	"Stille gang; mange afbud på grund af sygdom.",
	"God stemning. Vi aftalte at mødes lidt før næste gang.",
	"En deltager fortalte om sin første tur alene med bussen.",
};

/* ---------- volunteers ---------- */

static const struct weighted volunteer_roles[] = {
	{ "visiting_friend", 30 }, { "mentor", 20 }, { "peer_supporter", 20 },
	{ "community_guide", 20 }, { "front_desk", 10 },
};

static const char *const lived_experiences[] = {
	"Har selv haft angst og ved, hvor svært det første skridt er.",
	"Har haft en depression og kom tilbage via et gå-fællesskab.",
	"Var meget ensom efter en skilsmisse og fandt vej via frivilligcentret.",
	"Har levet med bipolar lidelse i mange år.",
	"Har været sygemeldt med stress og kender vejen tilbage til hverdagen.",
	"Mistede sin ægtefælle og kender ensomheden indefra.",
	"Har været indlagt på psykiatrisk afdeling og brugte selv en mentor bagefter.",
};

static const char *const extra_courses[] = {
	"Psykisk førstehjælp (12 timer)",
	"Den gode samtale (6 timer)",
	"Tavshedspligt og GDPR for frivillige (2 timer)",
	"Følgeskab i praksis (4 timer)",
};

static const char *const volunteer_languages[] = {
	"tysk", "svensk", "arabisk", "tyrkisk", "ukrainsk", "polsk", "somali", "persisk",
};

/* ---------- citizens: words ---------- */

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

static const char *const wish_by_interest[INTEREST_COUNT + 1] = {
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

static const struct weighted sources[] = {
	{ "self", 25 }, { "relative", 15 }, { "health_staff", 20 }, { "gp", 15 },
	{ "municipal", 12 }, { "job_centre", 8 }, { "other", 5 },
};

static const char *const health_orgs[] = {
	"Distriktspsykiatrien {by}", "Hjemmeplejen, {by} Kommune", "Sundhedscenter {by}",
	"Psykiatrisk Ambulatorium {by}", "Hjemmesygeplejen, {by} Kommune",
};
static const char *const municipal_orgs[] = {
	"Socialpsykiatrien, {by} Kommune", "Visitationen, {by} Kommune",
	"Forebyggende hjemmebesøg, {by} Kommune", "Borgerservice {by}",
	"Voksenhandicap, {by} Kommune",
};
static const char *const other_orgs[] = {
	"Kirkens Korshær {by}", "Boligsocial helhedsplan, {by}", "Sognepræst i {by}",
	"Røde Kors {by}", "Ældre Sagen {by}",
};
static const char *const handover_orgs[] = {
	"Socialpsykiatrien, {by} Kommune", "Voksenhandicap, {by} Kommune",
	"Brobyggerfunktionen, Jobcenter {by}", "Distriktspsykiatrien {by}",
	"Rusmiddelcenter {by}",
};

static const char *const volunteer_help_notes[] = {
	"Ønsker at komme ud blandt andre; kan klare det med en frivillig de første gange.",
	"Motiveret. Vil gerne starte i caféen og se, hvad det bliver til.",
	"Har brug for en fast aftale og en at følges med.",
	"Kan selv tage bussen. Vil gerne prøve et hold i nærheden.",
	"Nervøs for store grupper; en besøgsven først.",
};
static const char *const professional_help_notes[] = {
	"Har brug for mere støtte, end frivillige kan give. Aftalt overlevering til kommunen.",
	"Aktuelt svært påvirket; aftalt kontakt til behandler før et frivilligt tilbud.",
	"Borgeren ønsker hjælp med økonomi og bolig først; henvist til sagsbehandler.",
};

struct relation {
	const char *name;
	int sex;           /* 0 woman, 1 man, 2 either */
	int min_age, max_age;
	bool family;
};

static const struct relation relations[] = {
	{ "mor", 0, 18, 55, true }, { "far", 1, 18, 55, true }, { "søster", 0, 18, 90, true },
	{ "bror", 1, 18, 90, true }, { "datter", 0, 45, 90, true }, { "søn", 1, 45, 90, true },
	{ "ægtefælle", 2, 25, 90, false }, { "kæreste", 2, 18, 50, false },
	{ "ven", 2, 18, 90, false }, { "nabo", 2, 40, 90, false },
};

/* Outcome, note and next step of a call that has been made. */
struct call_result {
	const char *outcome;
	int weight;
	const char *notes[3];
	const char *next_steps[3];
};

static const struct call_result call_results[] = {
	{ "reached", 75,
	  { "Glad for at være kommet afsted; vil gerne fortsætte.",
	    "Var nervøs, men fik en god snak med en af de andre.",
	    "Har det svært for tiden, men vil gerne prøve igen." },
	  { "Ring igen om en måned.", "Ingen – borgeren kommer selv.",
	    "Aftal følgeskab til næste gang." } },
	{ "not_reached", 15,
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

static const char *const call_times[] = { "09:30", "10:00", "11:00", "13:00", "14:30" };

/* ---------- the generator's state ---------- */

struct volunteer {
	long long id;
	int place;
	long start;           /* first day at the centre */
	bool active, woman, lived_experience;
	int capacity;
	long free_from[VOL_MAX_CAPACITY];
	unsigned interests;
	char name[NAME_LEN];
	char phone[16];
};

struct activity {
	long long id;
	const struct activity_template *t;
	int place;
	bool active;
	int capacity;
	long free_from[ACT_MAX_CAPACITY];
	unsigned interests;
	long long lead;       /* the volunteer who leads it, or 0 */
	long first_day;       /* session k falls on first_day + 7k */
	int nsessions;
	long long *session_id;
	char *session_status; /* 'h'eld, 'p'lanned, 'c'ancelled */
};

struct index_list {
	int *items;
	long n, cap;
};

struct walkin {
	long long citizen_id;
	long from, to;        /* may come from `from` until before `to` */
};

struct gen {
	struct demo_writer *w;
	struct demo_summary *sum;
	long today, year_start;
	int today_year;
	struct volunteer *vols;
	long nvols;
	struct activity *acts;
	long nacts;
	struct index_list vols_in[REGIONS], acts_in[REGIONS];
	struct walkin pool[WALKIN_POOL];
	long pool_n, pool_seen;
};

static bool list_push(struct index_list *l, int v)
{
	if (l->n == l->cap) {
		long cap = l->cap ? l->cap * 2 : 16;
		int *items = realloc(l->items, (size_t)cap * sizeof *items);
		if (!items)
			return false;
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n++] = v;
	return true;
}

static int free_slot(const long *free_from, int capacity, long day)
{
	for (int i = 0; i < capacity; i++)
		if (free_from[i] <= day)
			return i;
	return -1;
}

static long session_day(const struct activity *a, int k)
{
	return a->first_day + 7L * k;
}

/* The first session on or after `day` that is not cancelled, or -1 when
 * it lies outside the recorded year. */
static int first_session_from(const struct activity *a, long day)
{
	if (day <= a->first_day - 7)
		return -1;
	long k = day <= a->first_day ? 0 : (day - a->first_day + 6) / 7;
	for (; k < a->nsessions; k++)
		if (a->session_status[k] != 'c')
			return (int)k;
	return -1;
}

/* ---------- holidays ---------- */

static long easter_sunday(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	struct date dt = { y, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1 };
	return date_to_days(dt);
}

/* Danish public holidays, and the days around Christmas when nothing meets. */
static bool is_holiday(long day)
{
	struct date d = date_from_days(day);
	if ((d.month == 1 && d.day == 1) || (d.month == 6 && d.day == 5)
	    || (d.month == 12 && (d.day == 24 || d.day == 25 || d.day == 26 || d.day == 31)))
		return true;
	long easter = easter_sunday(d.year);
	static const int offsets[] = { -3, -2, 0, 1, 39, 49, 50 };
	for (long i = 0; i < COUNT(offsets); i++)
		if (day == easter + offsets[i])
			return true;
	/* Store bededag was abolished from 2024. */
	return d.year < 2024 && day == easter + 26;
}

/* ---------- volunteers ---------- */

static bool make_volunteers(struct gen *g, struct rng *r, long n)
{
	for (long i = 0; i < n && demo_writer_status(g->w) == DB_OK; i++) {
		struct volunteer *v = &g->vols[i];
		struct person p;
		enum gender gender = pick_gender(r, 65);
		const struct name_group *group = pick_name_group(r);
		make_person(r, &p, gender, group);
		v->place = pick_place(r);
		int age = (int)(rng_percent(r, 50) ? rng_range(r, 55, 80) : rng_range(r, 20, 54));
		long status = rng_below(r, 100);
		const char *status_code = status < 80 ? "active" : status < 92 ? "training" : "paused";
		v->active = status < 80;
		v->start = status_code[0] == 't' ? g->today - rng_range(r, 10, 120)
						  : g->today - rng_range(r, 120, 1800);
		v->woman = gender == WOMAN;
		snprintf(v->name, sizeof v->name, "%s", p.name);
		mobile(r, v->phone, sizeof v->phone);

		const char *role = pick_weighted(r, volunteer_roles, COUNT(volunteer_roles));
		const char *role2 = rng_percent(r, 25)
			? pick_weighted(r, volunteer_roles, COUNT(volunteer_roles)) : NULL;
		if (role2 && strcmp(role2, role) == 0)
			role2 = NULL;
		bool peer = strcmp(role, "peer_supporter") == 0
			|| (role2 && strcmp(role2, "peer_supporter") == 0);
		bool mentor = strcmp(role, "mentor") == 0 || (role2 && strcmp(role2, "mentor") == 0);
		v->lived_experience = peer || (mentor && rng_percent(r, 15));
		if (strcmp(role, "peer_supporter") == 0 || strcmp(role, "community_guide") == 0)
			v->capacity = (int)rng_range(r, 2, 4);
		else if (strcmp(role, "mentor") == 0)
			v->capacity = (int)rng_range(r, 1, 3);
		else
			v->capacity = (int)rng_range(r, 1, 2);
		v->interests = pick_ids(r, 2, 4, INTEREST_COUNT);

		char email[NAME_LEN], created[STAMP_LEN];
		bool has_email = rng_percent(r, 85);
		if (has_email)
			make_email(r, &p, email, sizeof email);
		stamp(v->start, (int)rng_range(r, 9, 15), (int)rng_range(r, 0, 59), created);
		struct demo_volunteer rec = {
			.name = p.name,
			.phone = v->phone,
			.email = has_email ? email : NULL,
			.postcode = places[v->place].postcode,
			.town = places[v->place].town,
			.gender = gender_code(gender),
			.birth_year = g->today_year - age,
			.lived_experience = v->lived_experience ? PICK(r, lived_experiences) : NULL,
			.capacity = v->capacity,
			.status = status_code,
			.created_at = created,
		};
		v->id = demo_add_volunteer(g->w, &rec);
		if (!v->id)
			return false;
		g->sum->volunteers++;

		demo_add_volunteer_role(g->w, v->id, role);
		if (role2)
			demo_add_volunteer_role(g->w, v->id, role2);
		for (int k = 1; k <= INTEREST_COUNT; k++)
			if (v->interests & (1u << k))
				demo_add_volunteer_interest(g->w, v->id, k);
		demo_add_volunteer_language(g->w, v->id, group ? group->language : "dansk");
		if (group)
			demo_add_volunteer_language(g->w, v->id, "dansk");
		if (rng_percent(r, 45) && (!group || strcmp(group->language, "engelsk") != 0))
			demo_add_volunteer_language(g->w, v->id, "engelsk");
		if (!group && rng_percent(r, 10))
			demo_add_volunteer_language(g->w, v->id, PICK(r, volunteer_languages));

		demo_add_volunteer_area(g->w, v->id, places[v->place].postcode);
		int near1 = rng_percent(r, 60) ? nearby_place(r, v->place) : -1;
		int near2 = near1 >= 0 && rng_percent(r, 40) ? nearby_place(r, v->place) : -1;
		if (near1 >= 0)
			demo_add_volunteer_area(g->w, v->id, places[near1].postcode);
		if (near2 >= 0 && near2 != near1)
			demo_add_volunteer_area(g->w, v->id, places[near2].postcode);

		bool avail[8][3] = { { false } };
		for (long k = rng_range(r, 2, 4); k > 0; k--) {
			int wd = (int)(rng_percent(r, 85) ? rng_range(r, 1, 5) : rng_range(r, 6, 7));
			int part = (int)rng_below(r, 3);
			if (avail[wd][part])
				continue;
			avail[wd][part] = true;
			demo_add_volunteer_availability(g->w, v->id, wd, parts[part]);
		}

		char day[DATE_ISO_LEN];
		long intro = v->start + rng_range(r, 0, 21);
		if (intro <= g->today) {
			iso(intro, day);
			demo_add_volunteer_course(g->w, v->id,
						  "Introduktion til frivilligt arbejde (3 timer)", day);
		}
		long mentor_course = v->start + rng_range(r, 30, 200);
		if ((peer || mentor) && v->active && mentor_course <= g->today) {
			iso(mentor_course, day);
			demo_add_volunteer_course(g->w, v->id, "Recovery-mentorforløb (20 timer)", day);
		}
		long extra = v->start + rng_range(r, 60, 700);
		if (rng_percent(r, 30) && extra <= g->today) {
			iso(extra, day);
			demo_add_volunteer_course(g->w, v->id, PICK(r, extra_courses), day);
		}

		for (int s = 0; s < VOL_MAX_CAPACITY; s++)
			v->free_from[s] = s < v->capacity ? LONG_MIN : NO_DAY;
		if (v->active && !list_push(&g->vols_in[places[v->place].region], (int)i))
			return false;
	}
	return demo_writer_status(g->w) == DB_OK;
}

/* ---------- activities and their sessions ---------- */

/* A volunteer to lead an activity: an active one nearby if there is one. */
static const struct volunteer *pick_lead(struct gen *g, struct rng *r, int place)
{
	const struct index_list *l = &g->vols_in[places[place].region];
	if (l->n)
		return &g->vols[l->items[rng_below(r, l->n)]];
	for (int tries = 0; tries < 20; tries++) {
		const struct volunteer *v = &g->vols[rng_below(r, g->nvols)];
		if (v->active)
			return v;
	}
	return g->nvols ? &g->vols[0] : NULL;
}

static bool make_activities(struct gen *g, struct rng *r, long n)
{
	const long nt = COUNT(templates);
	int *copies = calloc((size_t)(nt * COUNT(places)), sizeof *copies);
	if (!copies)
		return false;
	for (long i = 0; i < n && demo_writer_status(g->w) == DB_OK; i++) {
		struct activity *a = &g->acts[i];
		const struct activity_template *t = &templates[i % nt];
		bool original = i < nt;
		a->t = t;
		a->place = original ? place_by_postcode(t->home_postcode) : pick_place(r);
		const struct place *pl = &places[a->place];
		/* Names with the municipality in them repeat across its postcodes. */
		int same = strstr(t->name, "{by}") ? city_key(a->place) : a->place;
		int copy = ++copies[(i % nt) * COUNT(places) + same];

		char name[TEXT_LEN], organiser[TEXT_LEN], where[TEXT_LEN], base[TEXT_LEN];
		expand(base, sizeof base, t->name, pl->city);
		if (original || strstr(t->name, "{by}"))
			snprintf(name, sizeof name, "%s", base);
		else
			snprintf(name, sizeof name, "%.200s, %s", base, pl->town);
		if (copy > 1) {
			size_t len = strlen(name);
			snprintf(name + len, sizeof name - len, " (hold %d)", copy);
		}
		expand(organiser, sizeof organiser, t->organiser, pl->city);
		if (original)
			snprintf(where, sizeof where, "%s", t->home_place);
		else
			expand(where, sizeof where, t->place, pl->town);

		a->capacity = original ? t->capacity : t->capacity + (int)rng_range(r, -4, 4);
		if (a->capacity > ACT_MAX_CAPACITY)
			a->capacity = ACT_MAX_CAPACITY;
		a->active = original || !rng_percent(r, 3);
		a->interests = 0;
		for (int k = 0; k < 3; k++)
			if (t->interests[k])
				a->interests |= 1u << t->interests[k];

		struct person contact;
		char phone[16];
		const char *contact_name, *contact_phone;
		const struct volunteer *lead = t->volunteer_led ? pick_lead(g, r, a->place) : NULL;
		if (lead) {
			a->lead = lead->id;
			contact_name = lead->name;
			contact_phone = lead->phone;
		} else {
			a->lead = 0;
			make_person(r, &contact, pick_gender(r, 55), NULL);
			mobile(r, phone, sizeof phone);
			contact_name = contact.name;
			contact_phone = phone;
		}

		char created[STAMP_LEN];
		stamp(g->year_start - rng_range(r, 30, 900), (int)rng_range(r, 9, 15),
		      (int)rng_range(r, 0, 59), created);
		struct demo_activity rec = {
			.name = name,
			.kind = t->kind,
			.organiser = organiser,
			.place = where,
			.postcode = pl->postcode,
			.weekday = t->weekday,
			.start_time = t->start,
			.end_time = t->end,
			.capacity = a->capacity,
			.contact_name = contact_name,
			.contact_phone = contact_phone,
			.community = t->community,
			.status = a->active ? "active" : "ended",
			.created_at = created,
		};
		a->id = demo_add_activity(g->w, &rec);
		if (!a->id)
			break;
		g->sum->activities++;
		for (int k = 0; k < 3; k++)
			if (t->interests[k])
				demo_add_activity_interest(g->w, a->id, t->interests[k]);
		for (int s = 0; s < ACT_MAX_CAPACITY; s++)
			a->free_from[s] = s < a->capacity ? LONG_MIN : NO_DAY;
		if (a->active && !list_push(&g->acts_in[pl->region], (int)i))
			break;
	}
	free(copies);
	return demo_writer_status(g->w) == DB_OK;
}

/* One session a week on the activity's weekday, through the year up to
 * today and four weeks ahead. */
static bool make_sessions(struct gen *g, struct rng *r)
{
	for (long i = 0; i < g->nacts && demo_writer_status(g->w) == DB_OK; i++) {
		struct activity *a = &g->acts[i];
		if (!a->active)
			continue;
		const struct activity_template *t = a->t;
		long shift = (t->weekday - date_weekday(date_from_days(g->year_start)) + 7) % 7;
		a->first_day = g->year_start + shift;
		a->nsessions = (int)((g->today + PLANNED_DAYS - a->first_day) / 7 + 1);
		a->session_id = calloc((size_t)a->nsessions, sizeof *a->session_id);
		a->session_status = calloc((size_t)a->nsessions, 1);
		if (!a->session_id || !a->session_status)
			return false;
		bool pauses = t->summer_break;
		for (int k = 0; k < a->nsessions; k++) {
			long day = session_day(a, k);
			char date[DATE_ISO_LEN];
			iso(day, date);
			int week = date_iso_week(date_from_days(day));
			const char *status = day < g->today ? "held" : "planned";
			const char *reason = NULL, *note = NULL;
			if (is_holiday(day)) {
				reason = "Helligdag";
			} else if (pauses && week >= 28 && week <= 31) {
				reason = "Sommerpause";
			} else if (day < g->today && rng_percent(r, 2)) {
				reason = "Sygdom";
			} else if (day < g->today && rng_percent(r, 3)) {
				note = PICK(r, session_notes);
			}
			if (reason)
				status = "cancelled";
			struct demo_session rec = {
				.activity_id = a->id,
				.date = date,
				.start_time = t->start,
				.end_time = t->end,
				.status = status,
				.cancel_reason = reason,
				.note = note,
				.led_by = a->lead,
			};
			a->session_id[k] = demo_add_session(g->w, &rec);
			a->session_status[k] = status[0];
			if (!a->session_id[k])
				return false;
			g->sum->sessions++;
		}
	}
	return demo_writer_status(g->w) == DB_OK;
}

/* ---------- citizens: the plan ---------- */

struct plan_match {
	int vol, vol_slot;    /* index into g->vols, or -1 */
	int act, act_slot;    /* index into g->acts, or -1 */
	long day;             /* matched_on */
	int first_session;    /* index into the activity's sessions, or -1 */
	long first_day;       /* day of the first session (or a guess) */
	long acc_done;        /* accompaniment done, or NO_DAY */
	long end;             /* match ended, or NO_DAY */
	long enrol_end;       /* enrolment ended, or NO_DAY */
	const char *outcome, *end_reason;
	int reliability;      /* percent of sessions attended */
};

struct citizen_plan {
	int place, age;
	unsigned interests;
	bool pref_woman, pref_man, pref_lived;
	long ref, assessed, handover;
	bool professional;
	int nmatches;
	struct plan_match m[2];
	long ended;
	const char *end_reason;
};

static int find_activity(struct gen *g, struct rng *r, const struct citizen_plan *c,
			 long day, int exclude, int *slot)
{
	const struct index_list *near = &g->acts_in[places[c->place].region];
	for (int attempt = 0; attempt < 8; attempt++) {
		int i = near->n && attempt < 6 ? near->items[rng_below(r, near->n)]
					       : (int)rng_below(r, g->nacts);
		struct activity *a = &g->acts[i];
		if (!a->active || i == exclude)
			continue;
		if (attempt < 4 && c->interests && !(c->interests & a->interests))
			continue;
		int s = free_slot(a->free_from, a->capacity, day);
		if (s < 0)
			continue;
		*slot = s;
		return i;
	}
	return -1;
}

static int find_volunteer(struct gen *g, struct rng *r, const struct citizen_plan *c,
			  long day, int *slot)
{
	const struct index_list *near = &g->vols_in[places[c->place].region];
	for (int attempt = 0; attempt < 10; attempt++) {
		int i = near->n && attempt < 7 ? near->items[rng_below(r, near->n)]
					       : (int)rng_below(r, g->nvols);
		struct volunteer *v = &g->vols[i];
		if (!v->active || v->start > day)
			continue;
		if (attempt < 8 && ((c->pref_woman && !v->woman) || (c->pref_man && v->woman)
				    || (c->pref_lived && !v->lived_experience)))
			continue;
		if (attempt < 3 && c->interests && !(c->interests & v->interests))
			continue;
		int s = free_slot(v->free_from, v->capacity, day);
		if (s < 0)
			continue;
		*slot = s;
		return i;
	}
	return -1;
}

static bool plan_match(struct gen *g, struct rng *r, const struct citizen_plan *c,
		       struct plan_match *m, long day, bool want_vol, bool want_act,
		       int exclude, bool second)
{
	memset(m, 0, sizeof *m);
	m->vol = m->act = m->first_session = -1;
	if (want_act)
		m->act = find_activity(g, r, c, day, exclude, &m->act_slot);
	if (want_vol)
		m->vol = find_volunteer(g, r, c, day, &m->vol_slot);
	if (m->act < 0 && m->vol < 0)
		return false;
	m->day = day;
	m->first_day = day + 7;
	if (m->act >= 0) {
		m->first_session = first_session_from(&g->acts[m->act], day);
		if (m->first_session >= 0)
			m->first_day = session_day(&g->acts[m->act], m->first_session);
	}
	m->acc_done = m->vol >= 0 && m->act >= 0 ? m->first_day + 7 * rng_range(r, 1, 5) : NO_DAY;

	long roll = rng_below(r, 100);
	m->end = NO_DAY;
	if (m->act >= 0) {
		long settled = m->acc_done != NO_DAY ? m->acc_done : m->first_day;
		if (roll < 55) {
			m->outcome = "on_own";
			m->end_reason = "Kommer nu på egen hånd.";
			m->end = settled + rng_range(r, 14, 60);
		} else if (roll < 67) {
			m->outcome = "did_not_work";
			m->end_reason = rng_percent(r, 50) ? "Tidspunktet passede ikke."
							   : "Kemien på holdet passede ikke.";
			m->end = day + rng_range(r, 14, 120);
		} else if (roll < 75) {
			m->outcome = "declined";
			m->end_reason = "Borgeren ønskede ikke at fortsætte.";
			m->end = day + rng_range(r, 3, 30);
		} else if (roll < 85 && !second) {
			m->outcome = "moved_activity";
			m->end_reason = "Flyttet til et tilbud, der passer bedre.";
			m->end = day + rng_range(r, 30, 150);
		}
	} else {
		if (roll < 40) {
			m->outcome = "on_own";
			m->end_reason = "Har nu et netværk og klarer sig selv.";
			m->end = day + rng_range(r, 60, 300);
		} else if (roll < 50) {
			m->outcome = "did_not_work";
			m->end_reason = "Kemien passede ikke.";
			m->end = day + rng_range(r, 30, 150);
		} else if (roll < 55) {
			m->outcome = "declined";
			m->end_reason = "Borgeren ønskede ikke flere besøg.";
			m->end = day + rng_range(r, 3, 30);
		}
	}
	if (m->end > g->today) {
		m->end = NO_DAY;
		m->outcome = m->end_reason = NULL;
	}
	if (m->acc_done != NO_DAY && (m->acc_done > g->today || m->acc_done > m->end))
		m->acc_done = NO_DAY;

	m->enrol_end = NO_DAY;
	if (m->act >= 0 && m->outcome) {
		if (strcmp(m->outcome, "on_own") != 0) {
			m->enrol_end = m->end;
		} else if (rng_percent(r, 45)) {
			/* Most who go on their own stay; some drift away later. */
			long left = m->end + rng_range(r, 60, 300);
			m->enrol_end = left <= g->today ? left : NO_DAY;
		}
	}
	bool struggling = m->outcome && (strcmp(m->outcome, "did_not_work") == 0
					 || strcmp(m->outcome, "declined") == 0);
	m->reliability = (int)(struggling ? rng_range(r, 30, 60) : rng_range(r, 70, 95));
	return true;
}

static bool match_open(const struct plan_match *m)
{
	return m->end == NO_DAY;
}

static void plan_citizen(struct gen *g, struct rng *r, struct citizen_plan *c)
{
	c->assessed = c->handover = c->ended = NO_DAY;
	c->nmatches = 0;
	c->end_reason = NULL;
	long assessed = c->ref + rng_range(r, 2, 14);
	if (assessed > g->today || rng_percent(r, 3))
		return; /* waiting for, or never came to, the first conversation */
	c->assessed = assessed;
	if (rng_percent(r, 7)) {
		c->professional = true;
		long handover = assessed + rng_range(r, 0, 10);
		if (rng_percent(r, 75) && handover <= g->today) {
			c->handover = handover;
			c->ended = handover;
			c->end_reason = "handed_over";
		}
		return;
	}
	if (!rng_percent(r, 85))
		return; /* on the waiting list */
	long day = assessed + rng_range(r, 3, 21);
	if (day > g->today)
		return;
	long kind = rng_below(r, 100);
	bool want_vol = kind < 65, want_act = kind < 45 || kind >= 65;
	if (!plan_match(g, r, c, &c->m[0], day, want_vol, want_act, -1, false))
		return;
	c->nmatches = 1;
	if (c->m[0].outcome && strcmp(c->m[0].outcome, "moved_activity") == 0
	    && plan_match(g, r, c, &c->m[1], c->m[0].end, false, true, c->m[0].act, true))
		c->nmatches = 2;

	const struct plan_match *last = &c->m[c->nmatches - 1];
	bool any_open = false;
	long latest = assessed;
	for (int k = 0; k < c->nmatches; k++) {
		any_open |= match_open(&c->m[k]);
		if (!match_open(&c->m[k]) && c->m[k].end > latest)
			latest = c->m[k].end;
	}
	long end = NO_DAY;
	bool lasting = false;
	if (last->outcome && strcmp(last->outcome, "on_own") == 0 && rng_percent(r, 40)) {
		end = last->end + rng_range(r, 30, 120);
		c->end_reason = "lasting_community";
		lasting = true;
	} else if (last->outcome && strcmp(last->outcome, "declined") == 0 && rng_percent(r, 30)) {
		end = last->end + rng_range(r, 1, 14);
		c->end_reason = "declined";
	} else if (!any_open && rng_permille(r, 15)) {
		end = latest + rng_range(r, 1, 200);
		c->end_reason = "moved";
	} else if (!any_open && c->age >= 75 && rng_percent(r, 2)) {
		end = latest + rng_range(r, 1, 300);
		c->end_reason = "deceased";
	}
	if (end > g->today) {
		c->end_reason = NULL;
		return;
	}
	if (!c->end_reason)
		return;
	c->ended = end;
	/* Someone who went on to a lasting community keeps going there;
	 * otherwise ending the case ends the enrolments too. */
	if (!lasting)
		for (int k = 0; k < c->nmatches; k++)
			if (c->m[k].act >= 0 && c->m[k].enrol_end > end)
				c->m[k].enrol_end = end;
}

/* Books the slots the plan uses, until the match or enrolment ends. */
static void book_slots(struct gen *g, const struct citizen_plan *c)
{
	for (int k = 0; k < c->nmatches; k++) {
		const struct plan_match *m = &c->m[k];
		if (m->act >= 0)
			g->acts[m->act].free_from[m->act_slot] = m->enrol_end;
		if (m->vol >= 0)
			g->vols[m->vol].free_from[m->vol_slot] = m->end;
	}
}

/* ---------- citizens: writing ---------- */

/* Sets status, outcome, note and done time for a call due on `due`:
 * calls in the future are open, recent ones often still open (the desk's
 * list for today), old ones mostly done. */
static void settle_call(struct gen *g, struct rng *r, long due, struct demo_follow_up *f,
			char done_at[STAMP_LEN])
{
	f->status = "open";
	f->outcome = f->note = f->next_step = f->done_at = NULL;
	if (due >= g->today)
		return;
	long age = g->today - due;
	long roll = rng_below(r, 100);
	if ((age <= 4 && roll < 55) || (age > 4 && roll < 4))
		return;
	if (age > 4 && roll < 7) {
		f->status = "cancelled";
		return;
	}
	long total = 0;
	for (long i = 0; i < COUNT(call_results); i++)
		total += call_results[i].weight;
	long x = rng_below(r, total);
	const struct call_result *res = &call_results[0];
	for (long i = 0; i < COUNT(call_results); i++) {
		if (x < call_results[i].weight) {
			res = &call_results[i];
			break;
		}
		x -= call_results[i].weight;
	}
	f->status = "done";
	f->outcome = res->outcome;
	f->note = res->notes[rng_below(r, 3)];
	f->next_step = res->next_steps[rng_below(r, 3)];
	stamp(due + (rng_percent(r, 80) ? 0 : 1), (int)rng_range(r, 9, 15),
	      (int)rng_range(r, 0, 59), done_at);
	f->done_at = done_at;
}

static void add_call(struct gen *g, struct rng *r, const struct citizen_plan *c,
		     long long citizen_id, const char *reason, long due, long long responsible,
		     const char *source_key, const char *due_time)
{
	if (due >= c->ended)
		return; /* no calls after the case has ended */
	char due_on[DATE_ISO_LEN], done_at[STAMP_LEN];
	iso(due, due_on);
	struct demo_follow_up f = {
		.citizen_id = citizen_id,
		.reason = reason,
		.due_on = due_on,
		.due_time = due_time,
		.responsible = responsible,
		.source_key = source_key,
	};
	settle_call(g, r, due, &f, done_at);
	if (f.outcome && strcmp(reason, "no_contact") == 0) {
		/* Nobody who was reached is still waiting for a first talk. */
		f.outcome = call_results[1].outcome;
		f.note = call_results[1].notes[rng_below(r, 3)];
		f.next_step = call_results[1].next_steps[rng_below(r, 3)];
	}
	if (demo_add_follow_up(g->w, &f))
		g->sum->follow_ups++;
}

static void write_attendance(struct gen *g, struct rng *r, const struct citizen_plan *c,
			     const struct plan_match *m, long long citizen_id,
			     long long enrolment_id)
{
	const struct activity *a = &g->acts[m->act];
	long long companion = m->vol >= 0 ? g->vols[m->vol].id : 0;
	long last = m->enrol_end < g->today ? m->enrol_end : g->today;
	int start_hour = (a->t->start[0] - '0') * 10 + (a->t->start[1] - '0');
	int missed = 0, calls = 0;
	long k = m->day <= a->first_day ? 0 : (m->day - a->first_day + 6) / 7;
	for (; k < a->nsessions; k++) {
		long day = session_day(a, (int)k);
		if (day >= last)
			break;
		if (a->session_status[k] != 'h')
			continue;
		const char *mark;
		if (rng_percent(r, m->reliability))
			mark = "present";
		else
			mark = rng_percent(r, 60) ? "excused" : "absent";
		bool present = mark[0] == 'p';
		bool accompanied = present && companion
			&& (m->acc_done == NO_DAY ? match_open(m) || day <= m->end : day <= m->acc_done);
		char marked_at[STAMP_LEN];
		stamp(day, start_hour, (int)rng_range(r, 0, 20), marked_at);
		struct demo_attendance rec = {
			.session_id = a->session_id[k],
			.citizen_id = citizen_id,
			.mark = mark,
			.accompanied_by = accompanied ? companion : 0,
			.marked_at = marked_at,
		};
		if (!demo_add_attendance(g->w, &rec))
			return;
		g->sum->attendance++;

		/* Two missed sessions in a row: the desk calls. */
		missed = present ? 0 : missed + 1;
		if (missed == 2 && calls < 3) {
			char key[64];
			snprintf(key, sizeof key, "missed:%lld:%lld", enrolment_id, a->session_id[k]);
			add_call(g, r, c, citizen_id, "missed_sessions", day + rng_range(r, 1, 2),
				 companion, key, NULL);
			missed = 0;
			calls++;
		}
	}
}

static void write_match(struct gen *g, struct rng *r, const struct citizen_plan *c,
			const struct plan_match *m, long long citizen_id)
{
	char matched_on[DATE_ISO_LEN], acc[DATE_ISO_LEN], ended[DATE_ISO_LEN];
	char enrol_end[DATE_ISO_LEN];
	iso(m->day, matched_on);
	if (m->acc_done != NO_DAY)
		iso(m->acc_done, acc);
	if (m->end != NO_DAY)
		iso(m->end, ended);
	if (m->enrol_end != NO_DAY)
		iso(m->enrol_end, enrol_end);
	const struct activity *a = m->act >= 0 ? &g->acts[m->act] : NULL;
	long long vol_id = m->vol >= 0 ? g->vols[m->vol].id : 0;

	long long enrolment_id = 0;
	if (a) {
		struct demo_enrolment e = {
			.citizen_id = citizen_id,
			.activity_id = a->id,
			.enrolled_on = matched_on,
			.ended_on = m->enrol_end != NO_DAY ? enrol_end : NULL,
		};
		enrolment_id = demo_add_enrolment(g->w, &e);
		if (!enrolment_id)
			return;
	}
	struct demo_match rec = {
		.citizen_id = citizen_id,
		.volunteer_id = vol_id,
		.activity_id = a ? a->id : 0,
		.matched_on = matched_on,
		.first_session_id = a && m->first_session >= 0 ? a->session_id[m->first_session] : 0,
		.accompaniment_done_on = m->acc_done != NO_DAY ? acc : NULL,
		.ended_on = m->end != NO_DAY ? ended : NULL,
		.outcome = m->outcome,
		.end_reason = m->end_reason,
	};
	long long match_id = demo_add_match(g->w, &rec);
	if (!match_id)
		return;
	g->sum->matches++;

	char key[64];
	snprintf(key, sizeof key, "match:%lld", match_id);
	add_call(g, r, c, citizen_id, "after_match", m->day + 14, vol_id, key, NULL);
	if (a && m->first_session >= 0) {
		snprintf(key, sizeof key, "first_session:%lld", match_id);
		add_call(g, r, c, citizen_id, "after_first_session", m->first_day + rng_range(r, 1, 3),
			 vol_id, key, NULL);
	}
	if (a)
		write_attendance(g, r, c, m, citizen_id, enrolment_id);
}

static void write_referral(struct gen *g, struct rng *r, long long citizen_id, long day,
			   int place, const struct person *relative, const char *relative_phone,
			   const char *source, long long *referral_id, bool *feedback)
{
	const char *city = places[place].city;
	char name_buf[NAME_LEN], org[TEXT_LEN], phone[16], referred_on[DATE_ISO_LEN];
	char created[STAMP_LEN];
	struct demo_referral rec = { .citizen_id = citizen_id, .source = source };
	iso(day, referred_on);
	rec.referred_on = referred_on;
	stamp(day, (int)rng_range(r, 9, 15), (int)rng_range(r, 0, 59), created);
	rec.created_at = created;
	if (strcmp(source, "relative") == 0) {
		rec.referrer_name = relative->name;
		rec.referrer_phone = relative_phone;
	} else if (strcmp(source, "self") != 0) {
		struct person p;
		make_person(r, &p, pick_gender(r, 70), NULL);
		snprintf(name_buf, sizeof name_buf, "%s", p.name);
		if (strcmp(source, "health_staff") == 0)
			expand(org, sizeof org, PICK(r, health_orgs), city);
		else if (strcmp(source, "gp") == 0)
			snprintf(org, sizeof org, "Lægehuset %s", PICK(r, streets));
		else if (strcmp(source, "municipal") == 0)
			expand(org, sizeof org, PICK(r, municipal_orgs), city);
		else if (strcmp(source, "job_centre") == 0)
			snprintf(org, sizeof org, "Jobcenter %s", city);
		else
			expand(org, sizeof org, PICK(r, other_orgs), city);
		landline(r, phone, sizeof phone, place);
		rec.referrer_name = name_buf;
		rec.referrer_org = org;
		rec.referrer_phone = phone;
	}
	rec.feedback_consent = strcmp(source, "self") != 0 && rng_percent(r, 60);
	*feedback = rec.feedback_consent;
	*referral_id = demo_add_referral(g->w, &rec);
	if (*referral_id)
		g->sum->referrals++;
}

static const struct relation *pick_relation(struct rng *r, int age)
{
	for (int tries = 0; tries < 20; tries++) {
		const struct relation *rel = &PICK(r, relations);
		if (age >= rel->min_age && age <= rel->max_age)
			return rel;
	}
	return &relations[8]; /* ven */
}

static int pick_age(struct rng *r)
{
	long x = rng_below(r, 100);
	if (x < 20)
		return (int)rng_range(r, 18, 29);
	if (x < 40)
		return (int)rng_range(r, 30, 44);
	if (x < 65)
		return (int)rng_range(r, 45, 64);
	return (int)rng_range(r, 65, 90);
}

static void pool_offer(struct gen *g, struct rng *r, long long id, long from, long to)
{
	/* Reservoir sampling keeps the pool small and fair for any size. */
	long slot = g->pool_seen < WALKIN_POOL ? g->pool_seen : rng_below(r, g->pool_seen + 1);
	g->pool_seen++;
	if (slot < WALKIN_POOL) {
		g->pool[slot] = (struct walkin){ id, from, to };
		if (g->pool_n <= slot)
			g->pool_n = slot + 1;
	}
}

static void make_citizen(struct gen *g, struct rng *r, long index, long n)
{
	struct citizen_plan c = { 0 };
	struct person p;
	const struct name_group *group = pick_name_group(r);
	make_person(r, &p, pick_gender(r, 56), group);
	c.age = pick_age(r);
	c.place = pick_place(r);
	c.interests = pick_ids(r, 1, 3, INTEREST_COUNT);
	unsigned barriers = rng_percent(r, 70) ? pick_ids(r, 0, 2, BARRIER_COUNT) : 0;
	if (rng_percent(r, 25))
		barriers |= 1u << B_ANXIETY;
	if (group && rng_percent(r, strcmp(group->language, "engelsk") == 0 ? 30 : 70))
		barriers |= 1u << B_LANGUAGE;
	if (c.age >= 75 && rng_percent(r, 40))
		barriers |= 1u << B_MOBILITY;
	long pref = rng_below(r, 100);
	c.pref_woman = pref < 10;
	c.pref_man = pref >= 10 && pref < 14;
	c.pref_lived = rng_percent(r, 15);

	/* Referred in id order over the two years; weekend referrals are
	 * registered on Monday. */
	c.ref = g->today - HISTORY_DAYS
		+ (long)((long long)HISTORY_DAYS * (2LL * index + 1) / (2LL * n));
	int wd = date_weekday(date_from_days(c.ref));
	if (wd >= 6 && c.ref + (8 - wd) <= g->today)
		c.ref += 8 - wd;
	plan_citizen(g, r, &c);
	book_slots(g, &c);

	char phone[16], email[NAME_LEN], address[TEXT_LEN], wishes[TEXT_LEN];
	char created[STAMP_LEN], updated[STAMP_LEN], ended_on[DATE_ISO_LEN];
	bool has_phone = rng_percent(r, 95);
	if (has_phone)
		mobile(r, phone, sizeof phone);
	bool has_email = rng_percent(r, c.age < 60 ? 50 : 20);
	if (has_email)
		make_email(r, &p, email, sizeof email);
	make_address(r, address, sizeof address);

	int wish_interest = 0;
	for (int k = 1; k <= INTEREST_COUNT && !wish_interest; k++)
		if ((c.interests & (1u << k)) && rng_percent(r, 60))
			wish_interest = k;
	size_t used = 0;
	wishes[0] = '\0';
	if (rng_percent(r, 55))
		used += (size_t)snprintf(wishes, sizeof wishes, "%s ", PICK(r, backgrounds));
	used += (size_t)snprintf(wishes + used, sizeof wishes - used, "%s",
				 wish_by_interest[wish_interest]);
	if (rng_percent(r, 30) && used < sizeof wishes)
		snprintf(wishes + used, sizeof wishes - used, " %s", PICK(r, company_wishes));

	long pref_contact = rng_below(r, 100);
	const char *contact_pref = pref_contact < 45 ? "phone" : pref_contact < 80 ? "sms"
		: pref_contact < 90 ? (has_email ? "email" : "sms")
		: pref_contact < 95 ? "letter" : "visit";
	if (!has_phone && (contact_pref[0] == 'p' || contact_pref[0] == 's'))
		contact_pref = "letter";

	stamp(c.ref, (int)rng_range(r, 9, 15), (int)rng_range(r, 0, 59), created);
	long last_change = c.ended != NO_DAY ? c.ended
		: c.nmatches ? c.m[c.nmatches - 1].day
		: c.assessed != NO_DAY ? c.assessed : c.ref;
	stamp(last_change, (int)rng_range(r, 9, 15), (int)rng_range(r, 0, 59), updated);
	if (c.ended != NO_DAY)
		iso(c.ended, ended_on);

	struct demo_citizen rec = {
		.name = p.name,
		.birth_year = g->today_year - c.age,
		.phone = has_phone ? phone : NULL,
		.email = has_email ? email : NULL,
		.address = address,
		.postcode = places[c.place].postcode,
		.town = places[c.place].town,
		.contact_pref = contact_pref,
		.gender = gender_code(p.gender),
		.wishes = wishes,
		.pref_volunteer_gender = c.pref_woman ? "woman" : c.pref_man ? "man" : NULL,
		.pref_lived_experience = c.pref_lived,
		.language = group ? group->language : "dansk",
		.status = c.ended != NO_DAY ? "ended" : "active",
		.ended_on = c.ended != NO_DAY ? ended_on : NULL,
		.end_reason = c.ended != NO_DAY ? c.end_reason : NULL,
		.created_at = created,
		.updated_at = updated,
	};
	long long id = demo_add_citizen(g->w, &rec);
	if (!id)
		return;
	g->sum->citizens++;

	for (int k = 1; k <= INTEREST_COUNT; k++)
		if (c.interests & (1u << k))
			demo_add_citizen_interest(g->w, id, k);
	for (int k = 1; k <= BARRIER_COUNT; k++)
		if (barriers & (1u << k))
			demo_add_citizen_barrier(g->w, id, k);
	bool avail[8][3] = { { false } };
	for (long k = rng_range(r, 1, 3); k > 0; k--) {
		int day = (int)(rng_percent(r, 85) ? rng_range(r, 1, 5) : rng_range(r, 6, 7));
		int part = (int)(rng_percent(r, 70) ? rng_below(r, 2) : 2);
		if (avail[day][part])
			continue;
		avail[day][part] = true;
		demo_add_citizen_availability(g->w, id, day, parts[part]);
	}

	/* Who referred, and a relative when one takes part. */
	const char *source = pick_weighted(r, sources, COUNT(sources));
	if (c.age >= 67 && strcmp(source, "job_centre") == 0)
		source = "gp"; /* past pension age: no job centre */
	bool has_relative = strcmp(source, "relative") == 0 || rng_percent(r, 15);
	struct person relative = { 0 };
	char relative_phone[16] = "";
	if (has_relative) {
		const struct relation *rel = pick_relation(r, c.age);
		enum gender rg = rel->sex == 0 ? WOMAN : rel->sex == 1 ? MAN : pick_gender(r, 50);
		make_person(r, &relative, rg == OTHER ? WOMAN : rg, group);
		if (rel->family && rng_percent(r, 70)) {
			snprintf(relative.last, sizeof relative.last, "%s", p.last);
			snprintf(relative.name, sizeof relative.name, "%s %s", relative.first, p.last);
		}
		mobile(r, relative_phone, sizeof relative_phone);
		struct demo_relative rr = {
			.citizen_id = id,
			.name = relative.name,
			.relation = rel->name,
			.phone = relative_phone,
			.takes_part = rng_percent(r, 60),
			.wants_support = rng_percent(r, 20),
		};
		demo_add_relative(g->w, &rr);
	}
	long long referral_id;
	bool feedback;
	write_referral(g, r, id, c.ref, c.place, &relative, relative_phone, source,
		       &referral_id, &feedback);

	char day[DATE_ISO_LEN], other_day[DATE_ISO_LEN];
	iso(c.ref, day);
	demo_add_consent(g->w, &(struct demo_consent){
		.citizen_id = id, .purpose = "registration", .given_on = day });
	if (feedback) {
		long withdrawn = c.ref + rng_range(r, 30, 400);
		bool withdraw = rng_percent(r, 3) && withdrawn <= g->today;
		if (withdraw)
			iso(withdrawn, other_day);
		demo_add_consent(g->w, &(struct demo_consent){
			.citizen_id = id, .purpose = "referrer_feedback", .given_on = day,
			.withdrawn_on = withdraw ? other_day : NULL });
	}
	for (int k = 0; k < c.nmatches; k++) {
		if (c.m[k].vol >= 0) {
			iso(c.m[k].day, other_day);
			demo_add_consent(g->w, &(struct demo_consent){
				.citizen_id = id, .purpose = "volunteer_contact", .given_on = other_day });
			break;
		}
	}

	if (c.assessed != NO_DAY) {
		char assessed[DATE_ISO_LEN], handover_on[DATE_ISO_LEN], handover_to[TEXT_LEN];
		iso(c.assessed, assessed);
		struct demo_assessment a = {
			.citizen_id = id,
			.assessed_on = assessed,
			.outcome = c.professional ? "professional_help" : "volunteer_help",
			.note = c.professional ? PICK(r, professional_help_notes)
					       : PICK(r, volunteer_help_notes),
		};
		if (c.professional) {
			expand(handover_to, sizeof handover_to, PICK(r, handover_orgs),
			       places[c.place].city);
			a.handover_to = handover_to;
			if (c.handover != NO_DAY) {
				iso(c.handover, handover_on);
				a.handover_on = handover_on;
			}
		}
		demo_add_assessment(g->w, &a);
	}

	for (int k = 0; k < c.nmatches; k++)
		write_match(g, r, &c, &c.m[k], id);

	char key[64];
	if (feedback && c.assessed != NO_DAY) {
		snprintf(key, sizeof key, "referral:%lld", referral_id);
		add_call(g, r, &c, id, "referrer_feedback", c.assessed + 7, 0, key, NULL);
	}
	if (c.assessed == NO_DAY && c.ref + 3 <= g->today) {
		snprintf(key, sizeof key, "no_contact:%lld", id);
		add_call(g, r, &c, id, "no_contact", c.ref + 3, 0, key, NULL);
	}
	if (c.assessed != NO_DAY && c.ended == NO_DAY && rng_percent(r, 25)) {
		/* A call agreed with the citizen, some due today. */
		long long who = 0;
		for (int k = 0; k < c.nmatches; k++)
			if (c.m[k].vol >= 0 && match_open(&c.m[k]))
				who = g->vols[c.m[k].vol].id;
		long due = g->today + rng_range(r, -6, 20);
		if (rng_percent(r, 20))
			due = g->today;
		if (due < c.assessed)
			due = c.assessed + 1;
		add_call(g, r, &c, id, "agreed", due, who, NULL, PICK(r, call_times));
	}

	/* Assessed, never placed in a group: might walk in at a café. */
	bool enrolled = false;
	for (int k = 0; k < c.nmatches; k++)
		enrolled |= c.m[k].act >= 0;
	if (c.assessed != NO_DAY && !c.professional && !enrolled)
		pool_offer(g, r, id, c.assessed, c.ended);
}

/* Walk-ins at the practice communities: someone turns up without being
 * enrolled and is added on the spot. */
static void make_walk_ins(struct gen *g, struct rng *r)
{
	if (!g->pool_n)
		return;
	for (long i = 0; i < g->nacts && demo_writer_status(g->w) == DB_OK; i++) {
		const struct activity *a = &g->acts[i];
		if (!a->active || strcmp(a->t->community, "practice") != 0)
			continue;
		int start_hour = (a->t->start[0] - '0') * 10 + (a->t->start[1] - '0');
		for (int k = 0; k < a->nsessions; k++) {
			if (a->session_status[k] != 'h' || !rng_percent(r, 20))
				continue;
			long day = session_day(a, k);
			for (int tries = 0; tries < 4; tries++) {
				const struct walkin *w = &g->pool[rng_below(r, g->pool_n)];
				if (w->from > day || w->to <= day)
					continue;
				char marked_at[STAMP_LEN];
				stamp(day, start_hour, (int)rng_range(r, 0, 30), marked_at);
				struct demo_attendance rec = {
					.session_id = a->session_id[k],
					.citizen_id = w->citizen_id,
					.mark = "present",
					.walk_in = true,
					.marked_at = marked_at,
				};
				if (demo_add_attendance(g->w, &rec))
					g->sum->attendance++;
				break;
			}
		}
	}
}

/* Referrals kept without a citizen: no consent to registration. */
static void make_bare_referrals(struct gen *g, struct rng *r, long n)
{
	for (long i = 0; i < n && demo_writer_status(g->w) == DB_OK; i++) {
		long day = g->today - rng_range(r, 0, HISTORY_DAYS - 1);
		const char *source;
		do
			source = pick_weighted(r, sources, COUNT(sources));
		while (strcmp(source, "self") == 0 || strcmp(source, "relative") == 0);
		long long id;
		bool feedback;
		write_referral(g, r, 0, day, pick_place(r), NULL, NULL, source, &id, &feedback);
	}
}

static void free_gen(struct gen *g)
{
	for (long i = 0; i < g->nacts; i++) {
		free(g->acts[i].session_id);
		free(g->acts[i].session_status);
	}
	free(g->acts);
	free(g->vols);
	for (int k = 0; k < REGIONS; k++) {
		free(g->vols_in[k].items);
		free(g->acts_in[k].items);
	}
}

/* Separate streams per part, so changing one leaves the others. */
enum stream { S_VOLUNTEERS = 1, S_ACTIVITIES, S_SESSIONS, S_CITIZENS, S_WALK_INS, S_REFERRALS };

enum db_status demo_generate(struct db *db, const struct demo_options *opt,
			     struct demo_summary *out)
{
	memset(out, 0, sizeof *out);
	if (opt->citizens < 0 || opt->volunteers < 0 || opt->activities < 0
	    || !date_valid(opt->today))
		return DB_ERR_MISUSE;
	long citizens = opt->citizens;
	long nvols = opt->volunteers ? opt->volunteers : citizens / 50 > 20 ? citizens / 50 : 20;
	long nacts = opt->activities ? opt->activities : citizens / 200 > 8 ? citizens / 200 : 8;

	struct gen g = { .sum = out };
	g.today = date_to_days(opt->today);
	g.today_year = opt->today.year;
	g.year_start = g.today - 7L * YEAR_WEEKS + 1;
	g.vols = calloc((size_t)nvols, sizeof *g.vols);
	g.acts = calloc((size_t)nacts, sizeof *g.acts);
	if (!g.vols || !g.acts) {
		free(g.vols);
		free(g.acts);
		return DB_ERR_IO;
	}
	g.nvols = nvols;
	g.nacts = nacts;

	enum db_status st = demo_writer_open(db, &g.w);
	if (st != DB_OK) {
		free_gen(&g);
		return st;
	}
	bool empty = false;
	st = demo_is_empty(db, &empty);
	if (st == DB_OK && !empty)
		st = DB_ERR_CONFLICT;
	if (st != DB_OK) {
		demo_writer_close(g.w, false);
		free_gen(&g);
		return st;
	}

	struct rng r;
	bool ok = true;
	rng_init(&r, opt->seed, S_VOLUNTEERS);
	ok = make_volunteers(&g, &r, nvols);
	rng_init(&r, opt->seed, S_ACTIVITIES);
	ok = ok && make_activities(&g, &r, nacts);
	rng_init(&r, opt->seed, S_SESSIONS);
	ok = ok && make_sessions(&g, &r);
	rng_init(&r, opt->seed, S_CITIZENS);
	for (long i = 0; ok && i < citizens; i++) {
		make_citizen(&g, &r, i, citizens);
		ok = demo_writer_status(g.w) == DB_OK;
	}
	rng_init(&r, opt->seed, S_WALK_INS);
	if (ok)
		make_walk_ins(&g, &r);
	rng_init(&r, opt->seed, S_REFERRALS);
	if (ok)
		make_bare_referrals(&g, &r, citizens * 3 / 100);

	st = demo_writer_close(g.w, ok);
	if (st == DB_OK && !ok)
		st = DB_ERR_IO; /* out of memory */
	free_gen(&g);
	if (st != DB_OK)
		memset(out, 0, sizeof *out);
	return st;
}
