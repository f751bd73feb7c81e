/* test-program-fetcher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "oc3-program-cache.h"
#include "oc3-program-fetcher.h"

/* Every test talks real HTTP to servers on 127.0.0.1 in this process: a
 * SoupServer for well-formed answers, and a hand-written one (in threads,
 * with blocking I/O) for what SoupServer would refuse to send: bodies that
 * never end, lie about their length, or trickle. */

#define PROGRAM "{\"schedule\": {\"version\": \"1.0\", \"conference\": {\"title\": \"OC3\"}}}"
#define LAST_MODIFIED "Sat, 28 Dec 2024 10:00:00 GMT"
#define HTML_PAGE "<!DOCTYPE html>\n<html><head><title>Log in to CongressWiFi</title></head>" \
                  "<body><form>…</form></body></html>"
#define XML_PROGRAM "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule><version>1</version>" \
                    "</schedule>"

typedef struct
{
  SoupServer     *server;
  char           *base;
  /* Kept to the end: disconnecting it right after a failed handshake trips
   * an assertion in libsoup 3.6. */
  SoupServer     *tls_server;
  GSocketService *raw;
  char           *raw_base;
  GSocket        *silent;
  char           *silent_port;

  int             requests;         /* Atomic: requests to either server. */
  int             raw_active;       /* Atomic: raw handlers running. */
  int             stop;             /* Atomic: raw handlers should end. */
  gint64          raw_written;      /* Under lock: body bytes the last raw answer sent. */
  GMutex          lock;

  char           *user_agent;
  char           *if_none_match;
  char           *if_modified_since;
  char           *accept_encoding;
  guint           flaky_requests;
  GBytes         *big_program;
  GBytes         *big_program_gzip;
} Servers;

static Servers servers;
static GThread *main_thread;
static GThread *validator_thread;
static GNetworkMonitor *online_monitor;

/* --- a network monitor whose answer the test chooses ---------------------- */

#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum {
  MONITOR_PROP_0,
  MONITOR_PROP_NETWORK_AVAILABLE,
  MONITOR_PROP_NETWORK_METERED,
  MONITOR_PROP_CONNECTIVITY,
};

static gboolean
test_monitor_can_reach (GNetworkMonitor     *monitor,
                        GSocketConnectable  *connectable,
                        GCancellable        *cancellable,
                        GError             **error)
{
  if (TEST_MONITOR (monitor)->available)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "offline");
  return FALSE;
}

static void
test_monitor_network_monitor_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = test_monitor_can_reach;
}

static gboolean
test_monitor_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
test_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      test_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      test_monitor_network_monitor_init))

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case MONITOR_PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    case MONITOR_PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;

    case MONITOR_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_NETWORK_AVAILABLE,
                                    "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_NETWORK_METERED,
                                    "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

static void
test_monitor_set_available (TestMonitor *self,
                            gboolean     available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* --- the well-behaved server ---------------------------------------------- */

static void
record (char       **field,
        const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");

  g_atomic_int_inc (&servers.requests);
  record (&servers.user_agent, soup_message_headers_get_one (request, "User-Agent"));
  record (&servers.if_none_match, if_none_match);
  record (&servers.if_modified_since, if_modified_since);
  record (&servers.accept_encoding, soup_message_headers_get_one (request, "Accept-Encoding"));

  if (g_str_equal (path, "/program.json"))
    {
      soup_message_headers_replace (response, "ETag", "\"v1\"");
      soup_message_headers_replace (response, "Last-Modified", LAST_MODIFIED);
      if (g_strcmp0 (if_none_match, "\"v1\"") == 0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        PROGRAM, strlen (PROGRAM));
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/last-modified.json"))
    {
      soup_message_headers_replace (response, "Last-Modified", LAST_MODIFIED);
      if (g_strcmp0 (if_modified_since, LAST_MODIFIED) == 0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        PROGRAM, strlen (PROGRAM));
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/gone"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_GONE, NULL);
    }
  else if (g_str_equal (path, "/flaky.json"))
    {
      if (servers.flaky_requests++ == 0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
          return;
        }
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        PROGRAM, strlen (PROGRAM));
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/forbidden"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
    }
  else if (g_str_equal (path, "/portal"))
    {
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        HTML_PAGE, strlen (HTML_PAGE));
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/portal-redirect"))
    {
      soup_message_headers_replace (response, "Location", "/portal");
      soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
    }
  else if (g_str_equal (path, "/schedule.xml"))
    {
      soup_server_message_set_response (msg, "application/xml", SOUP_MEMORY_STATIC,
                                        XML_PROGRAM, strlen (XML_PROGRAM));
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/invalid.json"))
    {
      const char *body = "{\"conference\": {}}";

      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        body, strlen (body));
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/gzip.json"))
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (servers.big_program_gzip, &size);

      g_assert_nonnull (strstr (servers.accept_encoding, "gzip"));
      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, data, size);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_has_prefix (path, "/redirect/"))
    {
      guint64 remaining = g_ascii_strtoull (path + strlen ("/redirect/"), NULL, 10);

      if (remaining == 0)
        {
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                            PROGRAM, strlen (PROGRAM));
          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
        }
      else
        {
          g_autofree char *next = g_strdup_printf ("/redirect/%" G_GUINT64_FORMAT, remaining - 1);

          /* Relative, absolute and every redirect status take turns. */
          const guint statuses[] = { 301, 302, 303, 307, 308 };
          if (remaining % 2 == 0)
            {
              g_autofree char *absolute = g_strconcat (servers.base, next, NULL);
              soup_message_headers_replace (response, "Location", absolute);
            }
          else
            soup_message_headers_replace (response, "Location", next);
          soup_server_message_set_status (msg, statuses[remaining % 5], NULL);
        }
    }
  else if (g_str_equal (path, "/loop"))
    {
      soup_message_headers_replace (response, "Location", "/loop");
      soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
    }
  else if (g_str_equal (path, "/to-ftp"))
    {
      soup_message_headers_replace (response, "Location", "ftp://127.0.0.1/program.json");
      soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

/* --- the misbehaving server ----------------------------------------------- */

static gboolean
write_text (GOutputStream *out,
            const char    *text,
            gsize          length)
{
  return g_output_stream_write_all (out, text, length, NULL, NULL, NULL);
}

static void
add_written (gint64 n)
{
  g_mutex_lock (&servers.lock);
  servers.raw_written += n;
  g_mutex_unlock (&servers.lock);
}

static gint64
get_written (void)
{
  gint64 n;

  g_mutex_lock (&servers.lock);
  n = servers.raw_written;
  g_mutex_unlock (&servers.lock);
  return n;
}

static gboolean
raw_run_cb (GThreadedSocketService *service,
            GSocketConnection      *connection,
            GObject                *source_object,
            gpointer                user_data)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) in = NULL;
  g_autofree char *request_line = NULL;
  g_auto(GStrv) words = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  const char *path;
  char filler[64 * 1024];

  g_atomic_int_inc (&servers.raw_active);
  g_atomic_int_inc (&servers.requests);
  g_mutex_lock (&servers.lock);
  servers.raw_written = 0;
  g_mutex_unlock (&servers.lock);
  memset (filler, ' ', sizeof filler);
  g_socket_set_timeout (g_socket_connection_get_socket (connection), 10);

  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  request_line = g_data_input_stream_read_line (in, NULL, NULL, NULL);
  if (request_line == NULL)
    goto out;
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);
      if (line == NULL || line[0] == '\0')
        break;
    }

  words = g_strsplit (request_line, " ", 3);
  path = words[1] ? words[1] : "/";

  if (g_str_equal (path, "/trickle"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: 100000\r\n\r\n{";

      if (!write_text (out, head, strlen (head)))
        goto out;
      /* A byte every 50 ms: never idle long, never done. */
      while (!g_atomic_int_get (&servers.stop) && g_get_monotonic_time () < deadline)
        {
          if (!write_text (out, " ", 1))
            break;
          add_written (1);
          g_usleep (50 * 1000);
        }
    }
  else if (g_str_equal (path, "/endless"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n";
      g_autofree char *chunk_head = g_strdup_printf ("%zx\r\n", sizeof filler);

      if (!write_text (out, head, strlen (head)))
        goto out;
      /* Until the client hangs up (or 1 GiB, should it never). */
      while (!g_atomic_int_get (&servers.stop) && get_written () < 1024 * 1024 * 1024 &&
             g_get_monotonic_time () < deadline)
        {
          if (!write_text (out, chunk_head, strlen (chunk_head)) ||
              !write_text (out, filler, sizeof filler) ||
              !write_text (out, "\r\n", 2))
            break;
          add_written (sizeof filler);
        }
    }
  else if (g_str_equal (path, "/huge-length"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: 10737418240\r\n\r\n";

      if (!write_text (out, head, strlen (head)))
        goto out;
      while (!g_atomic_int_get (&servers.stop) && g_get_monotonic_time () < deadline)
        {
          if (!write_text (out, filler, sizeof filler))
            break;
          add_written (sizeof filler);
        }
    }
  else if (g_str_equal (path, "/truncated"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: 1000\r\n\r\n{\"schedule\": {}}";

      write_text (out, head, strlen (head));
      write_text (out, filler, 500);
    }
  else if (g_str_equal (path, "/truncated-chunked"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"schedule\": {}}\r\n";

      /* No final zero-length chunk: the connection just ends. */
      write_text (out, head, strlen (head));
    }
  else if (g_str_equal (path, "/too-long"))
    {
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Connection: close\r\nContent-Length: 10\r\n\r\n"
                         "{\"schedule\": {}}";

      /* More than announced: libsoup stops at ten bytes. */
      write_text (out, head, strlen (head));
    }
  else
    {
      const char *answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
      write_text (out, answer, strlen (answer));
    }

out:
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  g_atomic_int_dec_and_test (&servers.raw_active);
  return TRUE;
}

static char *
listen_on_loopback (GSocketListener *listener)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);

  return g_strdup_printf ("http://127.0.0.1:%u",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
}

/* A socket that is listening, so connections complete in the kernel, but is
 * never accepted: nothing is ever answered, not even a TLS hello. */
static char *
silent_port (GSocket **out_socket)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *socket;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  effective = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  *out_socket = socket;
  return g_strdup_printf ("%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
}

static GBytes *
gzip (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL,
                             NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
servers_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new ("{\"schedule\": {\"events\": [");
  GSList *uris;

  g_mutex_init (&servers.lock);

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (big, "%s{\"id\": %u, \"title\": \"Talk number %u\"}",
                            i ? ", " : "", i, i);
  g_string_append (big, "]}}");
  servers.big_program = g_string_free_to_bytes (g_steal_pointer (&big));
  servers.big_program_gzip = gzip (servers.big_program);

  servers.server = soup_server_new ("server-header", "oc3-test ", NULL);
  soup_server_add_handler (servers.server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (servers.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (servers.server);
  servers.base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  servers.raw = g_threaded_socket_service_new (8);
  servers.raw_base = listen_on_loopback (G_SOCKET_LISTENER (servers.raw));
  g_signal_connect (servers.raw, "run", G_CALLBACK (raw_run_cb), NULL);
  g_socket_service_start (servers.raw);

  servers.silent_port = silent_port (&servers.silent);
}

static void
servers_stop (void)
{
  g_atomic_int_set (&servers.stop, 1);
  g_socket_service_stop (servers.raw);
  g_socket_listener_close (G_SOCKET_LISTENER (servers.raw));
  for (guint i = 0; i < 1000 && g_atomic_int_get (&servers.raw_active) > 0; i++)
    g_usleep (10 * 1000);
  g_assert_cmpint (g_atomic_int_get (&servers.raw_active), ==, 0);

  g_clear_object (&servers.raw);
  soup_server_disconnect (servers.server);
  g_clear_object (&servers.server);
  g_clear_object (&servers.tls_server);
  g_clear_object (&servers.silent);
  g_clear_pointer (&servers.base, g_free);
  g_clear_pointer (&servers.raw_base, g_free);
  g_clear_pointer (&servers.silent_port, g_free);
  g_clear_pointer (&servers.user_agent, g_free);
  g_clear_pointer (&servers.if_none_match, g_free);
  g_clear_pointer (&servers.if_modified_since, g_free);
  g_clear_pointer (&servers.accept_encoding, g_free);
  g_clear_pointer (&servers.big_program, g_bytes_unref);
  g_clear_pointer (&servers.big_program_gzip, g_bytes_unref);
}

/* --- fetching ----------------------------------------------------------------- */

/* The test's stand-in for the real parser: the body must be JSON with a
 * top-level object "schedule". */
static gpointer
validate_schedule (GBytes   *body,
                   gpointer  user_data,
                   GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  JsonNode *root;

  g_atomic_pointer_set (&validator_thread, g_thread_self ());

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "schedule"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "$: there is no “schedule” object");
      return NULL;
    }

  return json_node_ref (root);
}

static Oc3ProgramFetcher *
new_fetcher (void)
{
  Oc3ProgramFetcher *fetcher = oc3_program_fetcher_new ();

  oc3_program_fetcher_set_network_monitor (fetcher, online_monitor);
  return fetcher;
}

static void
got_result_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static Oc3FetchResult *
fetch_full (Oc3ProgramFetcher    *fetcher,
            const char           *url,
            const Oc3CacheEntry  *previous,
            Oc3FetchValidateFunc  validate,
            GCancellable         *cancellable,
            GError              **error)
{
  g_autoptr(GAsyncResult) async_result = NULL;

  oc3_program_fetcher_fetch_async (fetcher, url, previous, validate, NULL,
                                   (GDestroyNotify) json_node_unref, cancellable,
                                   got_result_cb, &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return oc3_program_fetcher_fetch_finish (fetcher, async_result, error);
}

static Oc3FetchResult *
fetch (Oc3ProgramFetcher   *fetcher,
       const char          *url,
       const Oc3CacheEntry *previous,
       GError             **error)
{
  return fetch_full (fetcher, url, previous, validate_schedule, NULL, error);
}

static char *
url_for (const char *path)
{
  return g_strconcat (servers.base, path, NULL);
}

static char *
raw_url_for (const char *path)
{
  return g_strconcat (servers.raw_base, path, NULL);
}

static void
assert_program (Oc3FetchResult *result,
                const char     *expected)
{
  g_assert_nonnull (result);
  g_assert_cmpint (result->status, ==, OC3_FETCH_STATUS_NEW);
  g_assert_nonnull (result->entry);
  g_assert_cmpmem (g_bytes_get_data (result->entry->program, NULL),
                   g_bytes_get_size (result->entry->program), expected, strlen (expected));
}

/* Fails the test unless @error is @code, and its message is for people. */
static void
assert_fetch_error (GError     *error,
                    int         code,
                    const char *fragment)
{
  g_assert_error (error, OC3_FETCH_ERROR, code);
  g_test_message ("%s", error->message);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” is not in the message “%s”", fragment, error->message);
}

/* --- tests ----------------------------------------------------------------- */

static void
test_etag (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) first = NULL;
  g_autoptr(Oc3FetchResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/program.json");
  g_autofree char *user_agent = g_strdup_printf ("OC3/%s (+https://www.oc3.dev/)",
                                                 PACKAGE_VERSION);
  JsonNode *parsed;

  g_atomic_pointer_set (&validator_thread, NULL);
  first = fetch (fetcher, url, NULL, &error);
  g_assert_no_error (error);
  assert_program (first, PROGRAM);
  g_assert_cmpstr (first->entry->url, ==, url);
  g_assert_cmpstr (first->entry->final_url, ==, url);
  g_assert_cmpstr (first->entry->etag, ==, "\"v1\"");
  g_assert_cmpstr (first->entry->last_modified, ==, LAST_MODIFIED);
  g_assert_nonnull (first->entry->fetched_at);
  g_assert_nonnull (first->checked_at);
  g_assert_cmpstr (servers.user_agent, ==, user_agent);
  g_assert_null (servers.if_none_match);

  /* Parsed off the main thread, and handed over. */
  parsed = first->parsed;
  g_assert_nonnull (parsed);
  g_assert_true (json_object_has_member (json_node_get_object (parsed), "schedule"));
  g_assert_nonnull (g_atomic_pointer_get (&validator_thread));
  g_assert_true (g_atomic_pointer_get (&validator_thread) != main_thread);

  g_atomic_pointer_set (&validator_thread, NULL);
  second = fetch (fetcher, url, first->entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->status, ==, OC3_FETCH_STATUS_NOT_MODIFIED);
  g_assert_null (second->entry);
  g_assert_null (second->parsed);
  g_assert_nonnull (second->checked_at);
  g_assert_cmpstr (servers.if_none_match, ==, "\"v1\"");
  g_assert_cmpstr (servers.if_modified_since, ==, LAST_MODIFIED);
  /* Nothing to read, nothing to parse. */
  g_assert_null (g_atomic_pointer_get (&validator_thread));
  g_assert_cmpuint (oc3_program_fetcher_get_bytes_received (fetcher), ==, 0);
}

static void
test_last_modified (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) first = NULL;
  g_autoptr(Oc3FetchResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/last-modified.json");

  first = fetch (fetcher, url, NULL, &error);
  g_assert_no_error (error);
  assert_program (first, PROGRAM);
  g_assert_null (first->entry->etag);
  g_assert_cmpstr (first->entry->last_modified, ==, LAST_MODIFIED);

  second = fetch (fetcher, url, first->entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->status, ==, OC3_FETCH_STATUS_NOT_MODIFIED);
  g_assert_null (servers.if_none_match);
  g_assert_cmpstr (servers.if_modified_since, ==, LAST_MODIFIED);
}

static void
test_previous_of_other_url (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(Oc3CacheEntry) previous = oc3_cache_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/program.json");

  /* The user changed the address: the old validators mean nothing there. */
  previous->url = url_for ("/old-address.json");
  previous->etag = g_strdup ("\"v1\"");
  result = fetch (fetcher, url, previous, &error);
  g_assert_no_error (error);
  assert_program (result, PROGRAM);
  g_assert_null (servers.if_none_match);
}

static void
test_gone (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  const char *paths[] = { "/nothing-here.json", "/gone" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = url_for (paths[i]);
      g_autoptr(Oc3FetchResult) result = fetch (fetcher, url, NULL, &error);

      g_assert_null (result);
      assert_fetch_error (error, OC3_FETCH_ERROR_GONE, "no longer at this address");
    }
}

static void
test_server_error_then_recovery (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) failed = NULL;
  g_autoptr(Oc3FetchResult) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/flaky.json");
  g_autofree char *forbidden = url_for ("/forbidden");

  servers.flaky_requests = 0;
  failed = fetch (fetcher, url, NULL, &error);
  g_assert_null (failed);
  assert_fetch_error (error, OC3_FETCH_ERROR_SERVER,
                      "The server had a problem (error 503). Try again later.");
  g_clear_error (&error);

  recovered = fetch (fetcher, url, NULL, &error);
  g_assert_no_error (error);
  assert_program (recovered, PROGRAM);

  g_assert_null (fetch (fetcher, forbidden, NULL, &error));
  assert_fetch_error (error, OC3_FETCH_ERROR_SERVER, "403");
}

static void
test_trickle_times_out (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = raw_url_for ("/trickle");
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  oc3_program_fetcher_set_timeout (fetcher, 500);
  result = fetch (fetcher, url, NULL, &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_TIMED_OUT, "took too long");
  g_assert_cmpint (elapsed, >=, 450 * 1000);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
  /* It was trickling, not stalled: bytes did arrive. */
  g_assert_cmpuint (oc3_program_fetcher_get_bytes_received (fetcher), >, 0);
}

static void
test_connect_timeout (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%s/program.json", servers.silent_port);
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  /* The TCP connection completes, the TLS handshake never does. */
  oc3_program_fetcher_set_connect_timeout (fetcher, 300);
  result = fetch (fetcher, url, NULL, &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_TIMED_OUT, "did not answer in time");
  g_assert_cmpint (elapsed, >=, 250 * 1000);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
}

static void
test_no_answer_times_out (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%s/program.json", servers.silent_port);

  /* Connected and asked, but never answered: the overall limit applies. */
  oc3_program_fetcher_set_connect_timeout (fetcher, 5000);
  oc3_program_fetcher_set_timeout (fetcher, 400);
  result = fetch (fetcher, url, NULL, &error);
  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_TIMED_OUT, NULL);
}

static void
test_too_large_while_streaming (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = raw_url_for ("/endless");
  const guint64 cap = 256 * 1024;
  guint64 received;

  oc3_program_fetcher_set_max_size (fetcher, cap);
  result = fetch (fetcher, url, NULL, &error);
  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_TOO_LARGE, "too large");

  /* Read up to the cap and one byte more, and not a chunk further. */
  received = oc3_program_fetcher_get_bytes_received (fetcher);
  g_test_message ("read %" G_GUINT64_FORMAT " bytes with a cap of %" G_GUINT64_FORMAT,
                  received, cap);
  g_assert_cmpuint (received, >, cap);
  g_assert_cmpuint (received, <=, cap + 64 * 1024);

  /* The connection was dropped: the server could write no more than what
   * the sockets' buffers hold, far from its gigabyte. */
  for (guint i = 0; i < 500 && g_atomic_int_get (&servers.raw_active) > 0; i++)
    g_usleep (10 * 1000);
  g_assert_cmpint (g_atomic_int_get (&servers.raw_active), ==, 0);
  g_test_message ("the server got %" G_GINT64_FORMAT " bytes out before the connection closed",
                  get_written ());
  g_assert_cmpint (get_written (), <, 64 * 1024 * 1024);
}

static void
test_too_large_by_content_length (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = raw_url_for ("/huge-length");

  result = fetch (fetcher, url, NULL, &error);
  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_TOO_LARGE, "33.6");
  /* Refused on the header alone. */
  g_assert_cmpuint (oc3_program_fetcher_get_bytes_received (fetcher), ==, 0);
}

static void
test_truncated (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  const char *paths[] = { "/truncated", "/truncated-chunked" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = raw_url_for (paths[i]);
      g_autoptr(Oc3FetchResult) result = fetch (fetcher, url, NULL, &error);

      g_assert_null (result);
      assert_fetch_error (error, OC3_FETCH_ERROR_INCOMPLETE, "broke off");
    }
}

static void
test_html_instead_of_json (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  const char *paths[] = { "/portal", "/portal-redirect" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = url_for (paths[i]);
      g_autoptr(Oc3FetchResult) result = fetch (fetcher, url, NULL, &error);

      g_assert_null (result);
      assert_fetch_error (error, OC3_FETCH_ERROR_NOT_A_SCHEDULE, "Wi-Fi login page");
    }
}

static void
test_xml_is_not_html (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/schedule.xml");

  /* A Pentabarf schedule starts with '<' too; no validator here. */
  result = fetch_full (fetcher, url, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_program (result, XML_PROGRAM);
  g_assert_null (result->parsed);
}

static void
test_redirects (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *five = url_for ("/redirect/5");
  g_autofree char *six = url_for ("/redirect/6");
  g_autofree char *loop = url_for ("/loop");
  g_autofree char *to_ftp = url_for ("/to-ftp");
  g_autofree char *final_url = url_for ("/redirect/0");
  int requests = g_atomic_int_get (&servers.requests);

  result = fetch (fetcher, five, NULL, &error);
  g_assert_no_error (error);
  assert_program (result, PROGRAM);
  g_assert_cmpstr (result->entry->url, ==, five);
  g_assert_cmpstr (result->entry->final_url, ==, final_url);
  g_assert_cmpint (g_atomic_int_get (&servers.requests) - requests, ==, 6);

  requests = g_atomic_int_get (&servers.requests);
  g_assert_null (fetch (fetcher, six, NULL, &error));
  assert_fetch_error (error, OC3_FETCH_ERROR_REDIRECTS, "redirects too many times");
  /* The sixth redirect was not followed. */
  g_assert_cmpint (g_atomic_int_get (&servers.requests) - requests, ==, 6);
  g_clear_error (&error);

  g_assert_null (fetch (fetcher, loop, NULL, &error));
  assert_fetch_error (error, OC3_FETCH_ERROR_REDIRECTS, NULL);
  g_clear_error (&error);

  g_assert_null (fetch (fetcher, to_ftp, NULL, &error));
  assert_fetch_error (error, OC3_FETCH_ERROR_REDIRECTS, "cannot open");
}

static void
test_gzip (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/gzip.json");

  g_assert_cmpuint (g_bytes_get_size (servers.big_program_gzip), <,
                    g_bytes_get_size (servers.big_program) / 4);

  result = fetch (fetcher, url, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (servers.accept_encoding, "gzip"));
  g_assert_true (g_bytes_equal (result->entry->program, servers.big_program));
  g_assert_nonnull (result->parsed);
  g_assert_cmpuint (oc3_program_fetcher_get_bytes_received (fetcher), ==,
                    g_bytes_get_size (servers.big_program));
}

static void
test_gzip_counts_against_cap (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/gzip.json");
  gsize compressed = g_bytes_get_size (servers.big_program_gzip);

  /* Small on the wire, too large once decompressed: a gzip bomb, mildly. */
  oc3_program_fetcher_set_max_size (fetcher, compressed * 2);
  result = fetch (fetcher, url, NULL, &error);
  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_TOO_LARGE, NULL);
  g_assert_cmpuint (oc3_program_fetcher_get_bytes_received (fetcher), ==, compressed * 2 + 1);
}

static void
test_unsupported_urls (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  const char *urls[] = { "ftp://127.0.0.1/program.json", "file:///etc/passwd",
                         "program.json", "http://", "data:application/json,{}",
                         "javascript:alert(1)", "" };
  int requests = g_atomic_int_get (&servers.requests);

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(Oc3FetchResult) result = fetch (fetcher, urls[i], NULL, &error);

      g_assert_null (result);
      assert_fetch_error (error, OC3_FETCH_ERROR_UNSUPPORTED_URL, "not a web address");
    }
  g_assert_cmpint (g_atomic_int_get (&servers.requests), ==, requests);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_offline (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(TestMonitor) monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/program.json");
  int requests = g_atomic_int_get (&servers.requests);
  guint notified = 0;

  oc3_program_fetcher_set_network_monitor (fetcher, G_NETWORK_MONITOR (monitor));
  g_signal_connect (fetcher, "notify::online", G_CALLBACK (count_notify_cb), &notified);
  g_assert_true (oc3_program_fetcher_get_online (fetcher));

  test_monitor_set_available (monitor, FALSE);
  g_assert_false (oc3_program_fetcher_get_online (fetcher));
  g_assert_cmpuint (notified, ==, 1);

  result = fetch (fetcher, url, NULL, &error);
  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_NO_CONNECTION, "offline");
  g_assert_cmpint (g_atomic_int_get (&servers.requests), ==, requests);
  g_clear_error (&error);

  test_monitor_set_available (monitor, TRUE);
  g_assert_true (oc3_program_fetcher_get_online (fetcher));
  g_assert_cmpuint (notified, ==, 2);
  result = fetch (fetcher, url, NULL, &error);
  g_assert_no_error (error);
  assert_program (result, PROGRAM);
}

static void
test_name_not_found (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* RFC 2606 reserves .invalid: it never resolves, network or not. */
  result = fetch (fetcher, "https://no-such-host.invalid/schedule.json", NULL, &error);
  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_NAME_NOT_FOUND,
                      "Could not find the server “no-such-host.invalid”. "
                      "Check the address and your connection.");
}

static void
test_connection_refused (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autofree char *port = silent_port (&socket);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%s/program.json", port);

  /* A port that was free a moment ago, and is closed now. */
  g_socket_close (socket, NULL);
  result = fetch (fetcher, url, NULL, &error);
  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_NO_CONNECTION, "Could not connect to the server");
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = raw_url_for ("/trickle");
  gint64 start = g_get_monotonic_time ();

  g_timeout_add (200, cancel_cb, cancellable);
  result = fetch_full (fetcher, url, NULL, validate_schedule, cancellable, &error);
  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_CANCELLED, NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  /* Cancelled before it starts. */
  g_clear_error (&error);
  g_assert_null (fetch_full (fetcher, url, NULL, validate_schedule, cancellable, &error));
  assert_fetch_error (error, OC3_FETCH_ERROR_CANCELLED, NULL);
}

static void
test_tls_certificate_refused (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  SoupServer *server;
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *directory = NULL;
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *url = NULL;
  int requests = g_atomic_int_get (&servers.requests);
  int status;
  GSList *uris;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is needed to make a certificate");
      return;
    }

  /* A self-signed certificate, as a captive portal that intercepts https
   * would present. */
  directory = g_dir_make_tmp ("oc3-tls-XXXXXX", &error);
  g_assert_no_error (error);
  cert_path = g_build_filename (directory, "cert.pem", NULL);
  key_path = g_build_filename (directory, "key.pem", NULL);
  {
    const char *argv[] = { openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                           "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                           "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                           "-keyout", key_path, "-out", cert_path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                  G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  g_unlink (cert_path);
  g_unlink (key_path);
  g_rmdir (directory);

  server = servers.tls_server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d/program.json", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  result = fetch (fetcher, url, NULL, &error);
  g_assert_null (result);
  assert_fetch_error (error, OC3_FETCH_ERROR_TLS, "security certificate is not valid");
  g_assert_cmpint (g_atomic_int_get (&servers.requests), ==, requests);
}

static void
test_is_secure_url (void)
{
  const struct {
    const char *url;
    gboolean    secure;
  } cases[] = {
    { "https://www.oc3.dev/schedule.json", TRUE },
    { "HTTPS://www.oc3.dev/schedule.json", TRUE },
    { "http://www.oc3.dev/schedule.json", FALSE },
    { "http://127.0.0.1:8080/schedule.json", TRUE },
    { "http://127.1.2.3/schedule.json", TRUE },
    { "http://[::1]:8080/schedule.json", TRUE },
    { "http://localhost/schedule.json", TRUE },
    { "http://LocalHost:8000/", TRUE },
    { "http://localhost.example.org/", FALSE },
    { "http://127.0.0.1.nip.io/", FALSE },
    { "http://128.0.0.1/", FALSE },
    { "http://[::2]/", FALSE },
    { "http://10.0.0.1/", FALSE },
    { "ftp://127.0.0.1/", FALSE },
    { "file:///etc/passwd", FALSE },
    { "not a url", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].url);
      g_assert_cmpint (oc3_program_fetcher_is_secure_url (cases[i].url), ==, cases[i].secure);
    }
}

/* What the application does with a result: store a new program, note a
 * confirmed one, and on any error keep what it has. */
static gboolean
refresh (Oc3ProgramFetcher  *fetcher,
         Oc3ProgramCache    *cache,
         const char         *conference_id,
         const char         *url,
         GError            **error)
{
  g_autoptr(Oc3CacheEntry) previous = oc3_program_cache_load (cache, conference_id, NULL);
  g_autoptr(Oc3FetchResult) result = fetch (fetcher, url, previous, error);

  if (result == NULL)
    return FALSE;

  if (result->status == OC3_FETCH_STATUS_NEW)
    return oc3_program_cache_store (cache, conference_id, result->entry, error);

  return oc3_program_cache_touch (cache, conference_id, result->checked_at, error);
}

static char *
read_cache_file (Oc3ProgramCache *cache,
                 const char      *name)
{
  g_autofree char *path = g_build_filename (oc3_program_cache_get_directory (cache), "oc3-2024",
                                            name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_failures_leave_cache_untouched (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3ProgramCache) cache = oc3_program_cache_new (NULL);
  g_autoptr(Oc3CacheEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/program.json");
  g_autofree char *program_before = NULL;
  g_autofree char *meta_before = NULL;
  g_autofree char *meta_after_304 = NULL;
  struct {
    char *url;
    int   code;
  } failures[] = {
    { url_for ("/invalid.json"), OC3_FETCH_ERROR_INVALID },
    { url_for ("/portal"), OC3_FETCH_ERROR_NOT_A_SCHEDULE },
    { url_for ("/gone"), OC3_FETCH_ERROR_GONE },
    { raw_url_for ("/truncated"), OC3_FETCH_ERROR_INCOMPLETE },
  };

  g_assert_true (refresh (fetcher, cache, "oc3-2024", url, &error));
  g_assert_no_error (error);
  program_before = read_cache_file (cache, "program.json");
  meta_before = read_cache_file (cache, "meta.json");

  /* A 304 only moves the checked time. */
  g_usleep (1100 * 1000);
  g_assert_true (refresh (fetcher, cache, "oc3-2024", url, &error));
  g_assert_no_error (error);
  meta_after_304 = read_cache_file (cache, "meta.json");
  g_assert_cmpstr (meta_after_304, !=, meta_before);
  entry = oc3_program_cache_load (cache, "oc3-2024", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_compare (entry->checked_at, entry->fetched_at), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *program_after = NULL;
      g_autofree char *meta_after = NULL;

      /* The stored entry's URL is another one: the fetch is unconditional. */
      g_assert_false (refresh (fetcher, cache, "oc3-2024", failures[i].url, &error));
      assert_fetch_error (error, failures[i].code, NULL);
      if (failures[i].code == OC3_FETCH_ERROR_INVALID)
        g_assert_nonnull (strstr (error->message, "$: there is no “schedule” object"));
      g_clear_error (&error);

      program_after = read_cache_file (cache, "program.json");
      meta_after = read_cache_file (cache, "meta.json");
      g_assert_cmpstr (program_after, ==, program_before);
      g_assert_cmpstr (meta_after, ==, meta_after_304);
      g_free (failures[i].url);
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
test_not_modified_timing (void)
{
  g_autoptr(Oc3ProgramFetcher) fetcher = new_fetcher ();
  g_autoptr(Oc3FetchResult) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for ("/program.json");
  const guint rounds = 200;
  gint64 times[200];
  gint64 total = 0;

  first = fetch (fetcher, url, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(Oc3FetchResult) result = NULL;
      gint64 start = g_get_monotonic_time ();

      result = fetch (fetcher, url, first->entry, &error);
      times[i] = g_get_monotonic_time () - start;
      total += times[i];
      g_assert_no_error (error);
      g_assert_cmpint (result->status, ==, OC3_FETCH_STATUS_NOT_MODIFIED);
    }

  qsort (times, rounds, sizeof times[0], compare_gint64);
  g_test_message ("304 refresh over loopback, %u rounds: median %" G_GINT64_FORMAT " µs, "
                  "mean %" G_GINT64_FORMAT " µs, 95th percentile %" G_GINT64_FORMAT " µs, "
                  "max %" G_GINT64_FORMAT " µs",
                  rounds, times[rounds / 2], total / rounds, times[rounds * 95 / 100],
                  times[rounds - 1]);
  g_test_minimized_result (times[rounds / 2] / 1e6, "304 refresh median: %" G_GINT64_FORMAT " µs",
                           times[rounds / 2]);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The desktop's proxy settings are not the test's business (and their
   * GSettings schema is not installed where the tests look). */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  main_thread = g_thread_self ();

  online_monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  servers_start ();

  g_test_add_func ("/program-fetcher/etag", test_etag);
  g_test_add_func ("/program-fetcher/last-modified", test_last_modified);
  g_test_add_func ("/program-fetcher/previous-of-other-url", test_previous_of_other_url);
  g_test_add_func ("/program-fetcher/gone", test_gone);
  g_test_add_func ("/program-fetcher/server-error-then-recovery", test_server_error_then_recovery);
  g_test_add_func ("/program-fetcher/trickle-times-out", test_trickle_times_out);
  g_test_add_func ("/program-fetcher/connect-timeout", test_connect_timeout);
  g_test_add_func ("/program-fetcher/no-answer-times-out", test_no_answer_times_out);
  g_test_add_func ("/program-fetcher/too-large-while-streaming", test_too_large_while_streaming);
  g_test_add_func ("/program-fetcher/too-large-by-content-length",
                   test_too_large_by_content_length);
  g_test_add_func ("/program-fetcher/truncated", test_truncated);
  g_test_add_func ("/program-fetcher/html-instead-of-json", test_html_instead_of_json);
  g_test_add_func ("/program-fetcher/xml-is-not-html", test_xml_is_not_html);
  g_test_add_func ("/program-fetcher/redirects", test_redirects);
  g_test_add_func ("/program-fetcher/gzip", test_gzip);
  g_test_add_func ("/program-fetcher/gzip-counts-against-cap", test_gzip_counts_against_cap);
  g_test_add_func ("/program-fetcher/unsupported-urls", test_unsupported_urls);
  g_test_add_func ("/program-fetcher/offline", test_offline);
  g_test_add_func ("/program-fetcher/name-not-found", test_name_not_found);
  g_test_add_func ("/program-fetcher/connection-refused", test_connection_refused);
  g_test_add_func ("/program-fetcher/cancel", test_cancel);
  g_test_add_func ("/program-fetcher/tls-certificate-refused", test_tls_certificate_refused);
  g_test_add_func ("/program-fetcher/is-secure-url", test_is_secure_url);
  g_test_add_func ("/program-fetcher/failures-leave-cache-untouched",
                   test_failures_leave_cache_untouched);
  g_test_add_func ("/program-fetcher/not-modified-timing", test_not_modified_timing);

  status = g_test_run ();

  servers_stop ();
  g_clear_object (&online_monitor);
  return status;
}
