/* test-program-source.c — refreshing a program from a real HTTP server on
 * loopback: the first download, a 304 that costs no parse, a changed program
 * with its list of changes, and failures that keep the last good copy; a
 * program whose times carry no zone, read in the zone its conference was
 * added with, from the network and from the cache after a restart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "oc3-program-change.h"
#include "oc3-program-source.h"
#include "oc3-schedule.h"

/* What the test server answers, changed by each test step. */
static struct {
  const char *body;
  const char *content_type;
  const char *etag;
  guint       status;
  guint       requests;
  gboolean    conditional_seen;
} server_state;

static const char program_v1[] =
  "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"t\", \"title\": \"Test\", "
  "\"start\": \"2024-03-13\", \"end\": \"2024-03-13\", \"daysCount\": 1, \"timeslot_duration\": \"00:15\", "
  "\"time_zone_name\": \"Europe/Berlin\", \"days\": [{\"index\": 1, \"date\": \"2024-03-13\", "
  "\"day_start\": \"2024-03-13T08:00:00+01:00\", \"day_end\": \"2024-03-13T20:00:00+01:00\", \"rooms\": {"
  "\"Hall\": ["
  "{\"guid\": \"a\", \"id\": 1, \"title\": \"Opening\", \"room\": \"Hall\", \"date\": \"2024-03-13T10:00:00+01:00\", \"start\": \"10:00\", \"duration\": \"0:30\", \"persons\": []},"
  "{\"guid\": \"b\", \"id\": 2, \"title\": \"Keynote\", \"room\": \"Hall\", \"date\": \"2024-03-13T11:00:00+01:00\", \"start\": \"11:00\", \"duration\": \"0:45\", \"persons\": []}"
  "]}}]}}}";

/* Talk a moved to 12:00; talk b cancelled. */
static const char program_v2[] =
  "{\"schedule\": {\"version\": \"2\", \"conference\": {\"acronym\": \"t\", \"title\": \"Test\", "
  "\"start\": \"2024-03-13\", \"end\": \"2024-03-13\", \"daysCount\": 1, \"timeslot_duration\": \"00:15\", "
  "\"time_zone_name\": \"Europe/Berlin\", \"days\": [{\"index\": 1, \"date\": \"2024-03-13\", "
  "\"day_start\": \"2024-03-13T08:00:00+01:00\", \"day_end\": \"2024-03-13T20:00:00+01:00\", \"rooms\": {"
  "\"Hall\": ["
  "{\"guid\": \"a\", \"id\": 1, \"title\": \"Opening\", \"room\": \"Hall\", \"date\": \"2024-03-13T12:00:00+01:00\", \"start\": \"12:00\", \"duration\": \"0:30\", \"persons\": []}"
  "]}}]}}}";

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");

  server_state.requests++;
  if (if_none_match != NULL)
    server_state.conditional_seen = TRUE;

  if (server_state.etag != NULL && g_strcmp0 (if_none_match, server_state.etag) == 0)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (message, server_state.status, NULL);
  if (server_state.etag != NULL)
    soup_message_headers_replace (response, "ETag", server_state.etag);
  soup_server_message_set_response (message, server_state.content_type, SOUP_MEMORY_STATIC,
                                    server_state.body, strlen (server_state.body));
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
refresh_and_wait (Oc3ProgramSource  *source,
                  Oc3Conference     *current,
                  Oc3Conference    **new_program,
                  GListModel       **changes,
                  GError           **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  oc3_program_source_refresh_async (source, current, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return oc3_program_source_refresh_finish (source, result, new_program, changes, error);
}

static void
test_refresh_cycle (void)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *cache_dir = g_dir_make_tmp ("oc3-source-XXXXXX", NULL);
  g_autoptr (Oc3ProgramCache) cache = oc3_program_cache_new (cache_dir);
  g_autoptr (Oc3ProgramFetcher) fetcher = oc3_program_fetcher_new ();
  g_autoptr (Oc3ProgramSource) source = NULL;
  g_autoptr (Oc3Conference) first = NULL;
  g_autoptr (Oc3Conference) second = NULL;
  g_autoptr (Oc3Conference) unchanged = NULL;
  g_autoptr (Oc3Conference) none = NULL;
  g_autoptr (GListModel) changes = NULL;
  g_autoptr (Oc3ProgramChange) moved = NULL;
  g_autoptr (Oc3ProgramChange) cancelled = NULL;
  g_autoptr (GSList) uris = NULL;
  g_autofree char *url = NULL;

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/schedule.json", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  source = oc3_program_source_new ("test", cache, fetcher);
  oc3_program_source_set_url (source, url);

  /* The first download. */
  server_state.body = program_v1;
  server_state.content_type = "application/json";
  server_state.etag = "\"v1\"";
  server_state.status = SOUP_STATUS_OK;
  g_assert_true (refresh_and_wait (source, NULL, &first, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpuint (g_list_model_get_n_items (oc3_conference_get_talks (first)), ==, 2);
  g_assert_nonnull (oc3_program_source_get_fetched_at (source));

  /* Unchanged: a conditional request, answered 304, and no new program. */
  g_assert_true (refresh_and_wait (source, first, &unchanged, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (unchanged);
  g_assert_true (server_state.conditional_seen);

  /* A captive portal's page: an error, and the last good copy stays. */
  server_state.body = "<!DOCTYPE html><html><body>Log in to the Wi-Fi</body></html>";
  server_state.content_type = "text/html";
  server_state.etag = NULL;
  g_assert_false (refresh_and_wait (source, first, &none, NULL, &error));
  g_assert_error (error, OC3_FETCH_ERROR, OC3_FETCH_ERROR_NOT_A_SCHEDULE);
  g_clear_error (&error);
  g_assert_null (none);

  /* A new edition: a moved and a cancelled talk. */
  server_state.body = program_v2;
  server_state.content_type = "application/json";
  server_state.etag = "\"v2\"";
  g_assert_true (refresh_and_wait (source, first, &second, &changes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  moved = g_list_model_get_item (changes, 0);
  cancelled = g_list_model_get_item (changes, 1);
  g_assert_cmpstr (oc3_program_change_get_guid (moved), ==, "a");
  g_assert_cmpint (oc3_program_change_get_kinds (moved), ==, OC3_PROGRAM_CHANGE_MOVED);
  g_assert_cmpstr (oc3_program_change_get_guid (cancelled), ==, "b");
  g_assert_cmpint (oc3_program_change_get_kinds (cancelled), ==, OC3_PROGRAM_CHANGE_CANCELLED);

  /* A restart, offline: the cache holds the newest good program. It is
   * written in a thread, so a restart soon after may still find the one
   * before, whole; within seconds it finds the new one. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    guint n_talks = 0;

    while (n_talks != 1 && g_get_monotonic_time () < deadline)
      {
        g_autoptr (Oc3ProgramSource) restarted = oc3_program_source_new ("test", cache, fetcher);
        g_autoptr (GAsyncResult) result = NULL;
        g_autoptr (Oc3Conference) cached = NULL;

        oc3_program_source_load_cached_async (restarted, NULL, store_result_cb, &result);
        while (result == NULL)
          g_main_context_iteration (NULL, TRUE);
        cached = oc3_program_source_load_cached_finish (restarted, result, &error);
        g_assert_no_error (error);
        g_assert_nonnull (cached);
        n_talks = g_list_model_get_n_items (oc3_conference_get_talks (cached));
        g_assert_true (n_talks == 1 || n_talks == 2);
      }
    g_assert_cmpuint (n_talks, ==, 1);
  }
}

static Oc3Conference *
load_cached_and_wait (Oc3ProgramSource *source)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  Oc3Conference *cached;

  oc3_program_source_load_cached_async (source, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  cached = oc3_program_source_load_cached_finish (source, result, &error);
  g_assert_no_error (error);

  return cached;
}

/* The start of the talk @guid, as an ISO 8601 string with its offset. */
static char *
talk_start (Oc3Conference *conference,
            const char    *guid)
{
  Oc3Talk *talk = oc3_conference_lookup_talk (conference, guid);

  g_assert_nonnull (talk);
  return g_date_time_format_iso8601 (oc3_talk_get_start (talk));
}

/* FOSDEM's schedule.xml gives no zone: the one chosen when adding the
 * conference applies to the download and, after a restart, to the cached
 * copy. The test runs with TZ=UTC, so the local zone would read 09:30 as
 * 09:30Z. */
static void
test_default_zone (void)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *cache_dir = g_dir_make_tmp ("oc3-source-XXXXXX", NULL);
  g_autoptr (Oc3ProgramCache) cache = oc3_program_cache_new (cache_dir);
  g_autoptr (Oc3ProgramFetcher) fetcher = oc3_program_fetcher_new ();
  g_autoptr (GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (Oc3ProgramSource) source = NULL;
  g_autoptr (Oc3Conference) downloaded = NULL;
  g_autoptr (Oc3Conference) cached = NULL;
  g_autoptr (Oc3Conference) cached_local = NULL;
  g_autoptr (GSList) uris = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *url = NULL;
  g_autofree char *start = NULL;
  const char *welcome = "7a1c1a4e-1f6b-5b1e-9c3d-000000002001";
  const char *late_night = "7a1c1a4e-1f6b-5b1e-9c3d-000000002003";

  path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "tests", "xml", "data", "fosdem-style.xml", NULL);
  g_file_get_contents (path, &body, NULL, &error);
  g_assert_no_error (error);

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/schedule.xml", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  server_state.body = body;
  server_state.content_type = "application/xml";
  server_state.etag = "\"fosdem\"";
  server_state.status = SOUP_STATUS_OK;

  source = oc3_program_source_new ("fosdem", cache, fetcher);
  oc3_program_source_set_url (source, url);
  oc3_program_source_set_default_zone (source, new_york);
  g_assert_true (oc3_program_source_get_default_zone (source) == new_york);

  g_assert_true (refresh_and_wait (source, NULL, &downloaded, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (downloaded);
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (downloaded), ==, "America/New_York");
  start = talk_start (downloaded, welcome);
  g_assert_cmpstr (start, ==, "2024-02-03T09:30:00-05");
  g_clear_pointer (&start, g_free);
  /* After the day change: the next morning, still in that zone. */
  start = talk_start (downloaded, late_night);
  g_assert_cmpstr (start, ==, "2024-02-04T00:30:00-05");
  g_clear_pointer (&start, g_free);

  /* A restart, offline: a new source for the same conference, given the
   * same zone again, reads the cached copy in it. The cache is written in a
   * thread, so it may take a moment to appear. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (cached == NULL && g_get_monotonic_time () < deadline)
      {
        g_autoptr (Oc3ProgramSource) restarted = oc3_program_source_new ("fosdem", cache, fetcher);

        oc3_program_source_set_default_zone (restarted, new_york);
        cached = load_cached_and_wait (restarted);
        if (cached == NULL)
          g_usleep (G_USEC_PER_SEC / 20);
      }
  }
  g_assert_nonnull (cached);
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (cached), ==, "America/New_York");
  start = talk_start (cached, welcome);
  g_assert_cmpstr (start, ==, "2024-02-03T09:30:00-05");
  g_clear_pointer (&start, g_free);

  /* The cache keeps the program as it came, not a reading of it: without a
   * zone the same copy reads in the local one (UTC here). */
  {
    g_autoptr (Oc3ProgramSource) restarted = oc3_program_source_new ("fosdem", cache, fetcher);

    cached_local = load_cached_and_wait (restarted);
  }
  g_assert_nonnull (cached_local);
  start = talk_start (cached_local, welcome);
  g_assert_cmpstr (start, ==, "2024-02-03T09:30:00Z");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* No proxy lookups through the desktop's settings in a test. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_add_func ("/program-source/refresh-cycle", test_refresh_cycle);
  g_test_add_func ("/program-source/default-zone", test_default_zone);

  return g_test_run ();
}
