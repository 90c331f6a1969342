/* vault.h — a file sealed with a passphrase, for backups that travel on
 * USB sticks: libsodium's secretstream (XChaCha20-Poly1305) under a key
 * derived from the passphrase with Argon2id (crypto_pwhash). Every block
 * is authenticated, so a wrong passphrase, a cut file or one flipped bit
 * is noticed, and nothing is written when it is.
 *
 * The sealed file: a magic line, the salt and the key-derivation limits,
 * the stream header, then blocks of up to VAULT_BLOCK bytes; the last
 * block carries the final tag, so a file cut at a block boundary is
 * noticed too. */
#ifndef BB_VAULT_H
#define BB_VAULT_H

#include <stdbool.h>
#include <stdio.h>

enum vault_status {
	VAULT_OK,
	VAULT_NOT_SEALED,     /* the file is not a sealed Brobygger file */
	VAULT_WRONG_KEY,      /* wrong passphrase, or the file was changed */
	VAULT_IO,             /* reading or writing failed (errno says why) */
	VAULT_NO_MEMORY,      /* the key derivation could not get its memory */
};

/* Passphrases shorter than this are refused for sealing. */
enum { VAULT_MIN_PASSPHRASE = 10 };

/* Whether the file at `in` starts like a sealed file. */
bool vault_is_sealed(FILE *in);

/* Seals everything read from `in` into `out`. */
enum vault_status vault_seal(FILE *in, FILE *out, const char *passphrase);
/* Opens a sealed `in` into `out`. On anything but VAULT_OK what was
 * written to `out` must be thrown away: the caller writes to a temporary
 * file and only keeps it on success. */
enum vault_status vault_open(FILE *in, FILE *out, const char *passphrase);

#endif
