/* pg_sql.c — rewrites a store's SQL for PostgreSQL (see pg_sql.h). */
#include "pg_sql.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct out {
	char *buf;
	size_t len, cap;
	bool failed;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->failed)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 256;
		while (o->len + n + 1 > cap)
			cap *= 2;
		char *b = realloc(o->buf, cap);
		if (!b) {
			o->failed = true;
			return;
		}
		o->buf = b;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

enum tok { T_SPACE, T_STRING, T_QUOTED, T_WORD, T_PARAM, T_PUNCT, T_END };

/* The next token of `p`: its kind and length. */
static enum tok next_token(const char *p, size_t *len)
{
	const char *s = p;
	if (!*p) {
		*len = 0;
		return T_END;
	}
	if (isspace((unsigned char)*p)) {
		while (isspace((unsigned char)*p))
			p++;
		*len = (size_t)(p - s);
		return T_SPACE;
	}
	if (p[0] == '-' && p[1] == '-') {
		while (*p && *p != '\n')
			p++;
		*len = (size_t)(p - s);
		return T_SPACE;
	}
	if (p[0] == '/' && p[1] == '*') {
		const char *e = strstr(p + 2, "*/");
		p = e ? e + 2 : p + strlen(p);
		*len = (size_t)(p - s);
		return T_SPACE;
	}
	if (*p == '\'' || *p == '"') {
		char q = *p++;
		while (*p) {
			if (*p == q && p[1] == q) {
				p += 2;
				continue;
			}
			if (*p++ == q)
				break;
		}
		*len = (size_t)(p - s);
		return q == '\'' ? T_STRING : T_QUOTED;
	}
	if (p[0] == ':' && p[1] == ':') {
		*len = 2;
		return T_PUNCT;
	}
	if (p[0] == ':' && (isalpha((unsigned char)p[1]) || p[1] == '_')) {
		p++;
		while (isalnum((unsigned char)*p) || *p == '_')
			p++;
		*len = (size_t)(p - s);
		return T_PARAM;
	}
	if (isalnum((unsigned char)*p) || *p == '_' || (unsigned char)*p >= 0x80) {
		while (isalnum((unsigned char)*p) || *p == '_' || (unsigned char)*p >= 0x80)
			p++;
		*len = (size_t)(p - s);
		return T_WORD;
	}
	*len = 1;
	return T_PUNCT;
}

static bool word_is(const char *p, size_t len, const char *w)
{
	return strlen(w) == len && strncasecmp(p, w, len) == 0;
}

/* One ORDER BY list being copied, at a depth of parentheses. */
struct order_frame {
	int depth;
	int sig;            /* significant tokens of the term at this depth */
	bool nested;        /* the term has parentheses */
	bool nulls;         /* says NULLS itself */
	bool desc;          /* the last word is DESC */
	bool id_like;       /* "id" or "x.id" so far */
	int id_state;       /* 0 start, 1 "x", 2 "x.", 3 "id"/"x.id", 4 + ASC/DESC */
};

enum { MAX_FRAMES = 16 };

/* Appends `s` before the white space that ends the output so far. */
static void put_before_space(struct out *o, const char *s)
{
	if (o->failed)
		return;
	size_t keep = o->len;
	while (keep > 0 && isspace((unsigned char)o->buf[keep - 1]))
		keep--;
	char space[64];
	size_t n = o->len - keep < sizeof space - 1 ? o->len - keep : sizeof space - 1;
	memcpy(space, o->buf + keep, n);
	o->len = keep;
	puts_(o, s);
	put(o, space, n);
}

static void finish_term(struct out *o, struct order_frame *f)
{
	if (f->sig > 0 && !f->nulls && !(f->id_like && !f->nested && (f->id_state == 3 || f->id_state == 4)))
		put_before_space(o, f->desc ? " NULLS LAST" : " NULLS FIRST");
	*f = (struct order_frame){ .depth = f->depth, .id_like = true };
}

static void term_token(struct order_frame *f, enum tok t, const char *p, size_t len, int depth)
{
	if (t == T_SPACE)
		return;
	if (depth > f->depth) {
		f->nested = true;
		f->sig++;
		return;
	}
	f->sig++;
	f->desc = t == T_WORD && word_is(p, len, "DESC");
	if (t == T_WORD && word_is(p, len, "NULLS"))
		f->nulls = true;
	if (!f->id_like)
		return;
	bool ok = false;
	switch (f->id_state) {
	case 0:
		if (t == T_WORD && word_is(p, len, "id")) {
			f->id_state = 3;
			ok = true;
		} else if (t == T_WORD) {
			f->id_state = 1;
			ok = true;
		}
		break;
	case 1:
		ok = t == T_PUNCT && *p == '.';
		f->id_state = 2;
		break;
	case 2:
		ok = t == T_WORD && word_is(p, len, "id");
		f->id_state = 3;
		break;
	case 3:
		ok = t == T_WORD && (word_is(p, len, "ASC") || word_is(p, len, "DESC"));
		f->id_state = 4;
		break;
	default:
		break;
	}
	if (!ok)
		f->id_like = false;
}

static bool ends_order_list(const char *p, size_t len)
{
	static const char *const words[] = { "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "ROWS",
					     "RANGE", "GROUPS", "FETCH", "FOR", "WINDOW", "ON" };
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (word_is(p, len, words[i]))
			return true;
	return false;
}

/* The next token after white space and comments. */
static enum tok next_significant(const char *p, const char **at, size_t *len)
{
	enum tok t;
	while ((t = next_token(p, len)) == T_SPACE)
		p += *len;
	*at = p;
	return t;
}

/* `p` is at "(": the number of commas at its own level before the ")"
 * that closes it. */
static int top_commas(const char *p)
{
	int depth = 0, commas = 0;
	size_t len;
	for (enum tok t; (t = next_token(p, &len)) != T_END; p += len) {
		if (t != T_PUNCT)
			continue;
		if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			break;
		else if (*p == ',' && depth == 1)
			commas++;
	}
	return commas;
}

/* What may follow a subquery in FROM when it has no alias. */
static bool ends_from_item(enum tok t, const char *p, size_t len)
{
	static const char *const words[] = { "WHERE", "GROUP", "ORDER", "LIMIT", "OFFSET", "JOIN", "LEFT", "INNER",
					     "CROSS", "RIGHT", "FULL", "NATURAL", "ON", "UNION", "EXCEPT", "INTERSECT",
					     "HAVING", "WINDOW", "USING", "RETURNING" };
	if (t != T_WORD)
		return true;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (word_is(p, len, words[i]))
			return true;
	return false;
}

int pg_sql_param(const struct pg_sql *s, const char *name)
{
	for (int i = 0; i < s->nparams; i++)
		if (strcmp(s->names[i], name) == 0)
			return i + 1;
	return 0;
}

void pg_sql_free(struct pg_sql *s)
{
	free(s->text);
	for (int i = 0; i < s->nparams; i++)
		free(s->names[i]);
	memset(s, 0, sizeof *s);
}

bool pg_sql_translate(const char *sql, pg_sql_has_id_fn has_id, void *ctx, struct pg_sql *out)
{
	memset(out, 0, sizeof *out);
	struct out o = { 0 };
	struct order_frame frames[MAX_FRAMES];
	int nframes = 0;
	int depth = 0;
	/* The statement's shape: INSERT INTO table ..., RETURNING. */
	int first_words = 0;
	bool insert = false, returning = false, ignore = false;
	char prev_word[16] = "";   /* the last significant word, for ORDER BY */
	char word_before[16] = ""; /* the one before it */
	size_t last_word_at = 0;   /* where prev_word begins in the output */
	/* Depths of the subqueries in FROM or JOIN, which PostgreSQL 15
	 * wants named. */
	int subqueries[MAX_FRAMES];
	int nsub = 0, named = 0;
	const char *p = sql;
	bool ok = true;
	for (;;) {
		size_t len;
		enum tok t = next_token(p, &len);
		if (t == T_END)
			break;
		/* INSERT OR IGNORE: ON CONFLICT DO NOTHING at the end. */
		if (t == T_WORD && word_is(p, len, "OR") && insert && first_words == 1) {
			const char *q;
			size_t l2;
			if (next_significant(p + len, &q, &l2) == T_WORD && word_is(q, l2, "IGNORE")) {
				ignore = true;
				p = q + l2;
				continue;
			}
		}
		/* SQLite's CROSS JOIN t ON ... (a join in the written order):
		 * a plain JOIN here, where CROSS takes no ON. */
		if (t == T_WORD && word_is(p, len, "CROSS")) {
			const char *q;
			size_t l2;
			if (next_significant(p + len, &q, &l2) == T_WORD && word_is(q, l2, "JOIN")
			    && next_significant(q + l2, &q, &l2) == T_WORD) {
				enum tok after = next_significant(q + l2, &q, &l2);
				if (after == T_WORD && word_is(q, l2, "AS"))
					after = next_significant(q + l2, &q, &l2);
				if (after == T_WORD && !word_is(q, l2, "ON"))
					after = next_significant(q + l2, &q, &l2);
				if (after == T_WORD && word_is(q, l2, "ON")) {
					p += len;
					continue;
				}
			}
		}
		/* SQLite's "x IS y" and "x IS NOT y" of any two values. */
		bool is_value = t != T_SPACE
			&& !(t == T_WORD && (word_is(p, len, "NULL") || word_is(p, len, "NOT") || word_is(p, len, "TRUE")
					     || word_is(p, len, "FALSE") || word_is(p, len, "DISTINCT")));
		if (is_value && strcasecmp(prev_word, "IS") == 0) {
			puts_(&o, "NOT DISTINCT FROM ");
		} else if (is_value && strcasecmp(prev_word, "NOT") == 0 && strcasecmp(word_before, "IS") == 0
			   && last_word_at <= o.len) {
			o.len = last_word_at;
			o.buf[o.len] = '\0';
			puts_(&o, "DISTINCT FROM ");
		}
		/* SQLite's INDEXED BY name: PostgreSQL's planner chooses. */
		if (t == T_WORD && word_is(p, len, "INDEXED")) {
			const char *q;
			size_t l2;
			if (next_significant(p + len, &q, &l2) == T_WORD && word_is(q, l2, "BY")
			    && next_significant(q + l2, &q, &l2) == T_WORD) {
				p = q + l2;
				continue;
			}
		}
		/* SQLite's "ORDER BY +x" keeps x's index out of the plan; a
		 * unary plus on text is an error here. */
		if (nframes > 0 && t == T_PUNCT && *p == '+' && frames[nframes - 1].depth == depth
		    && frames[nframes - 1].sig == 0) {
			p += len;
			continue;
		}
		/* What ends the ORDER BY list of the innermost frame. */
		if (nframes > 0) {
			struct order_frame *f = &frames[nframes - 1];
			bool at = depth == f->depth;
			if (at && t == T_PUNCT && *p == ',') {
				finish_term(&o, f);
			} else if ((t == T_PUNCT && *p == ')' && depth == f->depth) || (at && t == T_PUNCT && *p == ';')
				   || (at && t == T_WORD && ends_order_list(p, len))) {
				finish_term(&o, f);
				nframes--;
			} else {
				term_token(f, t, p, len, depth);
			}
		}
		if (t == T_PUNCT && *p == '(') {
			depth++;
			if ((strcasecmp(prev_word, "FROM") == 0 || strcasecmp(prev_word, "JOIN") == 0) && nsub < MAX_FRAMES)
				subqueries[nsub++] = depth;
		} else if (t == T_PUNCT && *p == ')') {
			if (nsub > 0 && subqueries[nsub - 1] == depth) {
				nsub--;
				const char *q;
				size_t l2;
				enum tok after = next_significant(p + 1, &q, &l2);
				if (ends_from_item(after, q, l2)) {
					char alias[24];
					snprintf(alias, sizeof alias, ") AS bb_sub%d", ++named);
					puts_(&o, alias);
					depth--;
					prev_word[0] = '\0';
					first_words++;
					p += len;
					continue;
				}
			}
			depth--;
		}
		if (t == T_PARAM) {
			char *name = strndup(p, len);
			if (!name) {
				ok = false;
				break;
			}
			int n = pg_sql_param(out, name);
			if (n) {
				free(name);
			} else if (out->nparams == PG_SQL_MAX_PARAMS) {
				free(name);
				ok = false;
				break;
			} else {
				out->names[out->nparams++] = name;
				n = out->nparams;
			}
			char num[16];
			snprintf(num, sizeof num, "$%d", n);
			puts_(&o, num);
			prev_word[0] = word_before[0] = '\0';
			p += len;
			continue;
		}
		/* SQLite's max(a, b) and min(a, b) of values, not rows. */
		if (t == T_WORD && (word_is(p, len, "max") || word_is(p, len, "min"))) {
			const char *q;
			size_t l2;
			if (next_significant(p + len, &q, &l2) == T_PUNCT && *q == '(' && top_commas(q) > 0) {
				puts_(&o, word_is(p, len, "max") ? "GREATEST" : "LEAST");
				prev_word[0] = '\0';
				first_words++;
				p += len;
				continue;
			}
		}
		put(&o, p, len);
		if (t == T_WORD) {
			if (first_words == 0 && word_is(p, len, "INSERT"))
				insert = true;
			if (insert && first_words == 2 && depth == 0) {
				snprintf(out->table, sizeof out->table, "%.*s", (int)(len < 63 ? len : 63), p);
				for (char *c = out->table; *c; c++)
					*c = (char)tolower((unsigned char)*c);
			}
			if (word_is(p, len, "RETURNING") && depth == 0)
				returning = true;
			first_words++;
			if (word_is(p, len, "BY") && strcasecmp(prev_word, "ORDER") == 0) {
				if (nframes == MAX_FRAMES) {
					ok = false;
					break;
				}
				frames[nframes++] = (struct order_frame){ .depth = depth, .id_like = true };
			}
			memcpy(word_before, prev_word, sizeof word_before);
			snprintf(prev_word, sizeof prev_word, "%.*s", (int)(len < 15 ? len : 15), p);
			last_word_at = o.len - len;
		} else if (t != T_SPACE) {
			word_before[0] = '\0';
			prev_word[0] = '\0';
			first_words++;
		}
		p += len;
	}
	while (nframes > 0)
		finish_term(&o, &frames[--nframes]);
	if (ignore) {
		while (o.len > 0 && (isspace((unsigned char)o.buf[o.len - 1]) || o.buf[o.len - 1] == ';'))
			o.buf[--o.len] = '\0';
		puts_(&o, " ON CONFLICT DO NOTHING");
	}
	if (ok && insert && !returning && out->table[0] && has_id && has_id(ctx, out->table)) {
		/* Before a final ';' and the space around it. */
		while (o.len > 0 && (isspace((unsigned char)o.buf[o.len - 1]) || o.buf[o.len - 1] == ';'))
			o.buf[--o.len] = '\0';
		puts_(&o, " RETURNING id");
		out->returns_id = true;
	}
	if (!o.buf)
		puts_(&o, "");
	out->text = o.buf;
	if (!ok || o.failed) {
		out->text = NULL;
		free(o.buf);
		pg_sql_free(out);
		return false;
	}
	return true;
}
