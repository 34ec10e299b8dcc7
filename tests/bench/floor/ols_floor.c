/* ols_floor.c -- a bare GSL least-squares fit of ols_big.csv (y on a
   constant and x1..x5, n = 1e6): strtod loading, then gsl_multifit_linear.
   Prints the load and fit times and the coefficients. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit.h>
#include <string.h>
#include "floor.h"

int main(int argc, char **argv) {
    if (argc < 2) { fputs("usage: ols_floor ols_big.csv\n", stderr); return 2; }
    double t0 = floor_now();
    size_t len, n = 0;
    char *text = floor_slurp(argv[1], &len);
    size_t cap = len / 40 + 1;
    gsl_matrix *X = gsl_matrix_alloc(cap, 6);
    gsl_vector *y = gsl_vector_alloc(cap);
    char *p = strchr(text, '\n') + 1, *end = text + len;
    while (p < end && n < cap) {
        p = strchr(p, ',') + 1;                       /* skip the date */
        gsl_vector_set(y, n, strtod(p, &p));
        gsl_matrix_set(X, n, 0, 1.0);
        for (int j = 1; j < 6; j++) gsl_matrix_set(X, n, (size_t)j, strtod(p + 1, &p));
        n++;
        while (p < end && *p != '\n') p++;
        p++;
    }
    double t1 = floor_now();
    gsl_matrix_view Xv = gsl_matrix_submatrix(X, 0, 0, n, 6);
    gsl_vector_view yv = gsl_vector_subvector(y, 0, n);
    gsl_vector *b = gsl_vector_alloc(6);
    gsl_matrix *cov = gsl_matrix_alloc(6, 6);
    gsl_multifit_linear_workspace *w = gsl_multifit_linear_alloc(n, 6);
    double chisq;
    int status = gsl_multifit_linear(&Xv.matrix, &yv.vector, b, cov, &chisq, w);
    double t2 = floor_now();
    printf("load %.1f ms, fit %.1f ms (n %zu, status %s, b", (t1 - t0) * 1e3, (t2 - t1) * 1e3, n,
           gsl_strerror(status));
    for (int j = 0; j < 6; j++) printf(" %.6g", gsl_vector_get(b, (size_t)j));
    puts(")");
    gsl_multifit_linear_free(w);
    gsl_matrix_free(cov);
    gsl_vector_free(b);
    gsl_matrix_free(X);
    gsl_vector_free(y);
    free(text);
    return 0;
}
