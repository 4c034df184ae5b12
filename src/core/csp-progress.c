/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-progress"

#include "config.h"

#include "csp-progress.h"

struct _CspProgressForwarder
{
  CspProgressFunc  func;
  gpointer         user_data;
  GMainContext    *context;
};

typedef struct
{
  CspProgressFunc func;
  gpointer        user_data;
  double          fraction;
} Call;

CspProgressForwarder *
csp_progress_forwarder_new (CspProgressFunc func,
                            gpointer        user_data)
{
  CspProgressForwarder *self = g_new0 (CspProgressForwarder, 1);

  self->func = func;
  self->user_data = user_data;
  self->context = g_main_context_ref_thread_default ();

  return self;
}

void
csp_progress_forwarder_free (CspProgressForwarder *self)
{
  if (self == NULL)
    return;

  g_main_context_unref (self->context);
  g_free (self);
}

static gboolean
call_progress (gpointer data)
{
  Call *call = data;

  call->func (call->fraction, call->user_data);
  return G_SOURCE_REMOVE;
}

void
csp_progress_forward (double   fraction,
                      gpointer forwarder)
{
  CspProgressForwarder *self = forwarder;
  g_autoptr(GSource) source = NULL;
  Call *call;

  if (self == NULL || self->func == NULL)
    return;

  call = g_new (Call, 1);
  call->func = self->func;
  call->user_data = self->user_data;
  call->fraction = fraction;

  /* Always through a source: g_main_context_invoke () would run the
   * callback right here, in the worker, whenever the worker manages
   * to acquire the caller's context while its loop is between two
   * iterations, which is most of the time for the default context. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, call_progress, call, g_free);
  g_source_set_name (source, "[csp-planner] progress");
  g_source_attach (source, self->context);
}
