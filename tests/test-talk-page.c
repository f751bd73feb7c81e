/* test-talk-page.c — the talk and speaker pages show what the program says,
 * escaped, at the right times, and fit a phone, in a real headless session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "oc3-speaker-page.h"
#include "oc3-talk-page.h"
#include "ui-test-helpers.h"

#define ESCAPED_TALK "0c3e0001-0000-4000-8000-000000000101"
#define LATE_TALK "0c3e0001-0000-4000-8000-000000000104"

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static GtkLabel *
page_label (Oc3TalkPage *page,
            const char  *name)
{
  return GTK_LABEL (template_child (page, OC3_TYPE_TALK_PAGE, name));
}

static void
record_object_cb (GObject  *emitter,
                  GObject  *object,
                  gpointer  user_data)
{
  GObject **out = user_data;

  g_set_object (out, object);
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
test_talk_page_content (void)
{
  g_autoptr (Oc3Conference) conference = ui_test_load_conference ();
  Oc3Talk *talk = oc3_conference_lookup_talk (conference, ESCAPED_TALK);
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  GtkWidget *navigation_view = adw_navigation_view_new ();
  Oc3TalkPage *page;
  GtkWindow *window;
  GtkListBox *speakers;
  GtkWidget *row;
  g_autoptr (Oc3Person) activated = NULL;
  const char *markup;
  GdkClipboard *clipboard;
  GValue value = G_VALUE_INIT;

  g_assert_nonnull (talk);
  g_assert_nonnull (berlin);
  page = oc3_talk_page_new (conference, talk, berlin);
  adw_navigation_view_push (ADW_NAVIGATION_VIEW (navigation_view), ADW_NAVIGATION_PAGE (page));
  window = ui_test_window_new (navigation_view, 1000, 900);

  g_assert_cmpstr (adw_navigation_page_get_tag (ADW_NAVIGATION_PAGE (page)), ==, ESCAPED_TALK);

  /* The title is shown literally, not read as markup. */
  g_assert_false (gtk_label_get_use_markup (page_label (page, "title_label")));
  g_assert_cmpstr (gtk_label_get_text (page_label (page, "title_label")), ==, "<b>R&D</b> <script>");
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "<b>R&D</b> <script>"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Escaping & <i>markup</i>"));

  /* In the conference's zone, and in the user's own (TZ=UTC) beside it. */
  g_assert_cmpstr (g_getenv ("TZ"), ==, "UTC");
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Wednesday, 13 March 2024"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "10:00–10:45 CET"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "09:00–09:45 your time"));

  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Hall 1"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Security"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Talk"));
  g_assert_true (gtk_widget_get_mapped (template_child (page, OC3_TYPE_TALK_PAGE, "do_not_record_box")));

  /* Speakers, each a row that opens the speaker. */
  speakers = template_child (page, OC3_TYPE_TALK_PAGE, "speakers_list");
  g_assert_cmpstr (row_title (GTK_WIDGET (gtk_list_box_get_row_at_index (speakers, 0))), ==, "Alice Example");
  g_assert_cmpstr (row_title (GTK_WIDGET (gtk_list_box_get_row_at_index (speakers, 1))), ==, "Jürgen König");
  g_assert_null (gtk_list_box_get_row_at_index (speakers, 2));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Researcher, Example Labs"));

  g_signal_connect (page, "person-activated", G_CALLBACK (record_object_cb), &activated);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (speakers, 1));
  gtk_widget_grab_focus (row);
  gtk_widget_activate (row);
  g_assert_nonnull (activated);
  g_assert_cmpstr (oc3_person_get_name (activated), ==, "Jürgen König");

  /* Markdown and HTML become Pango markup with real links, and nothing
   * the program writes becomes markup of its own. */
  markup = gtk_label_get_label (page_label (page, "abstract_label"));
  g_assert_true (gtk_label_get_use_markup (page_label (page, "abstract_label")));
  g_assert_nonnull (strstr (markup, "<a href=\"https://example.org/oc3\""));
  g_assert_null (strstr (markup, "<script"));
  g_assert_null (strstr (gtk_label_get_text (page_label (page, "abstract_label")), "<a "));
  markup = gtk_label_get_label (page_label (page, "description_label"));
  g_assert_nonnull (strstr (markup, "<a href=\"https://example.org/docs\""));
  g_assert_null (strstr (markup, "<script"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "A talk about research & development, with the OC3 site."));

  /* Links and attachments. */
  g_assert_cmpstr (row_title (GTK_WIDGET (gtk_list_box_get_row_at_index (template_child (page, OC3_TYPE_TALK_PAGE, "links_list"), 0))),
                   ==, "Slides");
  g_assert_cmpstr (row_title (GTK_WIDGET (gtk_list_box_get_row_at_index (template_child (page, OC3_TYPE_TALK_PAGE, "attachments_list"), 0))),
                   ==, "Paper (PDF)");

  ui_test_screenshot (GTK_WIDGET (window), "talk-page-1000");
  ui_test_set_dark (GTK_WIDGET (window), TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "talk-page-1000-dark");
  ui_test_set_dark (GTK_WIDGET (window), FALSE);

  /* Copy Link puts the talk's URL on the clipboard. */
  g_assert_true (gtk_widget_get_visible (template_child (page, OC3_TYPE_TALK_PAGE, "copy_link_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "talk.copy-link", NULL));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (page));
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, "https://example.org/uitest/talk/101/");
  g_value_unset (&value);

  /* Times follow the display zone live; the conference's time stays in view. */
  oc3_talk_page_set_display_zone (page, utc);
  ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "09:00–09:45 UTC"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "10:00–10:45 conference time"));
  g_assert_false (ui_test_shows_text (GTK_WIDGET (page), "09:00–09:45 your time"));

  /* The header bar has room for the star and reminder buttons. */
  g_assert_true (GTK_IS_BOX (oc3_talk_page_get_header_end_box (page)));

  ui_test_destroy_window (window);
}

static void
test_talk_page_without_url (void)
{
  g_autoptr (Oc3Conference) conference = ui_test_load_conference ();
  Oc3Talk *talk = oc3_conference_lookup_talk (conference, LATE_TALK);
  GtkWidget *navigation_view = adw_navigation_view_new ();
  Oc3TalkPage *page = oc3_talk_page_new (conference, talk, NULL);
  GtkWindow *window;

  adw_navigation_view_push (ADW_NAVIGATION_VIEW (navigation_view), ADW_NAVIGATION_PAGE (page));
  window = ui_test_window_new (navigation_view, 600, 700);

  /* No URL, no Copy Link; no recording notice that does not apply. */
  g_assert_false (gtk_widget_get_visible (template_child (page, OC3_TYPE_TALK_PAGE, "copy_link_button")));
  g_assert_false (gtk_widget_get_visible (template_child (page, OC3_TYPE_TALK_PAGE, "do_not_record_box")));

  /* After midnight, but on the program's first day: the page says the
   * date it really is. */
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Thursday, 14 March 2024"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "00:30–01:00 CET"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Wed 23:30–00:00 your time"));

  ui_test_destroy_window (window);
}

static void
test_talk_page_narrow (void)
{
  g_autoptr (Oc3Conference) conference = ui_test_load_conference ();
  Oc3Talk *talk = oc3_conference_lookup_talk (conference, ESCAPED_TALK);
  GtkWidget *navigation_view = adw_navigation_view_new ();
  Oc3TalkPage *page = oc3_talk_page_new (conference, talk, NULL);
  GtkWindow *window;

  adw_navigation_view_push (ADW_NAVIGATION_VIEW (navigation_view), ADW_NAVIGATION_PAGE (page));
  window = ui_test_window_new (navigation_view, 1000, 800);

  ui_test_resize (window, 360, 800);
  ui_test_assert_fits_width (GTK_WIDGET (page), 360);
  ui_test_screenshot (GTK_WIDGET (window), "talk-page-360");
  ui_test_set_dark (GTK_WIDGET (window), TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "talk-page-360-dark");

  ui_test_destroy_window (window);
}

static void
test_speaker_page (void)
{
  g_autoptr (Oc3Conference) conference = ui_test_load_conference ();
  Oc3Person *person = oc3_conference_lookup_person (conference, "2");
  GtkWidget *navigation_view = adw_navigation_view_new ();
  Oc3SpeakerPage *page;
  GtkWindow *window;
  GtkListBoxRow *row;
  g_autoptr (Oc3Talk) activated = NULL;

  g_assert_nonnull (person);
  page = oc3_speaker_page_new (conference, person, NULL);
  adw_navigation_view_push (ADW_NAVIGATION_VIEW (navigation_view), ADW_NAVIGATION_PAGE (page));
  window = ui_test_window_new (navigation_view, 1000, 800);

  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Jürgen König"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Lötkolben e.V."));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Jürgen builds hardware."));

  /* Both talks, each under its day, as talk rows that open the talk. */
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Wednesday, 13 March 2024"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Thursday, 14 March 2024"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "<b>R&D</b> <script>"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (page), "Soldering Workshop"));

  g_signal_connect (page, "talk-activated", G_CALLBACK (record_object_cb), &activated);
  row = GTK_LIST_BOX_ROW (ui_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW));
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_nonnull (activated);
  g_assert_cmpstr (oc3_talk_get_guid (activated), ==, ESCAPED_TALK);

  ui_test_screenshot (GTK_WIDGET (window), "speaker-page-1000");
  ui_test_resize (window, 360, 800);
  ui_test_assert_fits_width (GTK_WIDGET (page), 360);
  ui_test_screenshot (GTK_WIDGET (window), "speaker-page-360");

  ui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/talk-page/content", test_talk_page_content);
  g_test_add_func ("/talk-page/without-url", test_talk_page_without_url);
  g_test_add_func ("/talk-page/narrow", test_talk_page_narrow);
  g_test_add_func ("/speaker-page/content", test_speaker_page);

  return g_test_run ();
}
