/* vault.c — sealing a file with a passphrase (vault.h). */
#include "vault.h"

#include <sodium.h>
#include <stdint.h>
#include <string.h>

#define VAULT_MAGIC "BROBYGGER SEALED 1\n"
enum {
	MAGIC_LEN = sizeof VAULT_MAGIC - 1,
	VAULT_BLOCK = 64 * 1024,
	SEALED_BLOCK = VAULT_BLOCK + crypto_secretstream_xchacha20poly1305_ABYTES,
};

/* The file's preamble after the magic: salt, limits, stream header. */
struct preamble {
	unsigned char salt[crypto_pwhash_SALTBYTES];
	uint64_t opslimit, memlimit;
	unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
};

static void put_u64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

bool vault_is_sealed(FILE *in)
{
	char magic[MAGIC_LEN];
	long at = ftell(in);
	bool sealed = fread(magic, 1, MAGIC_LEN, in) == MAGIC_LEN && memcmp(magic, VAULT_MAGIC, MAGIC_LEN) == 0;
	fseek(in, at < 0 ? 0 : at, SEEK_SET);
	return sealed;
}

static enum vault_status derive(unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
				const char *passphrase, const struct preamble *p)
{
	if (crypto_pwhash(key, crypto_secretstream_xchacha20poly1305_KEYBYTES, passphrase, strlen(passphrase),
			  p->salt, p->opslimit, (size_t)p->memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return VAULT_NO_MEMORY;
	return VAULT_OK;
}

enum vault_status vault_seal(FILE *in, FILE *out, const char *passphrase)
{
	if (sodium_init() < 0)
		return VAULT_NO_MEMORY;
	struct preamble p = {
		/* Moderate limits: a second on a desk PC for whoever knows the
		 * passphrase, a long time per guess for whoever does not. */
		.opslimit = crypto_pwhash_OPSLIMIT_MODERATE,
		.memlimit = crypto_pwhash_MEMLIMIT_MODERATE,
	};
	randombytes_buf(p.salt, sizeof p.salt);
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	enum vault_status st = derive(key, passphrase, &p);
	if (st != VAULT_OK)
		return st;
	crypto_secretstream_xchacha20poly1305_state state;
	crypto_secretstream_xchacha20poly1305_init_push(&state, p.header, key);
	sodium_memzero(key, sizeof key);
	unsigned char limits[16];
	put_u64(limits, p.opslimit);
	put_u64(limits + 8, p.memlimit);
	if (fwrite(VAULT_MAGIC, 1, MAGIC_LEN, out) != MAGIC_LEN || fwrite(p.salt, 1, sizeof p.salt, out) != sizeof p.salt
	    || fwrite(limits, 1, sizeof limits, out) != sizeof limits
	    || fwrite(p.header, 1, sizeof p.header, out) != sizeof p.header)
		return VAULT_IO;
	static unsigned char plain[VAULT_BLOCK], sealed[SEALED_BLOCK];
	for (;;) {
		size_t n = fread(plain, 1, sizeof plain, in);
		if (ferror(in))
			return VAULT_IO;
		bool last = feof(in);
		unsigned long long len;
		crypto_secretstream_xchacha20poly1305_push(&state, sealed, &len, plain, n, NULL, 0,
			last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
		if (fwrite(sealed, 1, (size_t)len, out) != len)
			return VAULT_IO;
		if (last)
			break;
	}
	sodium_memzero(plain, sizeof plain);
	return fflush(out) == 0 ? VAULT_OK : VAULT_IO;
}

enum vault_status vault_open(FILE *in, FILE *out, const char *passphrase)
{
	if (sodium_init() < 0)
		return VAULT_NO_MEMORY;
	char magic[MAGIC_LEN];
	struct preamble p;
	unsigned char limits[16];
	if (fread(magic, 1, MAGIC_LEN, in) != MAGIC_LEN || memcmp(magic, VAULT_MAGIC, MAGIC_LEN) != 0
	    || fread(p.salt, 1, sizeof p.salt, in) != sizeof p.salt || fread(limits, 1, sizeof limits, in) != sizeof limits
	    || fread(p.header, 1, sizeof p.header, in) != sizeof p.header)
		return VAULT_NOT_SEALED;
	p.opslimit = get_u64(limits);
	p.memlimit = get_u64(limits + 8);
	/* Limits beyond what libsodium allows mean a damaged file, not a
	 * reason to try to allocate them. */
	if (p.opslimit < crypto_pwhash_OPSLIMIT_MIN || p.opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE
	    || p.memlimit < crypto_pwhash_MEMLIMIT_MIN || p.memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
		return VAULT_NOT_SEALED;
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	enum vault_status st = derive(key, passphrase, &p);
	if (st != VAULT_OK)
		return st;
	crypto_secretstream_xchacha20poly1305_state state;
	int bad = crypto_secretstream_xchacha20poly1305_init_pull(&state, p.header, key);
	sodium_memzero(key, sizeof key);
	if (bad)
		return VAULT_WRONG_KEY;
	static unsigned char plain[VAULT_BLOCK], sealed[SEALED_BLOCK];
	for (;;) {
		size_t n = fread(sealed, 1, sizeof sealed, in);
		if (ferror(in))
			return VAULT_IO;
		unsigned long long len;
		unsigned char tag;
		if (crypto_secretstream_xchacha20poly1305_pull(&state, plain, &len, &tag, sealed, n, NULL, 0) != 0)
			return VAULT_WRONG_KEY;
		if (fwrite(plain, 1, (size_t)len, out) != len)
			return VAULT_IO;
		if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
			/* Anything after the final block was added later. */
			if (fgetc(in) != EOF)
				return VAULT_WRONG_KEY;
			break;
		}
		if (feof(in))
			return VAULT_WRONG_KEY;  /* cut short: no final block */
	}
	sodium_memzero(plain, sizeof plain);
	return fflush(out) == 0 ? VAULT_OK : VAULT_IO;
}
