/*
 * xlsxlibs.c -- libzip and libxlsxwriter through dlopen (see xlsxlibs.h).
 */
#include "lib/xlsxlibs.h"

#include <dlfcn.h>
#include <stdio.h>

static char why_buf[300];

/* Fills slots[i] with names[i] from soname; 0, or -1 with *why set. */
static int load(const char *soname, const char *deb, void **slots, const char *const *names,
                size_t n, const char **why) {
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(why_buf, sizeof why_buf, "cannot load %s (Debian %s): %s", soname, deb, dlerror());
        *why = why_buf;
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (!(slots[i] = dlsym(h, names[i]))) {
            snprintf(why_buf, sizeof why_buf, "%s lacks %s", soname, names[i]);
            *why = why_buf;
            return -1;
        }
    return 0;
}

#define TN_LIB_NAME(f) #f,
/* The tables are arrays of function pointers, filled slot by slot (POSIX
   guarantees dlsym's void * converts to a function pointer). */
const tn_zip_api *tn_zip_load(const char **why) {
    static const char *const names[] = {TN_ZIP_FUNCS(TN_LIB_NAME)};
    static tn_zip_api api;
    static int loaded;
    if (!loaded && load("libzip.so.4", "libzip4", (void **)&api, names, sizeof names / sizeof *names, why) == 0)
        loaded = 1;
    return loaded ? &api : NULL;
}

const tn_xlsxw_api *tn_xlsxw_load(const char **why) {
    static const char *const names[] = {TN_XLSXW_FUNCS(TN_LIB_NAME)};
    static tn_xlsxw_api api;
    static int loaded;
    if (!loaded && load("libxlsxwriter.so.4", "libxlsxwriter4", (void **)&api, names, sizeof names / sizeof *names, why) == 0)
        loaded = 1;
    return loaded ? &api : NULL;
}
