/* oc3-starred-view.c — the personal agenda: starred talks by day, the free
 * time between them, overlaps named on both sides, and starred talks that
 * left the program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "oc3-starred-view.h"
#include "oc3-talk-row.h"
#include "oc3-time.h"

/* Shorter gaps are just the walk to the next room. */
#define MIN_GAP_MINUTES 10

struct _Oc3StarredView
{
  GtkWidget parent_instance;

  Oc3Agenda *agenda;
  GTimeZone *zone;

  GtkStack *stack;
  GtkBox   *days_box;
};

G_DEFINE_FINAL_TYPE (Oc3StarredView, oc3_starred_view, GTK_TYPE_WIDGET)

enum {
  TALK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (Oc3StarredView *self,
                  GtkListBoxRow  *row)
{
  Oc3Talk *talk = g_object_get_data (G_OBJECT (row), "talk");

  if (talk != NULL)
    g_signal_emit (self, signals[TALK_ACTIVATED], 0, talk);
}

static char *
format_gap (GTimeSpan gap)
{
  int minutes = (int) (gap / G_TIME_SPAN_MINUTE);

  if (minutes >= 60)
    /* Translators: free time between two starred talks, e.g. "1 h 15 min free". */
    return g_strdup_printf (_("%d h %02d min free"), minutes / 60, minutes % 60);

  /* Translators: free time between two starred talks. */
  return g_strdup_printf (_("%d min free"), minutes);
}

static GtkWidget *
new_gap_row (GTimeSpan gap)
{
  g_autofree char *text = format_gap (gap);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "agenda-gap");

  return row;
}

/* "Overlaps with “Other talk”", under a talk that clashes with another starred one. */
static char *
format_conflicts (GPtrArray *conflicts)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < conflicts->len; i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      /* Translators: a talk title in quotes. */
      g_string_append_printf (names, _("“%s”"), oc3_talk_get_title (g_ptr_array_index (conflicts, i)));
    }

  /* Translators: under a starred talk that overlaps other starred talks. */
  return g_strdup_printf (_("Overlaps with %s"), names->str);
}

static GtkWidget *
new_talk_row (Oc3StarredView *self,
              Oc3Talk        *talk)
{
  g_autoptr (GPtrArray) conflicts = oc3_agenda_get_conflicts (self->agenda, talk);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *talk_row = oc3_talk_row_new ();

  oc3_talk_row_set_talk (OC3_TALK_ROW (talk_row), talk, self->zone);
  gtk_box_append (GTK_BOX (box), talk_row);

  if (conflicts->len > 0)
    {
      g_autofree char *text = format_conflicts (conflicts);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_add_css_class (row, "conflict");
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "talk", g_object_ref (talk), g_object_unref);

  return row;
}

static GtkWidget *
new_group (const char *title,
           GtkWidget **out_list)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (group), heading);
  gtk_box_append (GTK_BOX (group), list);

  *out_list = list;
  return group;
}

static GtkWidget *
new_missing_row (Oc3StarredView *self,
                 const char     *guid)
{
  g_autofree char *title = NULL;
  g_autofree char *room = NULL;
  g_autofree char *subtitle = NULL;
  gint64 start = 0, end = 0;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *unstar = gtk_button_new_with_label (_("Unstar"));

  if (!oc3_user_store_lookup_talk (oc3_agenda_get_store (self->agenda), guid, &title, &start, &end, &room))
    title = g_strdup (guid);

  if (start != 0)
    {
      g_autoptr (GDateTime) start_time = oc3_clock_instant_to_date_time (start, self->zone);
      g_autoptr (GDateTime) end_time = oc3_clock_instant_to_date_time (end, self->zone);
      g_autofree char *day = oc3_time_format_day (start_time, self->zone);
      g_autofree char *range = oc3_time_format_range (start_time, end_time, self->zone);

      /* Translators: when a talk that left the program was: "<day>, <time range>". */
      subtitle = g_strdup_printf (_("Was on %s, %s"), day, range);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (unstar, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (unstar), "s", guid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (unstar), "app.unstar");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unstar);

  return row;
}

static void
rebuild (Oc3StarredView *self)
{
  GListModel *starred;
  GtkWidget *child;
  GtkWidget *list = NULL;
  g_autoptr (GDateTime) previous_end = NULL;
  g_autofree char *previous_day = NULL;
  g_auto (GStrv) missing = NULL;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
    gtk_box_remove (self->days_box, child);

  if (self->agenda == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  starred = oc3_agenda_get_starred (self->agenda);
  n = g_list_model_get_n_items (starred);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (starred, i);
      g_autofree char *day = oc3_time_format_day (oc3_talk_get_start (talk), self->zone);

      if (g_strcmp0 (day, previous_day) != 0)
        {
          gtk_box_append (self->days_box, new_group (day, &list));
          g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
          g_clear_pointer (&previous_end, g_date_time_unref);
          g_free (previous_day);
          previous_day = g_strdup (day);
        }
      else if (previous_end != NULL)
        {
          GTimeSpan gap = g_date_time_difference (oc3_talk_get_start (talk), previous_end);

          if (gap >= MIN_GAP_MINUTES * G_TIME_SPAN_MINUTE)
            gtk_list_box_append (GTK_LIST_BOX (list), new_gap_row (gap));
        }

      gtk_list_box_append (GTK_LIST_BOX (list), new_talk_row (self, talk));
      if (previous_end == NULL || g_date_time_compare (oc3_talk_get_end (talk), previous_end) > 0)
        {
          g_clear_pointer (&previous_end, g_date_time_unref);
          previous_end = g_date_time_ref (oc3_talk_get_end (talk));
        }
    }

  missing = oc3_agenda_dup_missing_guids (self->agenda);
  if (missing != NULL && missing[0] != NULL)
    {
      gtk_box_append (self->days_box, new_group (_("No Longer in the Program"), &list));
      for (guint i = 0; missing[i] != NULL; i++)
        gtk_list_box_append (GTK_LIST_BOX (list), new_missing_row (self, missing[i]));
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    n > 0 || (missing != NULL && missing[0] != NULL) ? "agenda" : "empty");
}

void
oc3_starred_view_set_agenda (Oc3StarredView *self,
                             Oc3Agenda      *agenda,
                             GTimeZone      *zone)
{
  g_return_if_fail (OC3_IS_STARRED_VIEW (self));

  if (self->agenda != NULL)
    g_signal_handlers_disconnect_by_func (self->agenda, rebuild, self);
  g_set_object (&self->agenda, agenda);
  if (agenda != NULL)
    g_signal_connect_object (agenda, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  oc3_starred_view_set_zone (self, zone);
}

void
oc3_starred_view_set_zone (Oc3StarredView *self,
                           GTimeZone      *zone)
{
  g_return_if_fail (OC3_IS_STARRED_VIEW (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);
  rebuild (self);
}

static void
oc3_starred_view_dispose (GObject *object)
{
  Oc3StarredView *self = OC3_STARRED_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_STARRED_VIEW);
  /* The template's root box has no id: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->agenda);

  G_OBJECT_CLASS (oc3_starred_view_parent_class)->dispose (object);
}

static void
oc3_starred_view_finalize (GObject *object)
{
  Oc3StarredView *self = OC3_STARRED_VIEW (object);

  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_starred_view_parent_class)->finalize (object);
}

static void
oc3_starred_view_class_init (Oc3StarredViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_starred_view_dispose;
  object_class->finalize = oc3_starred_view_finalize;

  signals[TALK_ACTIVATED] =
    g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_TALK);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-starred-view.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3StarredView, stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3StarredView, days_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
oc3_starred_view_init (Oc3StarredView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zone = g_time_zone_new_utc ();
}
