/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called now and then with the share of the work done, 0.0 to 1.0. */
typedef void (*CspProgressFunc) (double   fraction,
                                 gpointer user_data);

/* Hands progress made in a worker thread to the main context that was
 * the thread-default one when the forwarder was made: pass
 * csp_progress_forward () as the worker's CspProgressFunc and the
 * forwarder as its data. Each call reaches @func through an idle
 * source, in order, before the task's own callback (queued after it).
 * The forwarder may be freed before those calls are made. */
typedef struct _CspProgressForwarder CspProgressForwarder;

CspProgressForwarder *csp_progress_forwarder_new  (CspProgressFunc       func,
                                                   gpointer              user_data);
void                  csp_progress_forwarder_free (CspProgressForwarder *self);
void                  csp_progress_forward        (double                fraction,
                                                   gpointer              forwarder);

G_END_DECLS
