/* oc3-search-view.c — a search entry and the talks that match, as you type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "oc3-list-update.h"
#include "oc3-search-view.h"
#include "oc3-talk-row.h"

struct _Oc3SearchView
{
  GtkWidget parent_instance;

  Oc3Conference  *conference;
  Oc3SearchIndex *index;
  GTimeZone      *zone;
  /* The talks shown; updated in place, so unchanged rows stay. */
  GListStore     *results;

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (Oc3SearchView, oc3_search_view, GTK_TYPE_WIDGET)

enum {
  TALK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
oc3_search_view_new (void)
{
  return g_object_new (OC3_TYPE_SEARCH_VIEW, NULL);
}

static void
update_results (Oc3SearchView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_auto (GStrv) words = oc3_search_split_query (text);
  g_autoptr (GListModel) found = NULL;
  guint n_found;

  if (self->index == NULL || words[0] == NULL)
    {
      g_list_store_remove_all (self->results);
      gtk_stack_set_visible_child_name (self->stack, "initial");
      return;
    }

  found = oc3_search_index_query (self->index, text, 0);
  n_found = g_list_model_get_n_items (found);
  oc3_list_update (self->results, found);

  if (n_found == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "results");
  /* The best matches are at the top: show them after every change. */
  gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_NONE, NULL);
}

/**
 * oc3_search_view_set_conference:
 * @self: a #Oc3SearchView
 * @conference: (nullable): the conference to search
 * @index: (nullable): its search index; %NULL to build one here (blocking)
 * @zone: (nullable): the zone to show times in; %NULL for the conference's
 */
void
oc3_search_view_set_conference (Oc3SearchView  *self,
                                Oc3Conference  *conference,
                                Oc3SearchIndex *index,
                                GTimeZone      *zone)
{
  g_return_if_fail (OC3_IS_SEARCH_VIEW (self));
  g_return_if_fail (conference == NULL || OC3_IS_CONFERENCE (conference));
  g_return_if_fail (index == NULL || OC3_IS_SEARCH_INDEX (index));
  g_return_if_fail (index == NULL || oc3_search_index_get_conference (index) == conference);

  g_set_object (&self->conference, conference);
  g_clear_object (&self->index);
  if (index != NULL)
    self->index = g_object_ref (index);
  else if (conference != NULL)
    self->index = oc3_search_index_new (conference);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  if (zone != NULL)
    self->zone = g_time_zone_ref (zone);
  else if (conference != NULL)
    self->zone = g_time_zone_ref (oc3_conference_get_time_zone (conference));

  /* Every row shows a talk of the old conference: drop them all. */
  g_list_store_remove_all (self->results);
  update_results (self);
}

/**
 * oc3_search_view_set_zone:
 * @self: a #Oc3SearchView
 * @zone: the zone to show times in
 */
void
oc3_search_view_set_zone (Oc3SearchView *self,
                          GTimeZone     *zone)
{
  g_return_if_fail (OC3_IS_SEARCH_VIEW (self));
  g_return_if_fail (zone != NULL);

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_ref (zone);

  /* Rebind every row, so that each shows its time in the new zone. */
  g_list_store_remove_all (self->results);
  update_results (self);
}

/**
 * oc3_search_view_get_search_entry:
 * @self: a #Oc3SearchView
 *
 * The window focuses it for Ctrl+F and makes it the key-capture target of
 * the window, so that typing anywhere searches.
 *
 * Returns: (transfer none): the search entry
 */
GtkSearchEntry *
oc3_search_view_get_search_entry (Oc3SearchView *self)
{
  g_return_val_if_fail (OC3_IS_SEARCH_VIEW (self), NULL);

  return self->search_entry;
}

/**
 * oc3_search_view_get_results:
 * @self: a #Oc3SearchView
 *
 * Returns: (transfer none): the talks shown (element-type Oc3Talk)
 */
GListModel *
oc3_search_view_get_results (Oc3SearchView *self)
{
  g_return_val_if_fail (OC3_IS_SEARCH_VIEW (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * oc3_search_view_search:
 * @self: a #Oc3SearchView
 * @query: what to search for
 *
 * Puts @query into the entry and shows its results at once, without the
 * entry's typing delay (for a search started from GNOME Shell).
 */
void
oc3_search_view_search (Oc3SearchView *self,
                        const char    *query)
{
  g_return_if_fail (OC3_IS_SEARCH_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query != NULL ? query : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  update_results (self);
}

static void
search_changed_cb (Oc3SearchView *self)
{
  update_results (self);
}

static void
activate_position (Oc3SearchView *self,
                   guint          position)
{
  g_autoptr (Oc3Talk) talk = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (talk != NULL)
    g_signal_emit (self, signals[TALK_ACTIVATED], 0, talk);
}

/* Enter in the entry opens the best match. */
static void
search_activate_cb (Oc3SearchView *self)
{
  /* The results may lag the entry by the typing delay. */
  update_results (self);
  activate_position (self, 0);
}

static void
stop_search_cb (Oc3SearchView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
row_activated_cb (Oc3SearchView *self,
                  guint          position)
{
  activate_position (self, position);
}

static void
setup_row_cb (Oc3SearchView *self,
              GtkListItem   *item)
{
  gtk_list_item_set_child (item, oc3_talk_row_new ());
}

static void
bind_row_cb (Oc3SearchView *self,
             GtkListItem   *item)
{
  Oc3TalkRow *row = OC3_TALK_ROW (gtk_list_item_get_child (item));

  oc3_talk_row_set_talk (row, gtk_list_item_get_item (item), self->zone);
}

static gboolean
oc3_search_view_grab_focus (GtkWidget *widget)
{
  Oc3SearchView *self = OC3_SEARCH_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
oc3_search_view_dispose (GObject *object)
{
  Oc3SearchView *self = OC3_SEARCH_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), OC3_TYPE_SEARCH_VIEW);
  /* gtk_widget_dispose_template() unparents only the bound children, not
   * the template's unnamed box. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->results);
  g_clear_object (&self->index);
  g_clear_object (&self->conference);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (oc3_search_view_parent_class)->dispose (object);
}

static void
oc3_search_view_class_init (Oc3SearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = oc3_search_view_dispose;
  widget_class->grab_focus = oc3_search_view_grab_focus;

  /**
   * Oc3SearchView::talk-activated:
   * @self: the view
   * @talk: the talk chosen
   *
   * A result was clicked, or Enter pressed in the entry (the best result).
   */
  signals[TALK_ACTIVATED] =
    g_signal_new ("talk-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, OC3_TYPE_TALK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/OC3/ui/oc3-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, Oc3SearchView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, Oc3SearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, Oc3SearchView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchview");
}

static void
oc3_search_view_init (Oc3SearchView *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (OC3_TYPE_TALK);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}
