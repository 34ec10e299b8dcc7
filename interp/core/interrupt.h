/*
 * interrupt.h -- Ctrl-C for long C work: the host's SIGINT handler raises
 * one flag; loops over series and design matrices poll it every 64k
 * elements (tn_interrupt_due) and stop early, leaving their caller to
 * free and raise "interrupted". Polling is a mask and a load.
 */
#ifndef TN_INTERRUPT_H
#define TN_INTERRUPT_H

#include <signal.h>
#include <stddef.h>

extern volatile sig_atomic_t tn_interrupt_flag;

#define TN_INTERRUPT_STRIDE 65536

/* True when Ctrl-C was pressed; checked only when i is a multiple of the
   stride, so the cost in a hot loop is one test of the low bits. */
static inline int tn_interrupt_due(size_t i) {
    return (i & (TN_INTERRUPT_STRIDE - 1)) == 0 && tn_interrupt_flag;
}

static inline int tn_interrupted(void) { return tn_interrupt_flag != 0; }

#endif
