/*
 * interrupt.c -- the one Ctrl-C flag (see interrupt.h). Set by the host's
 * signal handler, cleared by the host when a call returns to the prompt.
 */
#include "core/interrupt.h"

volatile sig_atomic_t tn_interrupt_flag = 0;
