/* test-refresh.c — the window refreshes its program from a real HTTP server
 * on loopback: a changed program shows "What changed" and keeps the stars;
 * a Wi-Fi login page instead of the program says so and keeps everything;
 * Program Address… keeps and forgets the address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "oc3-application.h"
#include "test-isolation.h"
#include "oc3-bundled-programs.h"
#include "oc3-talk-block.h"
#include "oc3-timeline.h"
#include "oc3-window.h"
#include "ui-test-helpers.h"

static Oc3Application *app;
static char *served_body;
static const char *served_type = "application/json";
static guint served_status = SOUP_STATUS_OK;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  soup_server_message_set_status (message, served_status, NULL);
  soup_server_message_set_response (message, served_type, SOUP_MEMORY_COPY, served_body, strlen (served_body));
}

static gboolean
shows_changes (gpointer window)
{
  return g_strcmp0 (oc3_window_get_visible_page_tag (window), "changes") == 0;
}

static gboolean
has_message (gpointer window)
{
  return oc3_window_get_last_message (window) != NULL;
}

static void
test_refresh_from_server (void)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GBytes) bundled = oc3_bundled_programs_load (0, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autofree char *first_title = NULL;
  GVariantBuilder sources;
  Oc3Window *window;
  Oc3Agenda *agenda;
  Oc3Talk *talk;
  Oc3Timeline *timeline;
  g_autofree char *guid = NULL;
  g_autoptr (GString) moved = NULL;
  const char *date;

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/oc3-2024.json", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  /* The server has the bundled 2024 program, with its first talk an hour later. */
  moved = g_string_new_len (g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));
  date = strstr (moved->str, "\"date\": \"2024-03-13T09:00:00+01:00\"");
  g_assert_nonnull (date);
  g_string_overwrite (moved, date - moved->str, "\"date\": \"2024-03-13T15:00:00+01:00\"");
  served_body = g_string_free (g_steal_pointer (&moved), FALSE);

  g_variant_builder_init (&sources, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&sources, "{ss}", "oc3-2024", url);
  g_settings_set_value (settings, "program-sources", g_variant_builder_end (&sources));
  g_settings_set_string (settings, "last-conference", "oc3-2024");

  window = oc3_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_test_wait_until (ui_test_window_has_conference, window));

  /* Star the talk that will move: it stays starred after the refresh. */
  talk = g_list_model_get_item (oc3_conference_get_talks (oc3_window_get_conference (window)), 0);
  guid = g_strdup (oc3_talk_get_guid (talk));
  g_object_unref (talk);
  oc3_window_set_starred (window, guid, TRUE);

  /* The window refreshes on its own at start; "What changed" opens. */
  g_assert_true (ui_test_wait_until (shows_changes, window));
  agenda = oc3_application_peek_agenda (app);
  g_assert_true (oc3_agenda_is_starred (agenda, guid));
  talk = oc3_conference_lookup_talk (oc3_window_get_conference (window), guid);
  g_assert_nonnull (talk);
  g_assert_cmpint (g_date_time_get_hour (oc3_talk_get_start (talk)), ==, 15);
  first_title = g_strdup (oc3_talk_get_title (talk));

  /* The moved talk is marked in the timeline until its page is opened. */
  timeline = oc3_schedule_view_get_timeline (oc3_window_get_schedule_view (window));
  g_assert_true (oc3_talk_block_get_changed (OC3_TALK_BLOCK (oc3_timeline_find_block (timeline, guid))));
  oc3_window_show_talk (window, guid);
  g_assert_false (oc3_talk_block_get_changed (OC3_TALK_BLOCK (oc3_timeline_find_block (timeline, guid))));

  /* A captive portal: a clear message, and the program stays. */
  g_free (served_body);
  served_body = g_strdup ("<!DOCTYPE html><html><head><title>Wi-Fi</title></head><body>Log in</body></html>");
  served_type = "text/html";
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_true (ui_test_wait_until (has_message, window));
  g_assert_nonnull (strstr (oc3_window_get_last_message (window), "Wi-Fi login page"));
  talk = oc3_conference_lookup_talk (oc3_window_get_conference (window), guid);
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, first_title);
  g_assert_true (oc3_agenda_is_starred (agenda, guid));

  /* Gone, a server error, a cut-off download: each said in words, and the
   * program and the stars stay as they were. */
  {
    static const struct { guint status; const char *body; const char *message; } failures[] = {
      { SOUP_STATUS_NOT_FOUND, "not here", "no longer at this address" },
      { SOUP_STATUS_INTERNAL_SERVER_ERROR, "oops", "The server had a problem (error 500)" },
      { SOUP_STATUS_OK, "{\"schedule\": {\"conference\": {\"title\": \"cut", "not valid" },
    };

    served_type = "application/json";
    for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
      {
        g_free (served_body);
        served_body = g_strdup (failures[i].body);
        served_status = failures[i].status;
        oc3_window_clear_last_message (window);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
        g_assert_true (ui_test_wait_until (has_message, window));
        g_test_message ("%u: %s", failures[i].status, oc3_window_get_last_message (window));
        g_assert_nonnull (strstr (oc3_window_get_last_message (window), failures[i].message));
        talk = oc3_conference_lookup_talk (oc3_window_get_conference (window), guid);
        g_assert_nonnull (talk);
        g_assert_cmpint (g_date_time_get_hour (oc3_talk_get_start (talk)), ==, 15);
        g_assert_true (oc3_agenda_is_starred (agenda, guid));
      }
    served_status = SOUP_STATUS_OK;
  }

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_clear_pointer (&served_body, g_free);
}

static gboolean
shows_model_test (gpointer window)
{
  Oc3Conference *conference = oc3_window_get_conference (window);

  return conference != NULL && g_strcmp0 (oc3_conference_get_title (conference), "Model test") == 0;
}

/* oc3 FILE: the conference is added to the switcher and shown, and it stays
 * added for the next start. */
static void
test_add_conference_from_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "tests", "core", "data", "model.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GVariant) added = NULL;
  g_autofree char *last = NULL;
  const char *id, *name, *location;
  Oc3Window *window;

  window = oc3_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_test_wait_until (ui_test_window_has_conference, window));

  oc3_window_open_file (window, file);
  g_assert_true (ui_test_wait_until (shows_model_test, window));

  added = g_settings_get_value (settings, "added-conferences");
  g_assert_cmpuint (g_variant_n_children (added), ==, 1);
  g_variant_get_child (added, 0, "(&s&s&s)", &id, &name, &location);
  g_assert_true (g_str_has_prefix (id, "added-"));
  g_assert_cmpstr (name, ==, "model.json");
  g_assert_true (g_str_has_suffix (location, "/tests/core/data/model.json"));
  last = g_settings_get_string (settings, "last-conference");
  g_assert_cmpstr (last, ==, id);

  /* Stars show on the blocks of another day, after switching to it. */
  {
    Oc3ScheduleView *schedule = oc3_window_get_schedule_view (window);
    Oc3Timeline *timeline = oc3_schedule_view_get_timeline (schedule);
    Oc3Conference *conference = oc3_window_get_conference (window);
    g_autoptr (Oc3Day) second_day = g_list_model_get_item (oc3_conference_get_days (conference), 1);
    g_autoptr (Oc3Talk) talk = g_list_model_get_item (oc3_day_get_talks (second_day), 0);
    GtkWidget *block;

    oc3_window_set_starred (window, oc3_talk_get_guid (talk), TRUE);
    oc3_schedule_view_show_day (schedule, 1);
    block = oc3_timeline_find_block (timeline, oc3_talk_get_guid (talk));
    g_assert_nonnull (block);
    g_assert_true (oc3_talk_block_get_starred (OC3_TALK_BLOCK (block)));
  }

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Program Address…: the address is kept for the conference, and clearing
 * it forgets it again. */
static void
test_edit_source (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GVariant) sources = NULL;
  g_autoptr (GVariant) cleared = NULL;
  const char *url = NULL;
  AdwDialog *dialog;
  GtkWidget *entry;
  Oc3Window *window;

  g_settings_set_string (settings, "last-conference", "oc3-2022");
  g_settings_reset (settings, "program-sources");
  window = oc3_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_test_wait_until (ui_test_window_has_conference, window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-source", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  entry = adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog));
  /* Saving refreshes from there: nothing listens on port 1, which the
   * window says, and then nothing is left running. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "https://127.0.0.1:1/oc3-2022.json");
  oc3_window_clear_last_message (window);
  g_signal_emit_by_name (dialog, "response", "save");
  adw_dialog_force_close (dialog);
  g_assert_true (ui_test_wait_until (has_message, window));

  sources = g_settings_get_value (settings, "program-sources");
  g_assert_true (g_variant_lookup (sources, "oc3-2022", "&s", &url));
  g_assert_cmpstr (url, ==, "https://127.0.0.1:1/oc3-2022.json");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-source", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  entry = adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "https://127.0.0.1:1/oc3-2022.json");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (dialog, "response", "save");
  adw_dialog_force_close (dialog);
  cleared = g_settings_get_value (settings, "program-sources");
  g_assert_false (g_variant_lookup (cleared, "oc3-2022", "&s", &url));

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  oc3_test_isolate_user_dirs ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_add_func ("/refresh/from-server", test_refresh_from_server);
  g_test_add_func ("/refresh/add-conference-from-file", test_add_conference_from_file);
  g_test_add_func ("/refresh/edit-source", test_edit_source);

  status = ui_test_run_with_application (&app);

  return status;
}
