/* oc3-schedule-view.c — the timeline, one day at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "oc3-schedule-view.h"
#include "oc3-time.h"

/* The "now" line moves once a minute. */
#define NOW_TICK_SECONDS 30

struct _Oc3ScheduleView
{
  GtkWidget parent_instance;

  Oc3Conference *conference;
  GTimeZone     *zone;
  guint          day;
  guint          now_timeout_id;

  GtkLabel          *day_label;
  GtkLabel          *day_position_label;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  Oc3Timeline       *timeline;
};

G_DEFINE_FINAL_TYPE (Oc3ScheduleView, oc3_schedule_view, GTK_TYPE_WIDGET)

enum {
  TALK_ACTIVATED,
  DAY_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_days (Oc3ScheduleView *self)
{
  return self->conference != NULL ? g_list_model_get_n_items (oc3_conference_get_days (self->conference)) : 0;
}

static void
update_now (Oc3ScheduleView *self)
{
  g_autoptr (GDateTime) now = oc3_time_now ();

  oc3_timeline_set_now (self->timeline, now);
}

static gboolean
now_tick_cb (gpointer user_data)
{
  update_now (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update_day (Oc3ScheduleView *self)
{
  g_autoptr (Oc3Day) day = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *position_text = NULL;
  guint count = n_days (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.previous-day", self->day > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedule.next-day", self->day + 1 < count);

  if (count == 0)
    {
      oc3_timeline_set_day (self->timeline, self->conference, NULL, self->zone);
      gtk_label_set_text (self->day_label, "");
      gtk_label_set_text (self->day_position_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  day = g_list_model_get_item (oc3_conference_get_days (self->conference), self->day);
  oc3_timeline_set_day (self->timeline, self->conference, day, self->zone);
  update_now (self);

  day_text = oc3_time_format_day (oc3_day_get_date (day), oc3_conference_get_time_zone (self->conference));
  /* Translators: which day of the conference is shown, e.g. "Day 2 of 4". */
  position_text = g_strdup_printf (_("Day %u of %u"), self->day + 1, count);
  gtk_label_set_text (self->day_label, day_text);
  gtk_label_set_text (self->day_position_label, position_text);
  gtk_stack_set_visible_child_name (self->stack,
                                    oc3_timeline_get_n_talks (self->timeline) > 0 ? "timeline" : "empty");
  g_signal_emit (self, signals[DAY_SHOWN], 0);
}

void
oc3_schedule_view_set_conference (Oc3ScheduleView *self,
                                  Oc3Conference   *conference,
                                  GTimeZone       *zone)
{
  g_return_if_fail (OC3_IS_SCHEDULE_VIEW (self));

  g_set_object (&self->conference, conference);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  self->day = 0;
  update_day (self);
}

void
oc3_schedule_view_set_zone (Oc3ScheduleView *self,
                            GTimeZone       *zone)
{
  g_return_if_fail (OC3_IS_SCHEDULE_VIEW (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  oc3_timeline_set_zone (self->timeline, zone);
}

void
oc3_schedule_view_show_day (Oc3ScheduleView *self,
                            guint            day_index)
{
  g_return_if_fail (OC3_IS_SCHEDULE_VIEW (self));

  if (day_index >= n_days (self))
    return;

  self->day = day_index;
  update_day (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

guint
oc3_schedule_view_get_day (Oc3ScheduleView *self)
{
  g_return_val_if_fail (OC3_IS_SCHEDULE_VIEW (self), 0);

  return self->day;
}

Oc3Timeline *
oc3_schedule_view_get_timeline (Oc3ScheduleView *self)
{
  g_return_val_if_fail (OC3_IS_SCHEDULE_VIEW (self), NULL);

  return self->timeline;
}

/* During the conference, opens on today at the current time. */
void
oc3_schedule_view_show_now (Oc3ScheduleView *self)
{
  g_autoptr (GDateTime) now = oc3_time_now ();
  GListModel *days;
  GTimeZone *zone;
  g_autoptr (GDateTime) local_now = NULL;

  g_return_if_fail (OC3_IS_SCHEDULE_VIEW (self));

  if (self->conference == NULL)
    return;

  days = oc3_conference_get_days (self->conference);
  zone = oc3_conference_get_time_zone (self->conference);
  local_now = g_date_time_to_timezone (now, zone);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr (Oc3Day) day = g_list_model_get_item (days, i);
      g_autoptr (GDateTime) date = g_date_time_to_timezone (oc3_day_get_date (day), zone);

      if (g_date_time_get_year (date) == g_date_time_get_year (local_now) &&
          g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (local_now))
        {
          oc3_schedule_view_show_day (self, i);
          oc3_timeline_scroll_to_time (self->timeline, now);
          return;
        }
    }
}

static void
talk_activated_cb (Oc3ScheduleView *self,
                   Oc3Talk         *talk)
{
  g_signal_emit (self, signals[TALK_ACTIVATED], 0, talk);
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  Oc3ScheduleView *self = OC3_SCHEDULE_VIEW (widget);

  if (self->day > 0)
    oc3_schedule_view_show_day (self, self->day - 1);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  Oc3ScheduleView *self = OC3_SCHEDULE_VIEW (widget);

  oc3_schedule_view_show_day (self, self->day + 1);
}

static void
oc3_schedule_view_map (GtkWidget *widget)
{
  Oc3ScheduleView *self = OC3_SCHEDULE_VIEW (widget);

  GTK_WIDGET_CLASS (oc3_schedule_view_parent_class)->map (widget);

  update_now (self);
  if (self->now_timeout_id == 0)
    self->now_timeout_id = g_timeout_add_seconds (NOW_TICK_SECONDS, now_tick_cb, self);
}

static void
oc3_schedule_view_unmap (GtkWidget *widget)
{
  Oc3ScheduleView *self = OC3_SCHEDULE_VIEW (widget);

  g_clear_handle_id (&self->now_timeout_id, g_source_remove);

  GTK_WIDGET_CLASS (oc3_schedule_view_parent_class)->unmap (widget);
}

static void
oc3_schedule_view_dispose (GObject *object)
{
  Oc3ScheduleView *self = OC3_SCHEDULE_VIEW (object);

  g_clear_handle_id (&self->now_timeout_id, g_source_remove);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_SCHEDULE_VIEW);
  /* The template's root box has no id: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->conference);

  G_OBJECT_CLASS (oc3_schedule_view_parent_class)->dispose (object);
}

static void
oc3_schedule_view_finalize (GObject *object)
{
  Oc3ScheduleView *self = OC3_SCHEDULE_VIEW (object);

  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_schedule_view_parent_class)->finalize (object);
}

static void
oc3_schedule_view_class_init (Oc3ScheduleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_schedule_view_dispose;
  object_class->finalize = oc3_schedule_view_finalize;
  widget_class->map = oc3_schedule_view_map;
  widget_class->unmap = oc3_schedule_view_unmap;

  signals[TALK_ACTIVATED] =
    g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_TALK);

  /**
   * Oc3ScheduleView::day-shown:
   *
   * The timeline has the blocks of another day: time to mark stars on them.
   */
  signals[DAY_SHOWN] =
    g_signal_new ("day-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (OC3_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-schedule-view.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3ScheduleView, day_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3ScheduleView, day_position_label);
  gtk_widget_class_bind_template_child (widget_class, Oc3ScheduleView, stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3ScheduleView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, Oc3ScheduleView, timeline);
  gtk_widget_class_bind_template_callback (widget_class, talk_activated_cb);

  gtk_widget_class_install_action (widget_class, "schedule.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "schedule.next-day", NULL, next_day_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "schedule.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "schedule.next-day", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
oc3_schedule_view_init (Oc3ScheduleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zone = g_time_zone_new_utc ();
}
