/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-status-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-status-bar.h"

/* A horizontal bar of the actions' statuses, each a segment as wide as
 * its share. Colour is never the only carrier: the accessible label and
 * the tooltip say the same figures in words. */
struct _CspStatusBar
{
  GtkWidget parent_instance;

  guint counts[CSP_N_STATUSES];
};

G_DEFINE_FINAL_TYPE (CspStatusBar, csp_status_bar, GTK_TYPE_WIDGET)

static void
rgb_to_gdk (guint32  rgb,
            GdkRGBA *colour)
{
  colour->red = ((rgb >> 16) & 0xff) / 255.0f;
  colour->green = ((rgb >> 8) & 0xff) / 255.0f;
  colour->blue = (rgb & 0xff) / 255.0f;
  colour->alpha = 1.0f;
}

static guint
total_count (const guint *counts)
{
  guint total = 0;

  for (guint i = 0; i < CSP_N_STATUSES; i++)
    total += counts[i];

  return total;
}

static void
csp_status_bar_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CspStatusBar *self = CSP_STATUS_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint total = total_count (self->counts);
  guint done = 0;

  if (total == 0 || width <= 0 || height <= 0)
    return;

  /* Edges are computed from the running sum, so the segments always
   * meet exactly and fill the whole width. */
  for (guint i = 0; i < CSP_N_STATUSES; i++)
    {
      float x0 = (float) width * done / total;
      float x1;
      GdkRGBA colour;

      done += self->counts[i];
      x1 = (float) width * done / total;
      if (self->counts[i] == 0)
        continue;

      rgb_to_gdk (csp_status_get_rgb (i), &colour);
      gtk_snapshot_append_color (snapshot, &colour,
                                 &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, height));
    }
}

static void
csp_status_bar_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* As small as a key swatch; bars in a layout expand. */
  *minimum = *natural = 16;
}

static void
csp_status_bar_class_init (CspStatusBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = csp_status_bar_snapshot;
  widget_class->measure = csp_status_bar_measure;

  gtk_widget_class_set_css_name (widget_class, "csp-status-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
csp_status_bar_init (CspStatusBar *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
csp_status_bar_new (void)
{
  return g_object_new (CSP_TYPE_STATUS_BAR, NULL);
}

/* The most pressing first, in words as in the chasing list. */
static const CspStatus text_order[] = {
  CSP_STATUS_OFF_TRACK, CSP_STATUS_AT_RISK, CSP_STATUS_ON_TRACK,
  CSP_STATUS_COMPLETE, CSP_STATUS_NOT_STARTED,
};

static const char *
status_count_format (CspStatus status,
                     guint     count)
{
  switch (status)
    {
    case CSP_STATUS_NOT_STARTED:
      return ngettext ("%u not started", "%u not started", count);
    case CSP_STATUS_ON_TRACK:
      return ngettext ("%u on track", "%u on track", count);
    case CSP_STATUS_AT_RISK:
      return ngettext ("%u at risk", "%u at risk", count);
    case CSP_STATUS_OFF_TRACK:
      return ngettext ("%u off track", "%u off track", count);
    case CSP_STATUS_COMPLETE:
    case CSP_N_STATUSES:
    default:
      return ngettext ("%u complete", "%u complete", count);
    }
}

char *
csp_status_dup_counts_text (const guint *counts)
{
  guint total = total_count (counts);
  GString *text = g_string_new (NULL);
  gboolean first = TRUE;

  g_string_append_printf (text, ngettext ("%u action", "%u actions", total), total);

  for (guint i = 0; i < G_N_ELEMENTS (text_order); i++)
    {
      guint count = counts[text_order[i]];

      if (count == 0)
        continue;

      /* Translators: between the total and the counts per status,
       * then between the counts: "9 actions: 1 off track, 8 not started". */
      g_string_append (text, first ? _(": ") : _(", "));
      g_string_append_printf (text, status_count_format (text_order[i], count), count);
      first = FALSE;
    }

  return g_string_free (text, FALSE);
}

void
csp_status_bar_set_counts (CspStatusBar *self,
                           const char   *title,
                           const guint  *counts)
{
  g_autofree char *figures = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (CSP_IS_STATUS_BAR (self));
  g_return_if_fail (counts != NULL);

  memcpy (self->counts, counts, sizeof self->counts);

  figures = csp_status_dup_counts_text (counts);
  if (title != NULL && *title != '\0')
    /* Translators: what is counted, then the counts:
     * "Organised Crime: 9 actions: 9 not started". */
    label = g_strdup_printf (_("%s: %s"), title, figures);
  else
    label = g_steal_pointer (&figures);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
csp_status_bar_get_count (CspStatusBar *self,
                          CspStatus     status)
{
  g_return_val_if_fail (CSP_IS_STATUS_BAR (self), 0);
  g_return_val_if_fail (status < CSP_N_STATUSES, 0);

  return self->counts[status];
}

GtkWidget *
csp_status_bar_new_key (CspStatus status)
{
  guint counts[CSP_N_STATUSES] = { 0, };
  GtkWidget *box;
  GtkWidget *swatch;
  GtkWidget *label;

  g_return_val_if_fail (status < CSP_N_STATUSES, NULL);

  /* The swatch only repeats the word beside it: hidden from screen
   * readers, which read the label. */
  swatch = g_object_new (CSP_TYPE_STATUS_BAR,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                         "valign", GTK_ALIGN_CENTER,
                         NULL);
  counts[status] = 1;
  memcpy (CSP_STATUS_BAR (swatch)->counts, counts, sizeof counts);
  gtk_widget_add_css_class (swatch, "swatch");

  label = gtk_label_new (csp_status_get_label (status));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_tooltip_text (box, csp_status_get_meaning (status));

  return box;
}
