/* oc3-now-row.c — a talk on now or soon: the talk, how far it has got, and
 * when it ends or starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-now-row.h"
#include "oc3-talk-format.h"
#include "oc3-talk-row.h"
#include "oc3-time.h"

/* Beyond an hour, a clock time says more than a count of minutes. */
#define MAX_MINUTES_SHOWN 60

struct _Oc3NowRow
{
  GtkListBoxRow parent_instance;

  Oc3Talk   *talk;
  GTimeZone *zone;

  Oc3TalkRow     *talk_row;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (Oc3NowRow, oc3_now_row, GTK_TYPE_LIST_BOX_ROW)

GtkWidget *
oc3_now_row_new (Oc3Talk   *talk,
                 GTimeZone *zone)
{
  Oc3NowRow *self;

  g_return_val_if_fail (OC3_IS_TALK (talk), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (OC3_TYPE_NOW_ROW, NULL);
  self->talk = g_object_ref (talk);
  self->zone = g_time_zone_ref (zone);
  oc3_talk_row_set_talk (self->talk_row, talk, zone);

  return GTK_WIDGET (self);
}

Oc3Talk *
oc3_now_row_get_talk (Oc3NowRow *self)
{
  g_return_val_if_fail (OC3_IS_NOW_ROW (self), NULL);

  return self->talk;
}

/* Whole minutes from @now to @then, rounded up: "in 1 min" until it starts. */
static int
minutes_until (GDateTime *now,
               GDateTime *then)
{
  GTimeSpan span = g_date_time_difference (then, now);

  return (int) ((span + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
}

/**
 * oc3_now_row_format_status:
 * @talk: a talk
 * @now: the current time
 * @zone: the zone to show clock times in
 *
 * Returns: (transfer full): "in 25 min", "ends in 12 min", "ends at 14:00"…
 */
char *
oc3_now_row_format_status (Oc3Talk   *talk,
                           GDateTime *now,
                           GTimeZone *zone)
{
  GDateTime *start = oc3_talk_get_start (talk);
  GDateTime *end = oc3_talk_get_end (talk);
  g_autofree char *clock_text = NULL;
  int minutes;

  if (g_date_time_compare (now, start) < 0)
    {
      minutes = minutes_until (now, start);
      if (minutes <= MAX_MINUTES_SHOWN)
        /* Translators: when a talk starts, e.g. "in 25 min". */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d min", "in %d min", minutes),
                                minutes);

      clock_text = oc3_time_format_clock (start, zone);
      /* Translators: when a talk starts, e.g. "at 14:00". */
      return g_strdup_printf (_("at %s"), clock_text);
    }

  if (end != NULL && g_date_time_compare (now, end) < 0)
    {
      minutes = minutes_until (now, end);
      if (minutes <= MAX_MINUTES_SHOWN)
        /* Translators: when a running talk ends, e.g. "ends in 12 min". */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "ends in %d min", "ends in %d min",
                                             minutes),
                                minutes);

      clock_text = oc3_time_format_clock (end, zone);
      /* Translators: when a running talk ends, e.g. "ends at 14:00". */
      return g_strdup_printf (_("ends at %s"), clock_text);
    }

  /* Translators: a talk that is over. */
  return g_strdup (_("ended"));
}

/**
 * oc3_now_row_update:
 * @self: a #Oc3NowRow
 * @now: the current time
 *
 * Moves the progress bar and the "ends in" text on to @now.
 */
void
oc3_now_row_update (Oc3NowRow *self,
                    GDateTime *now)
{
  GDateTime *start;
  GDateTime *end;
  g_autofree char *status = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *accessible = NULL;
  gboolean running;

  g_return_if_fail (OC3_IS_NOW_ROW (self));
  g_return_if_fail (now != NULL);

  start = oc3_talk_get_start (self->talk);
  end = oc3_talk_get_end (self->talk);
  running = end != NULL &&
            g_date_time_compare (start, now) <= 0 &&
            g_date_time_compare (now, end) < 0;

  if (running)
    {
      double elapsed = g_date_time_difference (now, start);
      double duration = g_date_time_difference (end, start);

      gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (elapsed / duration, 0.0, 1.0));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);

  status = oc3_now_row_format_status (self->talk, now, self->zone);
  gtk_label_set_text (self->status_label, status);

  summary = oc3_talk_format_accessible_summary (self->talk, self->zone);
  /* Translators: a talk for screen readers, then when it starts or ends:
   * "<title, time, room, speakers>, ends in 12 min". */
  accessible = g_strdup_printf (_("%s, %s"), summary, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
oc3_now_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_NOW_ROW);

  G_OBJECT_CLASS (oc3_now_row_parent_class)->dispose (object);
}

static void
oc3_now_row_finalize (GObject *object)
{
  Oc3NowRow *self = OC3_NOW_ROW (object);

  g_clear_object (&self->talk);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_now_row_parent_class)->finalize (object);
}

static void
oc3_now_row_class_init (Oc3NowRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_now_row_dispose;
  object_class->finalize = oc3_now_row_finalize;

  g_type_ensure (OC3_TYPE_TALK_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-now-row.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3NowRow, talk_row);
  gtk_widget_class_bind_template_child (widget_class, Oc3NowRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, Oc3NowRow, status_label);
}

static void
oc3_now_row_init (Oc3NowRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
