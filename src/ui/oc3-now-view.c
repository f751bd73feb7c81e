/* oc3-now-view.c — what is on now, and what starts within the hour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "oc3-list-update.h"
#include "oc3-now-row.h"
#include "oc3-now-view.h"
#include "oc3-time.h"

/* Progress bars and "ends in" move on twice a minute while the view shows. */
#define REFRESH_SECONDS 30

/* "Next" lists the talks that start within this time. */
#define UPCOMING_SPAN G_TIME_SPAN_HOUR

struct _Oc3NowView
{
  GtkWidget parent_instance;

  Oc3Conference *conference;
  GTimeZone     *zone;
  GListStore    *running;
  GListStore    *upcoming;
  guint          refresh_id;

  /* Where the current time comes from: oc3_time_now() unless a test says. */
  Oc3NowFunc     now_func;
  gpointer       now_data;
  GDestroyNotify now_destroy;

  GtkStack       *stack;
  GtkWidget      *running_group;
  GtkListBox     *running_list;
  GtkWidget      *upcoming_group;
  GtkListBox     *upcoming_list;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (Oc3NowView, oc3_now_view, GTK_TYPE_WIDGET)

enum {
  TALK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
oc3_now_view_new (void)
{
  return g_object_new (OC3_TYPE_NOW_VIEW, NULL);
}

static GDateTime *
get_now (Oc3NowView *self)
{
  if (self->now_func != NULL)
    return self->now_func (self->now_data);

  return oc3_time_now ();
}

static void
update_rows (GtkListBox *list,
             GDateTime  *now)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (OC3_IS_NOW_ROW (child))
        oc3_now_row_update (OC3_NOW_ROW (child), now);
    }
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b,
          GTimeZone *zone)
{
  g_autoptr (GDateTime) local_a = g_date_time_to_timezone (a, zone);
  g_autoptr (GDateTime) local_b = g_date_time_to_timezone (b, zone);

  return g_date_time_get_year (local_a) == g_date_time_get_year (local_b) &&
         g_date_time_get_day_of_year (local_a) == g_date_time_get_day_of_year (local_b);
}

/* What the empty state says: the next talk, or that it is all over. */
static char *
describe_next (Oc3NowView *self,
               Oc3Talk    *next_talk,
               GDateTime  *now)
{
  g_autoptr (GDateTime) local_start = NULL;
  g_autofree char *clock_text = NULL;
  g_autofree char *weekday = NULL;
  const char *title;

  if (next_talk == NULL)
    {
      if (g_list_model_get_n_items (oc3_conference_get_talks (self->conference)) == 0)
        return g_strdup (_("This program has no talks"));

      return g_strdup (_("The conference is over"));
    }

  title = oc3_talk_get_title (next_talk);
  clock_text = oc3_time_format_clock (oc3_talk_get_start (next_talk), self->zone);
  if (same_day (oc3_talk_get_start (next_talk), now, self->zone))
    /* Translators: when nothing is on, the next talk: "Next: “Closing” today at 16:00". */
    return g_strdup_printf (_("Next: “%s” today at %s"), title, clock_text);

  local_start = g_date_time_to_timezone (oc3_talk_get_start (next_talk), self->zone);
  weekday = g_date_time_format (local_start, "%A");
  /* Translators: when nothing is on, the next talk: "Next: “Opening” on Wednesday at 09:30". */
  return g_strdup_printf (_("Next: “%s” on %s at %s"), title, weekday, clock_text);
}

/**
 * oc3_now_view_refresh:
 * @self: a #Oc3NowView
 *
 * Finds what is on now and next at the current time. The view does this by
 * itself every 30 seconds while it is shown.
 */
void
oc3_now_view_refresh (Oc3NowView *self)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GListStore) running = NULL;
  g_autoptr (GListStore) upcoming = NULL;
  g_autoptr (Oc3Talk) next_talk = NULL;
  g_autofree char *description = NULL;
  GListModel *talks;
  guint n_talks;
  guint n_running;
  guint n_upcoming;

  g_return_if_fail (OC3_IS_NOW_VIEW (self));

  if (self->conference == NULL)
    {
      g_list_store_remove_all (self->running);
      g_list_store_remove_all (self->upcoming);
      adw_status_page_set_description (self->empty_page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  now = get_now (self);
  running = g_list_store_new (OC3_TYPE_TALK);
  upcoming = g_list_store_new (OC3_TYPE_TALK);
  talks = oc3_conference_get_talks (self->conference);
  n_talks = g_list_model_get_n_items (talks);

  /* The talks come by start, so the walk can stop at the first one that
   * starts beyond the hour. */
  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);
      GDateTime *start = oc3_talk_get_start (talk);
      GDateTime *end = oc3_talk_get_end (talk);

      if (g_date_time_compare (start, now) <= 0)
        {
          if (end != NULL && g_date_time_compare (now, end) < 0)
            g_list_store_append (running, talk);
          continue;
        }

      if (next_talk == NULL)
        next_talk = g_object_ref (talk);

      if (g_date_time_difference (start, now) > UPCOMING_SPAN)
        break;

      g_list_store_append (upcoming, talk);
    }

  oc3_list_update (self->running, G_LIST_MODEL (running));
  oc3_list_update (self->upcoming, G_LIST_MODEL (upcoming));
  update_rows (self->running_list, now);
  update_rows (self->upcoming_list, now);

  n_running = g_list_model_get_n_items (G_LIST_MODEL (running));
  n_upcoming = g_list_model_get_n_items (G_LIST_MODEL (upcoming));
  gtk_widget_set_visible (self->running_group, n_running > 0);
  gtk_widget_set_visible (self->upcoming_group, n_upcoming > 0);

  if (n_running > 0 || n_upcoming > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "talks");
      return;
    }

  description = describe_next (self, next_talk, now);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * oc3_now_view_set_conference:
 * @self: a #Oc3NowView
 * @conference: (nullable): the conference
 * @zone: (nullable): the zone to show times in; %NULL for the conference's
 */
void
oc3_now_view_set_conference (Oc3NowView    *self,
                             Oc3Conference *conference,
                             GTimeZone     *zone)
{
  g_return_if_fail (OC3_IS_NOW_VIEW (self));
  g_return_if_fail (conference == NULL || OC3_IS_CONFERENCE (conference));

  g_set_object (&self->conference, conference);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  if (zone != NULL)
    self->zone = g_time_zone_ref (zone);
  else if (conference != NULL)
    self->zone = g_time_zone_ref (oc3_conference_get_time_zone (conference));

  g_list_store_remove_all (self->running);
  g_list_store_remove_all (self->upcoming);
  oc3_now_view_refresh (self);
}

/**
 * oc3_now_view_set_zone:
 * @self: a #Oc3NowView
 * @zone: the zone to show times in
 */
void
oc3_now_view_set_zone (Oc3NowView *self,
                       GTimeZone  *zone)
{
  g_return_if_fail (OC3_IS_NOW_VIEW (self));
  g_return_if_fail (zone != NULL);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);

  /* New rows, which show their times in the new zone. */
  g_list_store_remove_all (self->running);
  g_list_store_remove_all (self->upcoming);
  oc3_now_view_refresh (self);
}

/**
 * oc3_now_view_set_now_func:
 * @self: a #Oc3NowView
 * @now_func: (nullable): returns the current time; %NULL for oc3_time_now()
 * @user_data: for @now_func
 * @destroy: (nullable): frees @user_data
 *
 * For tests, which need several "nows" in one process (oc3_time_now() reads
 * OC3_NOW only once), or for the application's Oc3Clock.
 */
void
oc3_now_view_set_now_func (Oc3NowView     *self,
                           Oc3NowFunc      now_func,
                           gpointer        user_data,
                           GDestroyNotify  destroy)
{
  g_return_if_fail (OC3_IS_NOW_VIEW (self));

  if (self->now_destroy != NULL)
    self->now_destroy (self->now_data);

  self->now_func = now_func;
  self->now_data = user_data;
  self->now_destroy = destroy;

  oc3_now_view_refresh (self);
}

/**
 * oc3_now_view_get_running:
 * @self: a #Oc3NowView
 *
 * Returns: (transfer none): the talks on now, by start (element-type Oc3Talk)
 */
GListModel *
oc3_now_view_get_running (Oc3NowView *self)
{
  g_return_val_if_fail (OC3_IS_NOW_VIEW (self), NULL);

  return G_LIST_MODEL (self->running);
}

/**
 * oc3_now_view_get_upcoming:
 * @self: a #Oc3NowView
 *
 * Returns: (transfer none): the talks starting within the hour, by start
 *   (element-type Oc3Talk)
 */
GListModel *
oc3_now_view_get_upcoming (Oc3NowView *self)
{
  g_return_val_if_fail (OC3_IS_NOW_VIEW (self), NULL);

  return G_LIST_MODEL (self->upcoming);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  Oc3NowView *self = user_data;

  return oc3_now_row_new (item, self->zone);
}

static void
row_activated_cb (Oc3NowView    *self,
                  GtkListBoxRow *row)
{
  g_signal_emit (self, signals[TALK_ACTIVATED], 0, oc3_now_row_get_talk (OC3_NOW_ROW (row)));
}

static gboolean
refresh_cb (gpointer user_data)
{
  oc3_now_view_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
oc3_now_view_map (GtkWidget *widget)
{
  Oc3NowView *self = OC3_NOW_VIEW (widget);

  GTK_WIDGET_CLASS (oc3_now_view_parent_class)->map (widget);

  oc3_now_view_refresh (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}

static void
oc3_now_view_unmap (GtkWidget *widget)
{
  Oc3NowView *self = OC3_NOW_VIEW (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  GTK_WIDGET_CLASS (oc3_now_view_parent_class)->unmap (widget);
}

static void
oc3_now_view_dispose (GObject *object)
{
  Oc3NowView *self = OC3_NOW_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_NOW_VIEW);
  g_clear_object (&self->running);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->conference);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  if (self->now_destroy != NULL)
    self->now_destroy (self->now_data);
  self->now_func = NULL;
  self->now_data = NULL;
  self->now_destroy = NULL;

  G_OBJECT_CLASS (oc3_now_view_parent_class)->dispose (object);
}

static void
oc3_now_view_class_init (Oc3NowViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_now_view_dispose;
  widget_class->map = oc3_now_view_map;
  widget_class->unmap = oc3_now_view_unmap;

  /**
   * Oc3NowView::talk-activated:
   * @self: the view
   * @talk: the talk chosen
   */
  signals[TALK_ACTIVATED] =
    g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_TALK);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-now-view.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3NowView, stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3NowView, running_group);
  gtk_widget_class_bind_template_child (widget_class, Oc3NowView, running_list);
  gtk_widget_class_bind_template_child (widget_class, Oc3NowView, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, Oc3NowView, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, Oc3NowView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nowview");
}

static void
oc3_now_view_init (Oc3NowView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->running = g_list_store_new (OC3_TYPE_TALK);
  self->upcoming = g_list_store_new (OC3_TYPE_TALK);
  gtk_list_box_bind_model (self->running_list, G_LIST_MODEL (self->running),
                           create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (self->upcoming),
                           create_row_cb, self, NULL);

  oc3_now_view_refresh (self);
}
