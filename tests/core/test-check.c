/* test-check.c — `oc3 --check FILE|URL [--json]`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "oc3-check.h"
#include "oc3-schedule.h"
#include "test-util.h"

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("OC3_TEST_DATA"), name, NULL);
}

static void
test_summary_text (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("zone-contradiction.json");
  g_autofree char *summary = oc3_check_format_summary (conference, FALSE);

  g_assert_cmpstr (summary, ==,
                   "Title: Zone contradiction\n"
                   "Days: 1\n"
                   "Rooms: 1\n"
                   "Tracks: 0\n"
                   "Talks: 1\n"
                   "Persons: 0\n"
                   "Time zone: +01:00\n"
                   "Warnings: 1\n"
                   "  schedule.conference.time_zone_name: \"UTC\" contradicts the offsets of the "
                   "times (+01:00); using +01:00\n");
}

#define MODEL_JSON \
  "{\"title\":\"Model test\",\"days\":2,\"rooms\":3,\"tracks\":3,\"talks\":6,\"persons\":3," \
  "\"time_zone\":\"Europe/Berlin\",\"warnings\":[]}\n"

static void
test_summary_json (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("oddities.json");
  g_autofree char *summary = oc3_check_format_summary (conference, TRUE);
  g_autoptr (Oc3Conference) model = test_load_data ("model.json");
  g_autofree char *model_summary = oc3_check_format_summary (model, TRUE);

  g_assert_cmpstr (model_summary, ==, MODEL_JSON);
  g_assert_true (g_str_has_prefix (summary,
                                   "{\"title\":\"Ödd Cön 2024\",\"days\":3,\"rooms\":4,"
                                   "\"tracks\":6,\"talks\":7,\"persons\":7,"
                                   "\"time_zone\":\"Europe/Berlin\",\"warnings\":["
                                   "\"schedule.conference.days[0].rooms[\\\"Hall 1\\\"]"
                                   "[1].subtitle: a lone UTF-16 surrogate"));
  g_assert_true (g_str_has_suffix (summary, "[1].title: missing\"]}\n"));
}

/* oc3_check_main() itself, in a child whose stdout and stderr are checked. */
static void
test_main_file (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = data_path ("model.json");

      exit (oc3_check_main (path, TRUE));
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (MODEL_JSON);
  g_test_trap_assert_stderr ("");
}

static void
test_main_text (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = data_path ("model.json");

      exit (oc3_check_main (path, FALSE));
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Title: Model test\nDays: 2\nRooms: 3\nTracks: 3\nTalks: 6\n"
                             "Persons: 3\nTime zone: Europe/Berlin\nWarnings: 0\n");
}

static void
test_main_missing (void)
{
  if (g_test_subprocess ())
    exit (oc3_check_main ("/nonexistent/schedule.json", FALSE));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("oc3: Error opening file /nonexistent/schedule.json: "
                             "No such file or directory\n");
}

static void
test_main_broken (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = NULL;
      int fd = g_file_open_tmp ("oc3-check-XXXXXX.json", &path, &error);
      int status;

      g_assert_no_error (error);
      close (fd);
      g_file_set_contents (path, "{\"schedule\": {\"conference\": {\"days\": [42]}}}", -1, &error);
      g_assert_no_error (error);
      status = oc3_check_main (path, TRUE);
      g_unlink (path);
      exit (status);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("oc3: schedule.conference.days[0]: expected an object, "
                             "got a number\n");
}

/* --- downloads, from a server in a thread of its own ---------------------------- */

typedef struct {
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  GMutex        mutex;
  GCond         cond;
  char         *base_url;
  char         *user_agent;
  GBytes       *schedule;
} Server;

static void
serve_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Server *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  g_mutex_lock (&self->mutex);
  g_free (self->user_agent);
  self->user_agent = g_strdup (soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "User-Agent"));
  g_mutex_unlock (&self->mutex);

  if (g_str_equal (path, "/schedule.json"))
    {
      gsize length;
      const char *data = g_bytes_get_data (self->schedule, &length);

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        data, length);
    }
  else if (g_str_equal (path, "/portal"))
    {
      const char *page = "<html><body>Please log in</body></html>";

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
    }
  else if (g_str_equal (path, "/huge"))
    {
      /* Never read: the announced length is over the limit. */
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_length (headers, OC3_CHECK_MAX_DOWNLOAD + 1);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
      soup_message_headers_set_content_length (headers, OC3_CHECK_MAX_DOWNLOAD + 1);
    }
  else if (g_str_equal (path, "/endless"))
    {
      /* No length announced: the reader has to stop by itself. */
      gsize size = OC3_CHECK_MAX_DOWNLOAD + 64 * 1024;

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_append_take (soup_server_message_get_response_body (message),
                                     memset (g_malloc (size), ' ', size), size);
      soup_message_body_complete (soup_server_message_get_response_body (message));
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static gpointer
server_thread (gpointer data)
{
  Server *self = data;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve_cb, self, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_mutex_lock (&self->mutex);
  self->base_url = g_uri_to_string (uris->data);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (server);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static void
server_start (Server *self)
{
  g_autofree char *path = data_path ("model.json");
  g_autoptr (GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  self->schedule = g_bytes_new_take (contents, length);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);

  g_mutex_lock (&self->mutex);
  self->thread = g_thread_new ("server", server_thread, self);
  while (self->base_url == NULL)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static void
server_stop (Server *self)
{
  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->base_url);
  g_free (self->user_agent);
  g_bytes_unref (self->schedule);
}

static char *
server_url (Server     *self,
            const char *path)
{
  /* base_url ends in "/". */
  return g_strconcat (self->base_url, path + 1, NULL);
}

static void
test_fetch (void)
{
  Server server = { NULL, };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *url = NULL;
  g_autofree char *message = NULL;

  server_start (&server);

  url = server_url (&server, "/schedule.json");
  bytes = oc3_check_fetch (url, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, server.schedule));
  g_assert_cmpstr (server.user_agent, ==, "OC3/" PACKAGE_VERSION);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&url, g_free);

  url = server_url (&server, "/missing");
  bytes = oc3_check_fetch (url, &error);
  g_assert_null (bytes);
  message = g_strdup_printf ("%s: the server answered 404 Not Found", url);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_clear_pointer (&url, g_free);
  g_clear_pointer (&message, g_free);

  url = server_url (&server, "/huge");
  bytes = oc3_check_fetch (url, &error);
  g_assert_null (bytes);
  message = g_strdup_printf ("%s: the schedule is larger than 32 MiB", url);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_clear_pointer (&url, g_free);
  g_clear_pointer (&message, g_free);

  url = server_url (&server, "/endless");
  bytes = oc3_check_fetch (url, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);
  g_clear_pointer (&url, g_free);

  server_stop (&server);
}

static void
test_main_url (void)
{
  Server server = { NULL, };
  g_autofree char *url = NULL;
  g_autofree char *portal = NULL;

  if (g_test_subprocess ())
    exit (oc3_check_main (g_getenv ("OC3_CHECK_URL"), TRUE));

  server_start (&server);
  url = server_url (&server, "/schedule.json");
  portal = server_url (&server, "/portal");

  g_setenv ("OC3_CHECK_URL", url, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (MODEL_JSON);

  g_setenv ("OC3_CHECK_URL", portal, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDIN);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("oc3: (root): not JSON but an HTML page (from a captive portal "
                             "or a web server error?)\n");

  g_unsetenv ("OC3_CHECK_URL");
  server_stop (&server);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/summary-text", test_summary_text);
  g_test_add_func ("/check/summary-json", test_summary_json);
  g_test_add_func ("/check/main-file", test_main_file);
  g_test_add_func ("/check/main-text", test_main_text);
  g_test_add_func ("/check/main-missing", test_main_missing);
  g_test_add_func ("/check/main-broken", test_main_broken);
  g_test_add_func ("/check/fetch", test_fetch);
  g_test_add_func ("/check/main-url", test_main_url);

  return g_test_run ();
}
