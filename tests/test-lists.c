/* test-lists.c — the tracks, a track's talks by day and the speakers with
 * their search, as users see them, in a real headless session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-speakers-view.h"
#include "oc3-talk-row.h"
#include "oc3-track-page.h"
#include "oc3-tracks-view.h"
#include "ui-test-helpers.h"

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static void
record_object_cb (GObject  *emitter,
                  GObject  *object,
                  gpointer  user_data)
{
  GObject **out = user_data;

  g_set_object (out, object);
}

static void
test_tracks_view (void)
{
  g_autoptr (Oc3Conference) conference = ui_test_load_conference ();
  GtkWidget *view = oc3_tracks_view_new ();
  GtkWindow *window;
  GtkListBox *list;
  g_autoptr (Oc3Track) activated = NULL;
  GtkWidget *row;

  oc3_tracks_view_set_conference (OC3_TRACKS_VIEW (view), conference, oc3_conference_get_time_zone (conference));
  window = ui_test_window_new (view, 1000, 700);

  /* Every track, in the program's order, with how many talks it has; a
   * name with markup characters is shown as written. */
  list = template_child (view, OC3_TYPE_TRACKS_VIEW, "tracks_list");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "Security");
  g_assert_true (ui_test_shows_text (view, "Security"));
  g_assert_true (ui_test_shows_text (view, "3 talks"));
  g_assert_true (ui_test_shows_text (view, "Community"));
  g_assert_true (ui_test_shows_text (view, "Hardware & <Making>"));
  g_assert_true (ui_test_shows_text (view, "1 talk"));
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));

  g_signal_connect (view, "track-activated", G_CALLBACK (record_object_cb), &activated);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2));
  gtk_widget_grab_focus (row);
  gtk_widget_activate (row);
  g_assert_nonnull (activated);
  g_assert_cmpstr (oc3_track_get_name (activated), ==, "Hardware & <Making>");

  ui_test_screenshot (GTK_WIDGET (window), "tracks-view-1000");
  ui_test_resize (window, 360, 700);
  ui_test_assert_fits_width (view, 360);
  ui_test_set_dark (GTK_WIDGET (window), TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "tracks-view-360-dark");

  /* Without a program: an empty state, not an empty list. */
  oc3_tracks_view_set_conference (OC3_TRACKS_VIEW (view), NULL, NULL);
  ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (ui_test_shows_text (view, "No Tracks"));

  ui_test_destroy_window (window);
}

static gboolean
is_starred_cb (Oc3Talk  *talk,
               gpointer  user_data)
{
  return g_str_equal (oc3_talk_get_guid (talk), user_data);
}

static Oc3TalkRow *
find_talk_row (GtkWidget  *widget,
               const char *guid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Oc3TalkRow *found;

      if (OC3_IS_TALK_ROW (child) && oc3_talk_row_get_talk (OC3_TALK_ROW (child)) != NULL &&
          g_str_equal (oc3_talk_get_guid (oc3_talk_row_get_talk (OC3_TALK_ROW (child))), guid))
        return OC3_TALK_ROW (child);

      found = find_talk_row (child, guid);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_track_page (void)
{
  g_autoptr (Oc3Conference) conference = ui_test_load_conference ();
  Oc3Track *track = oc3_conference_lookup_track (conference, "Security");
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  GtkWidget *navigation_view = adw_navigation_view_new ();
  Oc3TrackPage *page;
  GtkWindow *window;
  GtkListView *list_view;
  GtkSelectionModel *model;
  guint start, end;
  g_autoptr (Oc3Talk) activated = NULL;
  Oc3TalkRow *row;

  g_assert_nonnull (track);
  page = oc3_track_page_new (conference, track, NULL);
  oc3_track_page_set_starred_func (page, is_starred_cb, g_strdup ("0c3e0001-0000-4000-8000-000000000103"), g_free);
  adw_navigation_view_push (ADW_NAVIGATION_VIEW (navigation_view), ADW_NAVIGATION_PAGE (page));
  window = ui_test_window_new (navigation_view, 1000, 800);

  /* Two days, two sections: the talk after midnight stays with its evening. */
  list_view = oc3_track_page_get_list_view (page);
  model = gtk_list_view_get_model (list_view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  gtk_section_model_get_section (GTK_SECTION_MODEL (model), 0, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 2);
  gtk_section_model_get_section (GTK_SECTION_MODEL (model), 2, &start, &end);
  g_assert_cmpuint (start, ==, 2);
  g_assert_cmpuint (end, ==, 3);

  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Wednesday, 13 March 2024"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Thursday, 14 March 2024"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "<b>R&D</b> <script>"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Late Night Lightning Talks"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Threat Models for Everyone"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "10:00"));

  /* Stars come from whoever keeps them. */
  row = find_talk_row (GTK_WIDGET (page), "0c3e0001-0000-4000-8000-000000000103");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (template_child (row, OC3_TYPE_TALK_ROW, "star_image")));
  row = find_talk_row (GTK_WIDGET (page), "0c3e0001-0000-4000-8000-000000000101");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (template_child (row, OC3_TYPE_TALK_ROW, "star_image")));

  g_signal_connect (page, "talk-activated", G_CALLBACK (record_object_cb), &activated);
  g_signal_emit_by_name (list_view, "activate", 1);
  g_assert_nonnull (activated);
  g_assert_cmpstr (oc3_talk_get_title (activated), ==, "Late Night Lightning Talks");

  ui_test_screenshot (GTK_WIDGET (window), "track-page-1000");

  /* Times follow the display zone. */
  oc3_track_page_set_display_zone (page, utc);
  ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "09:00"));
  g_assert_false (ui_test_shows_text (GTK_WIDGET (page), "10:00"));

  ui_test_resize (window, 360, 800);
  ui_test_assert_fits_width (GTK_WIDGET (page), 360);
  ui_test_screenshot (GTK_WIDGET (window), "track-page-360");
  ui_test_set_dark (GTK_WIDGET (window), TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "track-page-360-dark");

  ui_test_destroy_window (window);
}

static void
search (Oc3SpeakersView *view,
        const char      *text,
        guint            n_expected)
{
  GListModel *results = oc3_speakers_view_get_results (view);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* The entry waits for a pause in typing before it searches. */
  gtk_editable_set_text (GTK_EDITABLE (oc3_speakers_view_get_search_entry (view)), text);
  while (g_list_model_get_n_items (results) != n_expected && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_expected);
  ui_test_wait_frames (GTK_WIDGET (view), 2);
}

static void
test_speakers_view (void)
{
  g_autoptr (Oc3Conference) conference = ui_test_load_conference ();
  GtkWidget *view = oc3_speakers_view_new ();
  GListModel *results = oc3_speakers_view_get_results (OC3_SPEAKERS_VIEW (view));
  const char *expected[] = { "Alice Example", "Bob Builder", "Jürgen König", "Zoë Ångström" };
  GtkWindow *window;
  GtkSearchEntry *entry = oc3_speakers_view_get_search_entry (OC3_SPEAKERS_VIEW (view));
  g_autoptr (Oc3Person) activated = NULL;

  oc3_speakers_view_set_conference (OC3_SPEAKERS_VIEW (view), conference, oc3_conference_get_time_zone (conference));
  window = ui_test_window_new (view, 1000, 700);

  /* Alphabetical, whatever the accents, under their initials. */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (Oc3Person) person = g_list_model_get_item (results, i);

      g_assert_cmpstr (oc3_person_get_name (person), ==, expected[i]);
      g_assert_true (ui_test_shows_text (view, expected[i]));
    }
  g_assert_true (ui_test_shows_text (view, "Z"));
  g_assert_true (ui_test_shows_text (view, "Researcher, Example Labs"));
  ui_test_screenshot (GTK_WIDGET (window), "speakers-view-1000");

  /* Typing anywhere in the view goes to the search. */
  g_assert_true (gtk_search_entry_get_key_capture_widget (entry) == view);

  /* Without accents, case or the whole name; by affiliation too. */
  search (OC3_SPEAKERS_VIEW (view), "konig", 1);
  g_assert_true (ui_test_shows_text (view, "Jürgen König"));
  g_assert_false (ui_test_shows_text (view, "Alice Example"));
  ui_test_screenshot (GTK_WIDGET (window), "speakers-view-search-1000");
  search (OC3_SPEAKERS_VIEW (view), "LÖTKOLBEN", 1);
  g_assert_true (ui_test_shows_text (view, "Jürgen König"));
  search (OC3_SPEAKERS_VIEW (view), "zoe angstrom", 1);
  g_assert_true (ui_test_shows_text (view, "Zoë Ångström"));

  /* Enter opens the first match. */
  g_signal_connect (view, "person-activated", G_CALLBACK (record_object_cb), &activated);
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (activated);
  g_assert_cmpstr (oc3_person_get_name (activated), ==, "Zoë Ångström");

  search (OC3_SPEAKERS_VIEW (view), "nobody by this name", 0);
  g_assert_true (ui_test_shows_text (view, "No Speakers Found"));

  search (OC3_SPEAKERS_VIEW (view), "", G_N_ELEMENTS (expected));
  g_signal_emit_by_name (template_child (view, OC3_TYPE_SPEAKERS_VIEW, "list_view"), "activate", 1);
  g_assert_cmpstr (oc3_person_get_name (activated), ==, "Bob Builder");

  ui_test_resize (window, 360, 700);
  ui_test_assert_fits_width (view, 360);
  ui_test_screenshot (GTK_WIDGET (window), "speakers-view-360");
  ui_test_set_dark (GTK_WIDGET (window), TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "speakers-view-360-dark");

  ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/lists/tracks-view", test_tracks_view);
  g_test_add_func ("/lists/track-page", test_track_page);
  g_test_add_func ("/lists/speakers-view", test_speakers_view);

  return g_test_run ();
}
