/* test-search-view.c — typing into the search view shows the matching talks,
 * accents or not, and says so when nothing matches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "oc3-resources.h"
#include "oc3-schedule.h"
#include "oc3-search-view.h"
#include "oc3-talk-row.h"

/* In tests/search/data/oc3-search.schedule.json. */
#define RUST_TEE "5e4a7c1e-0000-4000-8000-000000000002"

static Oc3Conference *
load_fixture (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "tests", "search", "data",
                                            "oc3-search.schedule.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  Oc3Conference *conference = oc3_schedule_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return conference;
}

static void
iterate (void)
{
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_for_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

/* The title of the status page a person sees, or NULL when none shows. */
static const char *
visible_status_title (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    return adw_status_page_get_title (ADW_STATUS_PAGE (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *title = visible_status_title (child);

      if (title != NULL)
        return title;
    }

  return NULL;
}

static Oc3TalkRow *
find_mapped_row (GtkWidget *widget)
{
  if (OC3_IS_TALK_ROW (widget) && gtk_widget_get_mapped (widget))
    return OC3_TALK_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Oc3TalkRow *row = find_mapped_row (child);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* Types @text one character at a time, as a person would, then waits out the
 * entry's search delay until the view shows the state named @status (or
 * results, for NULL). */
static void
type_and_wait (Oc3SearchView *view,
               const char    *text,
               const char    *status)
{
  GtkEditable *entry = GTK_EDITABLE (oc3_search_view_get_search_entry (view));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_editable_delete_text (entry, 0, -1);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (entry);

      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (entry, position);
      g_main_context_iteration (NULL, FALSE);
    }

  while (g_get_monotonic_time () < deadline)
    {
      const char *title = visible_status_title (GTK_WIDGET (view));

      if (status == NULL ? (title == NULL && find_mapped_row (GTK_WIDGET (view)) != NULL)
                         : g_strcmp0 (title, status) == 0)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  iterate ();
}

static void
talk_activated_cb (Oc3SearchView  *view,
                   Oc3Talk        *talk,
                   Oc3Talk       **out)
{
  g_set_object (out, talk);
}

static void
test_search_view (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();
  g_autoptr (Oc3Talk) activated = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  Oc3SearchView *view = OC3_SEARCH_VIEW (oc3_search_view_new ());
  GListModel *results = oc3_search_view_get_results (view);
  g_autoptr (Oc3Talk) found = NULL;
  Oc3TalkRow *row;
  GtkWidget *focus;
  GtkWidget *entry;

  gtk_window_set_default_size (window, 600, 600);
  gtk_window_set_child (window, GTK_WIDGET (view));
  oc3_search_view_set_conference (view, conference, NULL, NULL);
  g_signal_connect (view, "talk-activated", G_CALLBACK (talk_activated_cb), &activated);
  gtk_window_present (window);
  wait_for_mapped (GTK_WIDGET (view));

  /* Before anything is typed: an invitation, and the entry has the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_cmpstr (visible_status_title (GTK_WIDGET (view)), ==, "Search the Program");
  focus = gtk_window_get_focus (window);
  g_assert_nonnull (focus);
  entry = GTK_WIDGET (oc3_search_view_get_search_entry (view));
  g_assert_true (gtk_widget_is_ancestor (focus, entry));

  /* "konig" finds the talk by Jürgen König. */
  type_and_wait (view, "konig", NULL);
  g_assert_null (visible_status_title (GTK_WIDGET (view)));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  found = g_list_model_get_item (results, 0);
  g_assert_cmpstr (oc3_talk_get_guid (found), ==, RUST_TEE);
  row = find_mapped_row (GTK_WIDGET (view));
  g_assert_nonnull (row);
  g_assert_true (oc3_talk_row_get_talk (row) == found);

  /* Enter opens the best match. */
  g_signal_emit_by_name (oc3_search_view_get_search_entry (view), "activate");
  g_assert_nonnull (activated);
  g_assert_cmpstr (oc3_talk_get_guid (activated), ==, RUST_TEE);

  /* Nonsense finds nothing, and the view says so. */
  type_and_wait (view, "qwxzvbnm", "No Results Found");
  g_assert_cmpstr (visible_status_title (GTK_WIDGET (view)), ==, "No Results Found");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  /* Several words, accents typed or not: both talks in São Paulo. */
  type_and_wait (view, "SAO paulo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);

  /* Emptied again: the invitation again. */
  type_and_wait (view, "", "Search the Program");
  g_assert_cmpstr (visible_status_title (GTK_WIDGET (view)), ==, "Search the Program");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  /* A search from GNOME Shell shows at once. */
  oc3_search_view_search (view, "Jürgen");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  oc3_register_resource ();

  g_test_add_func ("/search-view/typing", test_search_view);

  return g_test_run ();
}
