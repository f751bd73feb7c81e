/* oc3-track-page.c — one track's talks, in order, under the date of each day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-talk-day.h"
#include "oc3-talk-format.h"
#include "oc3-talk-row.h"
#include "oc3-track-page.h"

struct _Oc3TrackPage
{
  AdwNavigationPage parent_instance;

  Oc3Conference     *conference;
  Oc3Track          *track;
  GTimeZone         *display_zone;

  Oc3TalkStarredFunc starred_func;
  gpointer           starred_data;
  GDestroyNotify     starred_destroy;

  GtkSortListModel  *sort_model;
  /* The list items whose row shows a talk now: what a change of zone or of
   * stars redraws. The list view owns them. */
  GHashTable        *bound_items;

  GtkStack          *stack;
  GtkListView       *list_view;
};

G_DEFINE_FINAL_TYPE (Oc3TrackPage, oc3_track_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_CONFERENCE,
  PROP_TRACK,
  PROP_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TALK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Sections are the program's days: a talk after midnight stays with the
 * evening it belongs to. */
static int
compare_day_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int day_a = oc3_talk_get_day_index ((Oc3Talk *) a);
  int day_b = oc3_talk_get_day_index ((Oc3Talk *) b);

  return (day_a > day_b) - (day_a < day_b);
}

static int
compare_start_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  int order = g_date_time_compare (oc3_talk_get_start ((Oc3Talk *) a), oc3_talk_get_start ((Oc3Talk *) b));

  if (order != 0)
    return order;

  return g_strcmp0 (oc3_talk_get_room_name ((Oc3Talk *) a), oc3_talk_get_room_name ((Oc3Talk *) b));
}

static void
update_item (Oc3TrackPage *self,
             GtkListItem  *list_item)
{
  Oc3Talk *talk = gtk_list_item_get_item (list_item);
  Oc3TalkRow *row = OC3_TALK_ROW (gtk_list_item_get_child (list_item));
  g_autofree char *accessible = NULL;

  oc3_talk_row_set_talk (row, talk, self->display_zone);
  oc3_talk_row_set_starred (row, self->starred_func != NULL && self->starred_func (talk, self->starred_data));

  /* The list item is what takes the focus, so it is what screen readers name. */
  accessible = oc3_talk_format_accessible_summary (talk, self->display_zone);
  gtk_list_item_set_accessible_label (list_item, accessible);
}

static void
update_items (Oc3TrackPage *self)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    update_item (self, list_item);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Oc3TrackPage             *self)
{
  gtk_list_item_set_child (list_item, oc3_talk_row_new ());
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Oc3TrackPage             *self)
{
  g_hash_table_add (self->bound_items, list_item);
  update_item (self, list_item);
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                Oc3TrackPage             *self)
{
  g_hash_table_remove (self->bound_items, list_item);
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 Oc3TrackPage             *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                Oc3TrackPage             *self)
{
  Oc3Talk *talk = gtk_list_header_get_item (header);
  g_autofree char *date = oc3_talk_format_day (talk, self->conference);

  gtk_label_set_text (GTK_LABEL (gtk_list_header_get_child (header)), date);
}

static void
list_view_activate_cb (Oc3TrackPage *self,
                       guint         position)
{
  g_autoptr (Oc3Talk) talk = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (talk != NULL)
    g_signal_emit (self, signals[TALK_ACTIVATED], 0, talk);
}

static void
fill (Oc3TrackPage *self)
{
  GListModel *talks = oc3_track_get_talks (self->track);
  g_autoptr (GtkSelectionModel) selection = NULL;
  g_autofree char *tag = g_strdup_printf ("track:%s", oc3_track_get_name (self->track));

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), oc3_track_get_name (self->track));
  adw_navigation_page_set_tag (ADW_NAVIGATION_PAGE (self), tag);

  self->sort_model = gtk_sort_list_model_new (g_object_ref (talks),
                                              GTK_SORTER (gtk_custom_sorter_new (compare_start_cb, NULL, NULL)));
  gtk_sort_list_model_set_section_sorter (self->sort_model,
                                          GTK_SORTER (gtk_custom_sorter_new (compare_day_cb, NULL, NULL)));
  /* Nothing to select: a talk opens on a click, a tap or Enter. */
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model))));
  gtk_list_view_set_model (self->list_view, selection);

  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (talks) > 0 ? "talks" : "empty");
}

Oc3TrackPage *
oc3_track_page_new (Oc3Conference *conference,
                    Oc3Track      *track,
                    GTimeZone     *display_zone)
{
  g_return_val_if_fail (OC3_IS_CONFERENCE (conference), NULL);
  g_return_val_if_fail (OC3_IS_TRACK (track), NULL);

  return g_object_new (OC3_TYPE_TRACK_PAGE,
                       "conference", conference,
                       "track", track,
                       "zone", display_zone,
                       NULL);
}

Oc3Track *
oc3_track_page_get_track (Oc3TrackPage *self)
{
  g_return_val_if_fail (OC3_IS_TRACK_PAGE (self), NULL);

  return self->track;
}

/* %NULL means the conference's own zone. */
void
oc3_track_page_set_display_zone (Oc3TrackPage *self,
                                 GTimeZone    *display_zone)
{
  g_return_if_fail (OC3_IS_TRACK_PAGE (self));

  if (display_zone == NULL && self->conference != NULL)
    display_zone = oc3_conference_get_time_zone (self->conference);
  if (display_zone == NULL || display_zone == self->display_zone)
    return;

  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  self->display_zone = g_time_zone_ref (display_zone);
  update_items (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

/**
 * oc3_track_page_set_starred_func:
 * @self: a #Oc3TrackPage
 * @func: (nullable): tells which talks are starred; %NULL shows none starred
 * @user_data: passed to @func
 * @destroy: (nullable): frees @user_data when the page no longer needs it
 */
void
oc3_track_page_set_starred_func (Oc3TrackPage       *self,
                                 Oc3TalkStarredFunc  func,
                                 gpointer            user_data,
                                 GDestroyNotify      destroy)
{
  g_return_if_fail (OC3_IS_TRACK_PAGE (self));

  if (self->starred_destroy != NULL)
    self->starred_destroy (self->starred_data);

  self->starred_func = func;
  self->starred_data = user_data;
  self->starred_destroy = destroy;
  update_items (self);
}

/* Call when stars change, so that the rows show them. */
void
oc3_track_page_refresh_starred (Oc3TrackPage *self)
{
  g_return_if_fail (OC3_IS_TRACK_PAGE (self));

  update_items (self);
}

/**
 * oc3_track_page_get_list_view:
 * @self: a #Oc3TrackPage
 *
 * Returns: (transfer none): the list of talks
 */
GtkListView *
oc3_track_page_get_list_view (Oc3TrackPage *self)
{
  g_return_val_if_fail (OC3_IS_TRACK_PAGE (self), NULL);

  return self->list_view;
}

static void
oc3_track_page_constructed (GObject *object)
{
  Oc3TrackPage *self = OC3_TRACK_PAGE (object);

  G_OBJECT_CLASS (oc3_track_page_parent_class)->constructed (object);

  g_return_if_fail (self->conference != NULL && self->track != NULL);

  if (self->display_zone == NULL)
    self->display_zone = g_time_zone_ref (oc3_conference_get_time_zone (self->conference));

  fill (self);
}

static void
oc3_track_page_dispose (GObject *object)
{
  Oc3TrackPage *self = OC3_TRACK_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_TRACK_PAGE);
  g_hash_table_remove_all (self->bound_items);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->track);
  g_clear_object (&self->conference);

  if (self->starred_destroy != NULL)
    self->starred_destroy (self->starred_data);
  self->starred_func = NULL;
  self->starred_data = NULL;
  self->starred_destroy = NULL;

  G_OBJECT_CLASS (oc3_track_page_parent_class)->dispose (object);
}

static void
oc3_track_page_finalize (GObject *object)
{
  Oc3TrackPage *self = OC3_TRACK_PAGE (object);

  g_clear_pointer (&self->display_zone, g_time_zone_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (oc3_track_page_parent_class)->finalize (object);
}

static void
oc3_track_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  Oc3TrackPage *self = OC3_TRACK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFERENCE:
      g_value_set_object (value, self->conference);
      break;

    case PROP_TRACK:
      g_value_set_object (value, self->track);
      break;

    case PROP_ZONE:
      g_value_set_boxed (value, self->display_zone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_track_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  Oc3TrackPage *self = OC3_TRACK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFERENCE:
      self->conference = g_value_dup_object (value);
      break;

    case PROP_TRACK:
      self->track = g_value_dup_object (value);
      break;

    case PROP_ZONE:
      oc3_track_page_set_display_zone (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_track_page_class_init (Oc3TrackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = oc3_track_page_constructed;
  object_class->dispose = oc3_track_page_dispose;
  object_class->finalize = oc3_track_page_finalize;
  object_class->get_property = oc3_track_page_get_property;
  object_class->set_property = oc3_track_page_set_property;

  properties[PROP_CONFERENCE] =
    g_param_spec_object ("conference", NULL, NULL, OC3_TYPE_CONFERENCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACK] =
    g_param_spec_object ("track", NULL, NULL, OC3_TYPE_TRACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The zone times are shown in; the conference's zone when unset. */
  properties[PROP_ZONE] =
    g_param_spec_boxed ("zone", NULL, NULL, G_TYPE_TIME_ZONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TALK_ACTIVATED] =
    g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_TALK);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/OC3/ui/oc3-track-page.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3TrackPage, stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3TrackPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
}

static void
oc3_track_page_init (Oc3TrackPage *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) header_factory = gtk_signal_list_item_factory_new ();

  self->bound_items = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_header_cb), self);
  gtk_list_view_set_header_factory (self->list_view, header_factory);
}
