/* bench-refresh.c — a full refresh of the 39C3 program from a server on
 * loopback (download, parse, compare with the previous copy, store) against
 * parsing alone; and a 304 refresh. Target: the full refresh ≤ 2× the parse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "oc3-program-source.h"
#include "oc3-schedule.h"

#define RUNS 9

static GBytes *program;
static gboolean changed_each_time;
static guint serial;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  g_autofree char *etag = g_strdup_printf ("\"%u\"", serial);

  if (!changed_each_time && g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), etag) == 0)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "ETag", etag);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (program, NULL), g_bytes_get_size (program));
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static double
refresh_once (Oc3ProgramSource *source,
              Oc3Conference    *current)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (Oc3Conference) fresh = NULL;
  g_autoptr (GListModel) changes = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  oc3_program_source_refresh_async (source, current, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!oc3_program_source_refresh_finish (source, result, &fresh, &changes, &error))
    g_error ("refresh failed: %s", error->message);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("OC3_FIXTURES");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", "c3voc-39C3_everything.schedule.json", NULL);
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *cache_dir = g_dir_make_tmp ("oc3-bench-XXXXXX", NULL);
  g_autoptr (Oc3ProgramCache) cache = oc3_program_cache_new (cache_dir);
  g_autoptr (Oc3ProgramFetcher) fetcher = oc3_program_fetcher_new ();
  g_autoptr (Oc3ProgramSource) source = NULL;
  g_autoptr (Oc3Conference) current = NULL;
  g_autoptr (GSList) uris = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *contents = NULL;
  double parse[RUNS], full[RUNS], unchanged[RUNS];
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      g_print ("skipped: %s is missing\n", path);
      return 77;
    }
  program = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/schedule.json", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  source = oc3_program_source_new ("bench", cache, fetcher);
  oc3_program_source_set_url (source, url);
  current = oc3_schedule_parse (program, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (Oc3Conference) parsed = oc3_schedule_parse (program, NULL);

      parse[i] = (g_get_monotonic_time () - start) / 1000.0;
      changed_each_time = TRUE;
      serial++;
      full[i] = refresh_once (source, current);
    }

  /* The last program's durable write to the cache finishes in a thread. */
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  changed_each_time = FALSE;
  for (guint i = 0; i < RUNS; i++)
    unchanged[i] = refresh_once (source, current);

  g_print ("39C3 from loopback, median of %d: parse alone %.1f ms; full refresh (download, parse, "
           "compare, store) %.1f ms = %.2fx the parse (target: at most 2x); 304 refresh %.2f ms\n",
           RUNS, median (parse), median (full), median (full) / median (parse), median (unchanged));
  return 0;
}
