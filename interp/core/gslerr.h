/*
 * gslerr.h -- GSL's error handler, replaced by one that records.
 *
 * GSL's default handler calls abort(); a wrong input must not end an
 * analyst's session. tn_gsl_install() puts a recording handler in place
 * (the host calls it once at start-up); callers clear the record, check
 * every status GSL returns, and read the message for their own error.
 */
#ifndef TN_GSLERR_H
#define TN_GSLERR_H

void        tn_gsl_install(void);
void        tn_gsl_error_clear(void);
const char *tn_gsl_error_message(void);   /* NULL when none since clear */

#endif
