/*
 * gslerr.c -- the record of the last GSL error (see gslerr.h).
 */
#include "gslerr.h"

#include <stdio.h>

#include <gsl/gsl_errno.h>

static char gsl_message[512];
static int gsl_failed;

static void record_gsl_error(const char *reason, const char *file, int line, int gsl_errno) {
    snprintf(gsl_message, sizeof gsl_message, "%s (GSL error %d: %s, %s:%d)", reason,
             gsl_errno, gsl_strerror(gsl_errno), file, line);
    gsl_failed = 1;
}

void tn_gsl_install(void) { gsl_set_error_handler(record_gsl_error); }
void tn_gsl_error_clear(void) { gsl_failed = 0; gsl_message[0] = '\0'; }
const char *tn_gsl_error_message(void) { return gsl_failed ? gsl_message : NULL; }
