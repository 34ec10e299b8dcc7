/*
 * tsa.h -- what the four files of the tsa module's C side share: tsa.c
 * (unit roots, distributions) opens the module and calls the other three to
 * add their functions.
 */
#ifndef TN_LIB_TSA_H
#define TN_LIB_TSA_H

#include <stddef.h>
#include <lua.h>

/* Pushes an array of n numbers (1-based) onto the stack. */
void tn_tsa_push_flat(lua_State *L, const double *x, size_t n);

/* Add their functions to the module table on the top of the stack. */
void tn_tsa_var_register(lua_State *L);     /* tsa_var.c: _var_fit and the model type */
void tn_tsa_arima_register(lua_State *L);   /* tsa_arima.c: _arima_fit, _arima_loglik, _arima_forecast */
void tn_tsa_acf_register(lua_State *L);     /* tsa_acf.c: _correlogram */

#endif
