/* icu.c — ICU loaded with dlopen on first need (icu.h). */
#include "icu.h"

#include <dlfcn.h>
#include <stddef.h>

#include <unicode/uvernum.h>

/* After the name has gone through ICU's renaming: "ucol_open_72". */
#define ICU_STRING_(x) #x
#define ICU_STRING(x) ICU_STRING_(x)

/* The major version is in the soname; ucol_open_72 and its kin are only
 * in that one, so the library found is the one the headers describe. */
#define ICU_UC "libicuuc.so." ICU_STRING(U_ICU_VERSION_MAJOR_NUM)
#define ICU_I18N "libicui18n.so." ICU_STRING(U_ICU_VERSION_MAJOR_NUM)

#define ICU_FUNCTIONS(X) \
	X(u_strFromUTF8WithSub) \
	X(unorm2_getNFCInstance) \
	X(unorm2_normalize) \
	X(u_isUWhiteSpace) \
	X(u_isalnum) \
	X(u_charType) \
	X(ucol_open) \
	X(ucol_openElements) \
	X(ucol_setText) \
	X(ucol_next) \
	X(ucol_primaryOrder) \
	X(utrans_openU) \
	X(utrans_transUChars)

static struct icu api;
static bool tried, loaded;

#define ICU_SYMBOL(f) { ICU_STRING(f), (void **)&api.f },
static const struct {
	const char *name;
	void **at;
} symbols[] = { ICU_FUNCTIONS(ICU_SYMBOL) };
#undef ICU_SYMBOL

/* Holds each pointer's type against the function's own declaration;
 * sizeof does not evaluate, so nothing is linked. */
#define ICU_SAME_TYPE(f) (void)sizeof(api.f = f);

const struct icu *icu_load(void)
{
	if (tried)
		return loaded ? &api : NULL;
	tried = true;
	ICU_FUNCTIONS(ICU_SAME_TYPE)
	/* The common library first: the i18n one needs it (and finds it). */
	void *uc = dlopen(ICU_UC, RTLD_NOW | RTLD_LOCAL);
	void *i18n = uc ? dlopen(ICU_I18N, RTLD_NOW | RTLD_LOCAL) : NULL;
	if (!i18n) {
		if (uc)
			dlclose(uc);
		return NULL;
	}
	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
		/* The i18n handle reaches the common library's symbols too. */
		*symbols[i].at = dlsym(i18n, symbols[i].name);
		if (!*symbols[i].at) {
			dlclose(i18n);
			dlclose(uc);
			return NULL;
		}
	}
	loaded = true;
	return &api;
}

bool icu_loaded(void)
{
	return loaded;
}
