/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-sharing"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-drafts.h"
#include "csp-ui-util.h"
#include "csp-window-sharing.h"

/* After a crash: the drafts left behind, offered back at start-up. */

enum {
  ANSWER_DISCARD,
  ANSWER_RESTORE,
};

/* The window for a restored document: the one showing its file, if
 * that has no edits of its own; else an untouched one; else a new one. */
static CspWindow *
choose_window (GtkApplication *app,
               CspDocument    *document)
{
  GFile *file = csp_document_get_file (document);
  CspWindow *untouched = NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      CspWindow *window = l->data;
      CspDocument *shown;
      GFile *shown_file;

      if (!CSP_IS_WINDOW (window) || csp_window_is_loading (window))
        continue;

      shown = csp_window_get_document (window);
      shown_file = csp_window_get_file (window);
      if (file != NULL && shown_file != NULL && g_file_equal (file, shown_file)
          && (shown == NULL || !csp_document_get_modified (shown)))
        return window;
      if (untouched == NULL && csp_window_is_untouched (window))
        untouched = window;
    }

  return untouched != NULL ? untouched : csp_window_new (CSP_APPLICATION (app));
}

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkApplication) app = user_data;
  g_autoptr(CspDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CspWindow *window;

  document = csp_drafts_restore_finish (CSP_DRAFTS (source), result, &error);
  if (document == NULL)
    {
      g_warning ("A draft could not be restored: %s", error->message);
      return;
    }

  window = choose_window (app, document);
  csp_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  g_debug ("Restored a draft of %s", csp_item_get_string (CSP_ITEM (csp_document_get_plan (document)),
                                                          "title"));
}

static void
restore (GtkApplication     *app,
         const CspDraftInfo *info)
{
  /* Gone already: restored over D-Bus, or in another window's answer. */
  if (!g_file_query_exists (info->draft, NULL))
    return;

  csp_drafts_restore_async (csp_drafts_get_default (), info, NULL, on_restored, g_object_ref (app));
}

typedef struct
{
  GtkApplication *app;
  CspDraftInfo   *info;
} Offer;

static void
offer_free (Offer *offer)
{
  g_clear_object (&offer->app);
  csp_draft_info_free (offer->info);
  g_free (offer);
}

static void
on_offer_answered (int      response,
                   gpointer user_data)
{
  Offer *offer = user_data;

  if (response == ANSWER_RESTORE)
    restore (offer->app, offer->info);
  else
    csp_drafts_discard (csp_drafts_get_default (), offer->info->name);

  offer_free (offer);
}

static char *
dup_draft_name (const CspDraftInfo *info)
{
  if (info->original != NULL)
    return g_file_get_basename (info->original);

  return g_strdup (*info->title != '\0' ? info->title : _("Untitled plan"));
}

static void
offer (GtkApplication *app,
       CspDraftInfo   *info)
{
  const char *buttons[] = { _("_Discard"), _("_Restore"), NULL };
  g_autoptr(GDateTime) local = g_date_time_to_local (info->time);
  g_autofree char *when = g_date_time_format (local, _("%-d %B %Y at %H:%M"));
  g_autofree char *name = dup_draft_name (info);
  g_autofree char *message = NULL;
  Offer *data = g_new0 (Offer, 1);

  message = g_strdup_printf (_("Unsaved changes from %s to “%s” were recovered"), when, name);
  data->app = g_object_ref (app);
  data->info = info;

  /* Escape restores: dismissing a question must not lose work. */
  csp_ui_ask (gtk_application_get_active_window (app), message,
              _("CSP Planner closed before they were saved. Restore them to go on where you "
                "left off (they are not saved until you save), or discard them."),
              buttons, ANSWER_RESTORE, ANSWER_RESTORE, on_offer_answered, data);
}

void
csp_sharing_offer_drafts (GtkApplication *app)
{
  static gboolean offered;
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_if_fail (GTK_IS_APPLICATION (app));

  if (offered)
    return;
  offered = TRUE;

  drafts = csp_drafts_list (csp_drafts_get_default ());
  g_debug ("Offering to restore %u drafts", drafts->len);
  while (drafts->len > 0)
    offer (app, g_ptr_array_steal_index (drafts, 0));
}

static void
restore_drafts_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  g_autoptr(GPtrArray) drafts = csp_drafts_list (csp_drafts_get_default ());

  for (guint i = 0; i < drafts->len; i++)
    restore (user_data, g_ptr_array_index (drafts, i));
}

/* Drafts still being written or deleted are finished before the
 * process ends. */
static void
on_shutdown (GApplication *app)
{
  csp_drafts_flush (csp_drafts_get_default ());
}

void
csp_sharing_init_application (GtkApplication *app)
{
  static const GActionEntry entries[] = {
    { "restore-drafts", restore_drafts_activated },
  };

  g_return_if_fail (GTK_IS_APPLICATION (app));

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  g_signal_connect (app, "shutdown", G_CALLBACK (on_shutdown), NULL);
}
