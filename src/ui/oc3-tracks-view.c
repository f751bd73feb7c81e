/* oc3-tracks-view.c — the program's tracks, each with its colour and how many
 * talks it has; one opens the track's talks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "oc3-color-swatch.h"
#include "oc3-tracks-view.h"

struct _Oc3TracksView
{
  GtkWidget parent_instance;

  Oc3Conference *conference;
  GTimeZone     *display_zone;

  GtkStack      *stack;
  GtkListBox    *tracks_list;
};

G_DEFINE_FINAL_TYPE (Oc3TracksView, oc3_tracks_view, GTK_TYPE_WIDGET)

enum {
  TRACK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
oc3_tracks_view_new (void)
{
  return g_object_new (OC3_TYPE_TRACKS_VIEW, NULL);
}

static GtkWidget *
create_track_row (gpointer item,
                  gpointer user_data)
{
  Oc3Track *track = item;
  guint n_talks = g_list_model_get_n_items (oc3_track_get_talks (track));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count;
  g_autofree char *count_text = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: how many talks a track has. */
  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talk", "%u talks", n_talks), n_talks);

  /* Track names come from the program: shown as they are, never read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), oc3_track_get_name (track));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), oc3_color_swatch_new (oc3_track_get_color (track)));

  count = gtk_label_new (count_text);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE,
                                                                  "icon-name", "go-next-symbolic",
                                                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                                  NULL));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Translators: a track for screen readers: its name and how many talks it has, e.g. "Security, 12 talks". */
  accessible = g_strdup_printf (_("%s, %s"), oc3_track_get_name (track), count_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return row;
}

static void
track_row_activated_cb (Oc3TracksView *self,
                        GtkListBoxRow *row)
{
  g_autoptr (Oc3Track) track = NULL;

  if (self->conference == NULL)
    return;

  track = g_list_model_get_item (oc3_conference_get_tracks (self->conference), gtk_list_box_row_get_index (row));
  if (track != NULL)
    g_signal_emit (self, signals[TRACK_ACTIVATED], 0, track);
}

void
oc3_tracks_view_set_conference (Oc3TracksView *self,
                                Oc3Conference *conference,
                                GTimeZone     *display_zone)
{
  GListModel *tracks = NULL;

  g_return_if_fail (OC3_IS_TRACKS_VIEW (self));
  g_return_if_fail (conference == NULL || OC3_IS_CONFERENCE (conference));

  g_set_object (&self->conference, conference);
  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  if (display_zone != NULL)
    self->display_zone = g_time_zone_ref (display_zone);

  if (conference != NULL)
    tracks = oc3_conference_get_tracks (conference);

  gtk_list_box_bind_model (self->tracks_list, tracks, create_track_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    tracks != NULL && g_list_model_get_n_items (tracks) > 0 ? "tracks" : "empty");
}

static void
oc3_tracks_view_dispose (GObject *object)
{
  Oc3TracksView *self = OC3_TRACKS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_TRACKS_VIEW);
  g_clear_object (&self->conference);

  G_OBJECT_CLASS (oc3_tracks_view_parent_class)->dispose (object);
}

static void
oc3_tracks_view_finalize (GObject *object)
{
  Oc3TracksView *self = OC3_TRACKS_VIEW (object);

  g_clear_pointer (&self->display_zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_tracks_view_parent_class)->finalize (object);
}

static void
oc3_tracks_view_class_init (Oc3TracksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_tracks_view_dispose;
  object_class->finalize = oc3_tracks_view_finalize;

  signals[TRACK_ACTIVATED] =
    g_signal_new ("track-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_TRACK);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-tracks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3TracksView, stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3TracksView, tracks_list);
  gtk_widget_class_bind_template_callback (widget_class, track_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
oc3_tracks_view_init (Oc3TracksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
