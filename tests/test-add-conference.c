/* test-add-conference.c — Add Conference… with a time zone: a FOSDEM-style
 * schedule.xml (times without a zone) from a real HTTP server on loopback,
 * read in the zone chosen in the dialog rather than the local one; its
 * preview; the conference added, and still read in that zone after a
 * restart. The same for a file, and removing forgets the zone.
 *
 * The test's local zone is Asia/Tokyo (UTC+9) and the zone chosen
 * America/New_York (UTC-5 in February): a program read in the wrong one is
 * 14 hours off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "oc3-add-conference-dialog.h"
#include "oc3-agenda.h"
#include "oc3-application.h"
#include "oc3-program-source.h"
#include "oc3-schedule-view.h"
#include "oc3-talk-block.h"
#include "oc3-timeline.h"
#include "oc3-time.h"
#include "oc3-window.h"
#include "test-isolation.h"
#include "ui-test-helpers.h"

#define LOCAL_ZONE "Asia/Tokyo"
#define CHOSEN_ZONE "America/New_York"
/* "Welcome to FOSDEM 2024", on 3 February at 09:30 in the conference's zone. */
#define WELCOME_GUID "7a1c1a4e-1f6b-5b1e-9c3d-000000002001"

static Oc3Application *app;
static char *served_body;
static char *url;
static gboolean server_down;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  if (server_down)
    {
      soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/xml", SOUP_MEMORY_COPY, served_body,
                                    strlen (served_body));
}

static gboolean
shows_fosdem (gpointer window)
{
  Oc3Conference *conference = oc3_window_get_conference (window);

  return conference != NULL && g_strcmp0 (oc3_conference_get_title (conference), "FOSDEM 2024") == 0;
}

static gboolean
has_no_dialog (gpointer window)
{
  return adw_application_window_get_visible_dialog (window) == NULL;
}

static const char *
visible_page_tag (Oc3AddConferenceDialog *dialog)
{
  GtkWidget *view = ui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_NAVIGATION_VIEW);
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (view));

  return page != NULL ? adw_navigation_page_get_tag (page) : NULL;
}

static gboolean
shows_preview (gpointer dialog)
{
  return g_strcmp0 (visible_page_tag (dialog), "preview") == 0;
}

static gboolean
has_error (gpointer dialog)
{
  return oc3_add_conference_dialog_get_error (dialog) != NULL;
}

static const char *
selected_zone (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Picks @identifier in the time zone row, as a click in its list would. */
static void
choose_zone (AdwComboRow *row,
             const char  *identifier)
{
  GListModel *zones = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (zones, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), identifier) == 0)
        {
          adw_combo_row_set_selected (row, i);
          g_assert_cmpstr (selected_zone (row), ==, identifier);
          return;
        }
    }

  g_error ("The time zone %s is not offered", identifier);
}

/* The welcome talk starts at 09:30 on 3 February 2024 in @zone_name, as an
 * instant: the same wall time in another zone is another instant. */
static void
assert_welcome_in_zone (Oc3Window  *window,
                        const char *zone_name)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr (GDateTime) expected = g_date_time_new (zone, 2024, 2, 3, 9, 30, 0);
  Oc3Talk *talk = oc3_conference_lookup_talk (oc3_window_get_conference (window), WELCOME_GUID);
  g_autofree char *start = NULL;

  g_assert_nonnull (talk);
  start = g_date_time_format_iso8601 (oc3_talk_get_start (talk));
  g_test_message ("welcome talk starts %s", start);
  g_assert_cmpint (g_date_time_to_unix (oc3_talk_get_start (talk)), ==, g_date_time_to_unix (expected));
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (oc3_window_get_conference (window)), ==, zone_name);
}

static char *
lookup_saved_zone (const char *id)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GVariant) zones = g_settings_get_value (settings, "added-conference-zones");
  char *zone = NULL;

  g_variant_lookup (zones, id, "s", &zone);
  return zone;
}

static Oc3Window *
open_window (int width,
             int height)
{
  /* The window restores its last size: each test says which it wants. */
  Oc3Window *window = ui_test_open_app_window (app, width, height);

  g_assert_true (ui_test_wait_until (ui_test_window_has_conference, window));

  return window;
}

/* Opens Add Conference… and waits until it is shown. */
static Oc3AddConferenceDialog *
open_dialog (Oc3Window *window)
{
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-conference", NULL));
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (OC3_IS_ADD_CONFERENCE_DIALOG (dialog));
  ui_test_wait_mapped (GTK_WIDGET (dialog));

  return OC3_ADD_CONFERENCE_DIALOG (dialog);
}

static void
go_back (Oc3AddConferenceDialog *dialog)
{
  adw_navigation_view_pop (ADW_NAVIGATION_VIEW (ui_test_find_descendant (GTK_WIDGET (dialog),
                                                                          ADW_TYPE_NAVIGATION_VIEW)));
  ui_test_wait_frames (GTK_WIDGET (dialog), 3);
  g_assert_cmpstr (visible_page_tag (dialog), ==, "source");
}

static void
test_add_with_zone (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GTimeZone) chosen = g_time_zone_new_identifier (CHOSEN_ZONE);
  g_autoptr (GDateTime) first_day = NULL;
  g_autoptr (GDateTime) last_day = NULL;
  g_autofree char *id = NULL;
  g_autofree char *saved_zone = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *last = NULL;
  Oc3AddConferenceDialog *dialog;
  AdwComboRow *zone_row;
  GtkEditable *address;
  Oc3Window *window;

  id = oc3_program_source_id_for_location (url);
  window = open_window (1100, 760);

  /* Add Conference…: the local zone is chosen to begin with. */
  dialog = open_dialog (window);
  zone_row = ADW_COMBO_ROW (ui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  g_assert_cmpstr (selected_zone (zone_row), ==, LOCAL_ZONE);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (zone_row)), >, 300);
  g_assert_true (adw_combo_row_get_enable_search (zone_row));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "Asia/Tokyo"));

  /* Not an address: said in the dialog, which stays on its first page. */
  address = GTK_EDITABLE (ui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (address, "ftp://example.org/schedule.xml");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-conference.next", NULL));
  g_assert_true (ui_test_wait_until (has_error, dialog));
  g_assert_cmpstr (oc3_add_conference_dialog_get_error (dialog), ==, "Enter an address that starts with https://");
  g_assert_cmpstr (visible_page_tag (dialog), ==, "source");

  /* The address of a zone-less schedule.xml, and the conference's zone. */
  gtk_editable_set_text (address, url);
  g_assert_null (oc3_add_conference_dialog_get_error (dialog));
  choose_zone (zone_row, CHOSEN_ZONE);
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "America/New York"));
  ui_test_screenshot (GTK_WIDGET (window), "test-add-conference-address");

  /* The preview: title, days, talks, and the zone its times were read in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-conference.next", NULL));
  g_assert_true (ui_test_wait_until (shows_preview, dialog));
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  first_day = g_date_time_new (chosen, 2024, 2, 3, 0, 0, 0);
  last_day = g_date_time_new (chosen, 2024, 2, 4, 0, 0, 0);
  first_text = oc3_time_format_day (first_day, chosen);
  last_text = oc3_time_format_day (last_day, chosen);
  dates = g_strdup_printf ("%s to %s", first_text, last_text);
  g_assert_cmpstr (dates, ==, "Saturday, 3 February 2024 to Sunday, 4 February 2024");
  g_assert_null (oc3_add_conference_dialog_get_error (dialog));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "FOSDEM 2024"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), dates));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "5 talks"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "America/New York · EST (UTC-05:00)"));
  /* Enter adds it: the keyboard is on Add. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "_Add");
  }
  /* From this machine: plain http is not a risk worth a warning. */
  g_assert_false (ui_test_shows_text (GTK_WIDGET (dialog), "Not secure: the program comes over plain http"));
  ui_test_screenshot (GTK_WIDGET (window), "test-add-conference-preview");
  ui_test_set_dark (GTK_WIDGET (window), TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "test-add-conference-preview-dark");
  ui_test_set_dark (GTK_WIDGET (window), FALSE);

  /* Back, another zone is another reading: the preview follows it. */
  go_back (dialog);
  choose_zone (zone_row, "Europe/Brussels");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-conference.next", NULL));
  g_assert_true (ui_test_wait_until (shows_preview, dialog));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "Europe/Brussels · CET (UTC+01:00)"));
  g_assert_false (ui_test_shows_text (GTK_WIDGET (dialog), "America/New York · EST (UTC-05:00)"));
  go_back (dialog);
  choose_zone (zone_row, CHOSEN_ZONE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-conference.next", NULL));
  g_assert_true (ui_test_wait_until (shows_preview, dialog));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "America/New York · EST (UTC-05:00)"));

  /* Added: shown, with the talk at 09:30 New York time, and the zone kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-conference.add", NULL));
  g_assert_true (ui_test_wait_until (has_no_dialog, window));
  g_assert_true (ui_test_wait_until (shows_fosdem, window));
  assert_welcome_in_zone (window, CHOSEN_ZONE);
  saved_zone = lookup_saved_zone (id);
  g_assert_cmpstr (saved_zone, ==, CHOSEN_ZONE);
  last = g_settings_get_string (settings, "last-conference");
  g_assert_cmpstr (last, ==, id);
  ui_test_destroy_window (GTK_WINDOW (window));

  /* A restart, with the server down: the cached copy, read in the same
   * zone (the local one would put the talk at 09:30 in Tokyo). */
  server_down = TRUE;
  window = open_window (1100, 760);
  g_assert_true (ui_test_wait_until (shows_fosdem, window));
  assert_welcome_in_zone (window, CHOSEN_ZONE);
  ui_test_destroy_window (GTK_WINDOW (window));
  server_down = FALSE;
}

/* A phone: both pages fit 360 px. */
static void
test_narrow (void)
{
  Oc3Window *window = open_window (360, 720);
  Oc3AddConferenceDialog *dialog = open_dialog (window);
  AdwComboRow *zone_row = ADW_COMBO_ROW (ui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  gtk_editable_set_text (GTK_EDITABLE (ui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), url);
  choose_zone (zone_row, "America/Argentina/Rio_Gallegos");
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  ui_test_assert_fits_width (GTK_WIDGET (window), gtk_widget_get_width (GTK_WIDGET (window)));
  /* As a bottom sheet, tall enough for its wrapped texts: the zone row is
   * on screen, not scrolled off below. */
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (zone_row), GTK_WIDGET (window), &bounds));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));
  }
  ui_test_screenshot (GTK_WIDGET (window), "test-add-conference-address-360");
  ui_test_set_dark (GTK_WIDGET (window), TRUE);
  ui_test_screenshot (GTK_WIDGET (window), "test-add-conference-address-360-dark");
  ui_test_set_dark (GTK_WIDGET (window), FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-conference.next", NULL));
  g_assert_true (ui_test_wait_until (shows_preview, dialog));
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  ui_test_assert_fits_width (GTK_WIDGET (window), gtk_widget_get_width (GTK_WIDGET (window)));
  ui_test_screenshot (GTK_WIDGET (window), "test-add-conference-preview-360");

  adw_dialog_close (ADW_DIALOG (dialog));
  g_assert_true (ui_test_wait_until (has_no_dialog, window));
  ui_test_destroy_window (GTK_WINDOW (window));
}

/* The tests' FOSDEM-style schedule.xml, as a file:// address. */
static char *
fosdem_style_uri (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "tests", "xml", "data",
                                            "fosdem-style.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return g_file_get_uri (file);
}

/* A file added with a zone reads in it, also after a restart; removing the
 * conference forgets its zone. */
static void
test_file_keeps_zone (void)
{
  g_autoptr (GTimeZone) chosen = g_time_zone_new_identifier (CHOSEN_ZONE);
  g_autofree char *uri = fosdem_style_uri ();
  g_autofree char *id = oc3_program_source_id_for_location (uri);
  g_autofree char *saved_zone = NULL;
  g_autofree char *forgotten = NULL;
  AdwDialog *confirm;
  Oc3Window *window;

  window = open_window (1100, 760);
  oc3_window_add_conference (window, uri, "fosdem-style.xml", chosen);
  g_assert_true (ui_test_wait_until (shows_fosdem, window));
  assert_welcome_in_zone (window, CHOSEN_ZONE);
  ui_test_destroy_window (GTK_WINDOW (window));

  window = open_window (1100, 760);
  g_assert_true (ui_test_wait_until (shows_fosdem, window));
  assert_welcome_in_zone (window, CHOSEN_ZONE);
  saved_zone = lookup_saved_zone (id);
  g_assert_cmpstr (saved_zone, ==, CHOSEN_ZONE);

  /* Remove Conference…, confirmed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-conference", NULL));
  confirm = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (confirm));
  g_signal_emit_by_name (confirm, "response", "remove");
  adw_dialog_force_close (confirm);
  g_assert_true (ui_test_wait_until (has_no_dialog, window));
  forgotten = lookup_saved_zone (id);
  g_assert_null (forgotten);
  /* The window went back to a bundled edition: let it finish reading it. */
  g_assert_true (ui_test_wait_until (ui_test_window_has_conference, window));
  ui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
welcome_in_brussels (gpointer window)
{
  Oc3Conference *conference = oc3_window_get_conference (window);

  return conference != NULL &&
         g_strcmp0 (oc3_conference_get_time_zone_identifier (conference), "Europe/Brussels") == 0;
}

/* Conference Time Zone…: the Add dialog with the conference's address (or
 * file) and zone filled in; another zone moves its talks, keeps their stars,
 * marks none of them changed, and is kept. */
static void
change_zone_of (const char *location)
{
  g_autoptr (GTimeZone) chosen = g_time_zone_new_identifier (CHOSEN_ZONE);
  g_autofree char *id = oc3_program_source_id_for_location (location);
  g_autofree char *saved_zone = NULL;
  Oc3AddConferenceDialog *dialog;
  AdwComboRow *zone_row;
  Oc3Timeline *timeline;
  Oc3Window *window;

  window = open_window (1100, 760);
  oc3_window_add_conference (window, location, "FOSDEM", chosen);
  g_assert_true (ui_test_wait_until (shows_fosdem, window));
  assert_welcome_in_zone (window, CHOSEN_ZONE);
  oc3_window_set_starred (window, WELCOME_GUID, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.change-zone", NULL));
  dialog = OC3_ADD_CONFERENCE_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_true (OC3_IS_ADD_CONFERENCE_DIALOG (dialog));
  ui_test_wait_mapped (GTK_WIDGET (dialog));
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Conference Time Zone");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_test_find_descendant (GTK_WIDGET (dialog),
                                                                                 ADW_TYPE_ENTRY_ROW))), ==, location);
  zone_row = ADW_COMBO_ROW (ui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  g_assert_cmpstr (selected_zone (zone_row), ==, CHOSEN_ZONE);
  ui_test_screenshot (GTK_WIDGET (window), "test-add-conference-change-zone");

  choose_zone (zone_row, "Europe/Brussels");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-conference.next", NULL));
  g_assert_true (ui_test_wait_until (shows_preview, dialog));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "Europe/Brussels · CET (UTC+01:00)"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "Apply"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-conference.add", NULL));
  g_assert_true (ui_test_wait_until (has_no_dialog, window));

  g_assert_true (ui_test_wait_until (welcome_in_brussels, window));
  assert_welcome_in_zone (window, "Europe/Brussels");
  g_assert_true (oc3_agenda_is_starred (oc3_application_peek_agenda (app), WELCOME_GUID));
  /* The program did not change, only where its times are read. */
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  timeline = oc3_schedule_view_get_timeline (oc3_window_get_schedule_view (window));
  g_assert_false (oc3_talk_block_get_changed (OC3_TALK_BLOCK (oc3_timeline_find_block (timeline, WELCOME_GUID))));
  saved_zone = lookup_saved_zone (id);
  g_assert_cmpstr (saved_zone, ==, "Europe/Brussels");
  ui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_change_zone_of_file (void)
{
  g_autofree char *uri = fosdem_style_uri ();

  change_zone_of (uri);
}

static void
test_change_zone_of_web_program (void)
{
  change_zone_of (url);
}

/* oc3 FILE: the local zone, kept by its name. */
static void
test_open_file_uses_local_zone (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "tests", "xml", "data",
                                            "fosdem-style.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *id = oc3_program_source_id_for_location (uri);
  g_autofree char *saved_zone = NULL;
  Oc3Window *window;

  window = open_window (1100, 760);
  oc3_window_open_file (window, file);
  g_assert_true (ui_test_wait_until (shows_fosdem, window));
  assert_welcome_in_zone (window, LOCAL_ZONE);
  saved_zone = lookup_saved_zone (id);
  g_assert_cmpstr (saved_zone, ==, LOCAL_ZONE);
  ui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GTimeZone) local = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GSList) uris = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  /* Before anything asks GLib for the local zone. */
  g_setenv ("TZ", LOCAL_ZONE, TRUE);
  oc3_test_isolate_user_dirs ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  /* Screenshots show where pages end up, not half-way through a slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  local = g_time_zone_new_local ();
  g_assert_cmpstr (g_time_zone_get_identifier (local), ==, LOCAL_ZONE);

  /* A FOSDEM-style schedule.xml, served as FOSDEM serves it. */
  path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "tests", "xml", "data", "fosdem-style.xml", NULL);
  g_file_get_contents (path, &served_body, NULL, &error);
  g_assert_no_error (error);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/fosdem/schedule.xml", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_test_add_func ("/add-conference/with-zone", test_add_with_zone);
  g_test_add_func ("/add-conference/narrow", test_narrow);
  g_test_add_func ("/add-conference/file-keeps-zone", test_file_keeps_zone);
  g_test_add_func ("/add-conference/open-file-uses-local-zone", test_open_file_uses_local_zone);
  g_test_add_func ("/add-conference/change-zone-of-file", test_change_zone_of_file);
  g_test_add_func ("/add-conference/change-zone-of-web-program", test_change_zone_of_web_program);

  status = ui_test_run_with_application (&app);
  g_clear_pointer (&url, g_free);
  g_clear_pointer (&served_body, g_free);

  return status;
}
