/* demo_people.c — made-up Danes and the demo's volunteers; see
 * demo_people.h. */
#include "demo_people.h"

#include <stdio.h>
#include <string.h>

#include "store_demo.h"

/* ---------- names ---------- */

const char *demo_gender_code(enum gender g)
{
	return g == WOMAN ? "woman" : g == MAN ? "man" : "other";
}

enum gender demo_pick_gender(struct rng *r, int women_percent)
{
	long x = rng_below(r, 100);
	if (x < women_percent)
		return WOMAN;
	return x < 98 ? MAN : OTHER;
}

const struct name_group *demo_pick_name_group(struct rng *r)
{
	long x = rng_below(r, 1000);
	for (long i = 0; i < demo_name_group_count; i++) {
		if (x < demo_name_groups[i].permille)
			return &demo_name_groups[i];
		x -= demo_name_groups[i].permille;
	}
	return NULL;
}

void demo_make_person(struct rng *r, struct person *p, enum gender gender,
		      const struct name_group *group)
{
	p->gender = gender;
	p->group = group;
	bool female = gender == WOMAN || (gender == OTHER && rng_percent(r, 50));
	if (group) {
		snprintf(p->first, sizeof p->first, "%s",
			 female ? PICK(r, group->women) : PICK(r, group->men));
		snprintf(p->last, sizeof p->last, "%s", PICK(r, group->surnames));
	} else {
		const char *first = female ? PICK_SKEWED(r, demo_women) : PICK_SKEWED(r, demo_men);
		if (rng_percent(r, 12)) {
			const char *second = female ? PICK(r, demo_women_second) : PICK(r, demo_men_second);
			if (strcmp(first, second) == 0 || strchr(first, ' '))
				snprintf(p->first, sizeof p->first, "%s", first);
			else
				snprintf(p->first, sizeof p->first, "%s%s%s", first,
					 rng_percent(r, 25) ? "-" : " ", second);
		} else {
			snprintf(p->first, sizeof p->first, "%s", first);
		}
		const char *last = PICK_SKEWED(r, demo_surnames);
		if (rng_percent(r, 8)) {
			const char *other = PICK_SKEWED(r, demo_surnames);
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

/* ---------- contact details ---------- */

static void make_phone(struct rng *r, char *out, size_t size, const char *prefix)
{
	/* Last pair first: the order the demo has always drawn them in. */
	long last = rng_below(r, 100), middle = rng_below(r, 100), first = rng_below(r, 100);
	snprintf(out, size, "%s %02ld %02ld %02ld", prefix, first, middle, last);
}

void demo_mobile(struct rng *r, char *out, size_t size)
{
	make_phone(r, out, size, PICK(r, demo_mobile_prefixes));
}

void demo_landline(struct rng *r, char *out, size_t size, int place)
{
	make_phone(r, out, size, demo_landline_prefixes[demo_places[place].region][rng_below(r, 3)]);
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

void demo_make_email(struct rng *r, const struct person *p, char *out, size_t size)
{
	char first[32], last[32];
	fold_ascii(p->first, first, sizeof first, true);
	fold_ascii(p->last, last, sizeof last, false);
	const char *domain = PICK(r, demo_mail_domains);
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

void demo_make_address(struct rng *r, char *out, size_t size)
{
	const char *street = PICK(r, demo_streets);
	long number = rng_range(r, 1, 40);
	if (rng_percent(r, 30))
		number += rng_range(r, 0, 120);
	char letter[2] = { 0 };
	if (rng_percent(r, 6))
		letter[0] = (char)('A' + rng_below(r, 4));
	if (rng_percent(r, 55))
		snprintf(out, size, "%s %ld%s, %s", street, number, letter, PICK(r, demo_floors));
	else
		snprintf(out, size, "%s %ld%s", street, number, letter);
}

/* ---------- interests and barriers ---------- */

unsigned demo_pick_ids(struct rng *r, int min, int max, int count)
{
	unsigned set = 0;
	long n = rng_range(r, min, max);
	for (long i = 0; i < n; i++)
		set |= 1u << rng_range(r, 1, count);
	return set;
}

void demo_write_ids(struct demo_writer *w, long long owner_id, unsigned set, int count,
		    bool (*add)(struct demo_writer *, long long, long long))
{
	for (int k = 1; k <= count; k++)
		if (set & (1u << k))
			add(w, owner_id, k);
}

/* ---------- volunteers ---------- */

/* Another postcode in the same region, for a volunteer's areas. */
static int nearby_place(struct rng *r, int home)
{
	for (int tries = 0; tries < 12; tries++) {
		int p = (int)rng_below(r, demo_place_count);
		if (p != home && demo_places[p].region == demo_places[home].region)
			return p;
	}
	return -1;
}

bool demo_make_volunteers(struct gen *g, struct rng *r, long n)
{
	for (long i = 0; i < n && gen_ok(g); i++) {
		struct volunteer *v = &g->vols[i];
		struct person p;
		enum gender gender = demo_pick_gender(r, 65);
		const struct name_group *group = demo_pick_name_group(r);
		demo_make_person(r, &p, gender, group);
		v->place = demo_pick_place(r);
		int age = (int)(rng_percent(r, 50) ? rng_range(r, 55, 80) : rng_range(r, 20, 54));
		long status = rng_below(r, 100);
		const char *status_code = status < 80 ? "active" : status < 92 ? "training" : "paused";
		v->active = status < 80;
		v->start = status_code[0] == 't' ? g->today - rng_range(r, 10, 120)
						  : g->today - rng_range(r, 120, 1800);
		v->woman = gender == WOMAN;
		snprintf(v->name, sizeof v->name, "%s", p.name);
		demo_mobile(r, v->phone, sizeof v->phone);

		const char *role = pick_weighted(r, demo_volunteer_roles, demo_volunteer_role_count);
		const char *role2 = rng_percent(r, 25)
			? pick_weighted(r, demo_volunteer_roles, demo_volunteer_role_count) : NULL;
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
		v->interests = demo_pick_ids(r, 2, 4, INTEREST_COUNT);

		char email[NAME_LEN], created[STAMP_LEN];
		bool has_email = rng_percent(r, 85);
		if (has_email)
			demo_make_email(r, &p, email, sizeof email);
		demo_office_stamp(r, v->start, created);
		struct demo_volunteer rec = {
			.name = p.name,
			.phone = v->phone,
			.email = has_email ? email : NULL,
			.postcode = demo_places[v->place].postcode,
			.town = demo_places[v->place].town,
			.gender = demo_gender_code(gender),
			.birth_year = g->today_year - age,
			.lived_experience = v->lived_experience ? PICK(r, demo_lived_experiences) : NULL,
			.capacity = v->capacity,
			.status = status_code,
			.created_at = created,
			.keys = &g->registry_keys,
		};
		demo_registry_keys(rec.name, rec.email, rec.town, rec.phone, rec.postcode, &g->registry_keys);
		v->id = demo_add_volunteer(g->w, &rec);
		if (!v->id)
			return false;
		g->sum->volunteers++;

		demo_add_volunteer_role(g->w, v->id, role);
		if (role2)
			demo_add_volunteer_role(g->w, v->id, role2);
		demo_write_ids(g->w, v->id, v->interests, INTEREST_COUNT, demo_add_volunteer_interest);
		demo_add_volunteer_language(g->w, v->id, group ? group->language : "dansk");
		if (group)
			demo_add_volunteer_language(g->w, v->id, "dansk");
		if (rng_percent(r, 45) && (!group || strcmp(group->language, "engelsk") != 0))
			demo_add_volunteer_language(g->w, v->id, "engelsk");
		if (!group && rng_percent(r, 10))
			demo_add_volunteer_language(g->w, v->id, PICK(r, demo_volunteer_languages));

		demo_add_volunteer_area(g->w, v->id, demo_places[v->place].postcode);
		int near1 = rng_percent(r, 60) ? nearby_place(r, v->place) : -1;
		int near2 = near1 >= 0 && rng_percent(r, 40) ? nearby_place(r, v->place) : -1;
		if (near1 >= 0)
			demo_add_volunteer_area(g->w, v->id, demo_places[near1].postcode);
		if (near2 >= 0 && near2 != near1)
			demo_add_volunteer_area(g->w, v->id, demo_places[near2].postcode);

		bool avail[8][3] = { { false } };
		for (long k = rng_range(r, 2, 4); k > 0; k--) {
			int wd = (int)(rng_percent(r, 85) ? rng_range(r, 1, 5) : rng_range(r, 6, 7));
			int part = (int)rng_below(r, 3);
			if (avail[wd][part])
				continue;
			avail[wd][part] = true;
			demo_add_volunteer_availability(g->w, v->id, wd, demo_day_parts[part]);
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
			demo_add_volunteer_course(g->w, v->id, PICK(r, demo_extra_courses), day);
		}

		open_slots(v->free_from, VOL_MAX_CAPACITY, v->capacity);
		if (v->active && !demo_list_push(&g->vols_in[demo_places[v->place].region], (int)i))
			return false;
	}
	return gen_ok(g);
}
