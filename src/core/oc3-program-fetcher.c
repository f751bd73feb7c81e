/* oc3-program-fetcher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "oc3-program-fetcher.h"

/* Downloads a conference's program over HTTP(S), politely and defensively.
 *
 * Politely: it says who it is (User-Agent), asks "changed since?" with the
 * previous response's ETag and Last-Modified, and reads no body for a 304.
 *
 * Defensively: conference Wi-Fi is where this runs.  Every download has a
 * connect timeout and an overall one, a size cap enforced while reading (also
 * on decompressed bytes, so a small gzip bomb cannot fill memory), a limit of
 * five redirects that it counts itself (libsoup's own limit is 20), and
 * refuses https → http downgrades.  A captive portal's login page is
 * recognised and named as such.  TLS errors are never ignored: nothing
 * handles SoupMessage::accept-certificate.
 *
 * Only a complete download that the caller's validation function accepts (in
 * a worker thread, since parsing megabytes of JSON would freeze the window)
 * is returned; anything else is an error in OC3_FETCH_ERROR, worded for
 * people, so the caller keeps its cached program.
 */

/* How much is read at a time: large enough for few wake-ups, small enough
 * that stopping at the size cap wastes nothing. */
#define CHUNK_SIZE (64 * 1024)

struct _Oc3ProgramFetcher
{
  GObject          parent_instance;

  SoupSession     *session;
  GNetworkMonitor *monitor;
  guint            connect_timeout_ms;
  guint            timeout_ms;
  guint64          max_size;
  guint64          bytes_received;
  gboolean         online;
};

G_DEFINE_FINAL_TYPE (Oc3ProgramFetcher, oc3_program_fetcher, G_TYPE_OBJECT)

G_DEFINE_QUARK (oc3-fetch-error-quark, oc3_fetch_error)

enum {
  PROP_0,
  PROP_NETWORK_MONITOR,
  PROP_ONLINE,
  PROP_CONNECT_TIMEOUT,
  PROP_TIMEOUT,
  PROP_MAX_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  NOT_TIMED_OUT,
  TIMED_OUT_CONNECTING,
  TIMED_OUT_DOWNLOADING,
} TimeoutKind;

typedef struct
{
  char                 *url;
  GUri                 *uri;          /* Where the current request goes. */
  char                 *if_none_match;
  char                 *if_modified_since;
  guint                 redirects;
  guint64               max_size;

  SoupMessage          *message;
  GInputStream         *stream;
  GByteArray           *body;
  gint64                expected_length; /* Of an uncompressed body, or -1. */
  guint8                chunk[CHUNK_SIZE];
  char                 *content_type;
  char                 *etag;
  char                 *last_modified;
  GDateTime            *checked_at;

  /* Cancels the network operations: on the caller's request, or on a
   * timeout; the flags below tell which. */
  GCancellable         *cancellable;
  GCancellable         *caller_cancellable;
  gulong                caller_handler;
  GSource              *timeout_source;
  GSource              *connect_source;
  TimeoutKind           timed_out;

  Oc3FetchValidateFunc  validate;
  gpointer              validate_data;
  GDestroyNotify        parsed_free;
} FetchData;

void
oc3_fetch_result_free (Oc3FetchResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->entry, oc3_cache_entry_free);
  g_clear_pointer (&result->checked_at, g_date_time_unref);
  if (result->parsed != NULL && result->parsed_free != NULL)
    result->parsed_free (result->parsed);
  g_free (result);
}

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
clear_message (FetchData *data)
{
  if (data->message == NULL)
    return;

  g_signal_handlers_disconnect_by_data (data->message, data);
  g_clear_object (&data->message);
}

/* Ends everything network-related; called in the main thread once the
 * download is over, so that only plain data goes to the worker thread. */
static void
stop_network (FetchData *data)
{
  clear_source (&data->timeout_source);
  clear_source (&data->connect_source);
  g_clear_object (&data->stream);
  clear_message (data);
  if (data->caller_handler != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  data->caller_handler = 0;
}

static void
fetch_data_free (FetchData *data)
{
  stop_network (data);
  g_clear_pointer (&data->url, g_free);
  g_clear_pointer (&data->uri, g_uri_unref);
  g_clear_pointer (&data->if_none_match, g_free);
  g_clear_pointer (&data->if_modified_since, g_free);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_pointer (&data->content_type, g_free);
  g_clear_pointer (&data->etag, g_free);
  g_clear_pointer (&data->last_modified, g_free);
  g_clear_pointer (&data->checked_at, g_date_time_unref);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->caller_cancellable);
  g_free (data);
}

static void
network_changed_cb (Oc3ProgramFetcher *self)
{
  gboolean online = g_network_monitor_get_network_available (self->monitor);

  if (online == self->online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

static void
oc3_program_fetcher_dispose (GObject *object)
{
  Oc3ProgramFetcher *self = OC3_PROGRAM_FETCHER (object);

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (oc3_program_fetcher_parent_class)->dispose (object);
}

static void
oc3_program_fetcher_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  Oc3ProgramFetcher *self = OC3_PROGRAM_FETCHER (object);

  switch (prop_id)
    {
    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->monitor);
      break;

    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;

    case PROP_CONNECT_TIMEOUT:
      g_value_set_uint (value, self->connect_timeout_ms);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_ms);
      break;

    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_program_fetcher_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  Oc3ProgramFetcher *self = OC3_PROGRAM_FETCHER (object);

  switch (prop_id)
    {
    case PROP_NETWORK_MONITOR:
      oc3_program_fetcher_set_network_monitor (self, g_value_get_object (value));
      break;

    case PROP_CONNECT_TIMEOUT:
      oc3_program_fetcher_set_connect_timeout (self, g_value_get_uint (value));
      break;

    case PROP_TIMEOUT:
      oc3_program_fetcher_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_MAX_SIZE:
      oc3_program_fetcher_set_max_size (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
oc3_program_fetcher_class_init (Oc3ProgramFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = oc3_program_fetcher_dispose;
  object_class->get_property = oc3_program_fetcher_get_property;
  object_class->set_property = oc3_program_fetcher_set_property;

  /**
   * Oc3ProgramFetcher:network-monitor:
   *
   * Tells whether OC3 is online; g_network_monitor_get_default() unless set
   * (tests set their own).  Setting %NULL restores the default.
   */
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * Oc3ProgramFetcher:online:
   *
   * Whether the network is available.  While it is not, fetches fail at
   * once with %OC3_FETCH_ERROR_NO_CONNECTION; refresh when it turns %TRUE.
   */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * Oc3ProgramFetcher:connect-timeout:
   *
   * Milliseconds allowed to resolve the name, connect and finish the TLS
   * handshake, for each request (redirects included).
   */
  properties[PROP_CONNECT_TIMEOUT] =
    g_param_spec_uint ("connect-timeout", NULL, NULL,
                       1, G_MAXUINT, OC3_PROGRAM_FETCHER_CONNECT_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * Oc3ProgramFetcher:timeout:
   *
   * Milliseconds allowed for a whole download, from the first request to
   * the last byte (validation not included).
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, G_MAXUINT, OC3_PROGRAM_FETCHER_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * Oc3ProgramFetcher:max-size:
   *
   * The largest program accepted, in bytes after decompression.
   */
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL,
                         1, G_MAXUINT32, OC3_PROGRAM_FETCHER_MAX_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
oc3_program_fetcher_init (Oc3ProgramFetcher *self)
{
  self->connect_timeout_ms = OC3_PROGRAM_FETCHER_CONNECT_TIMEOUT_MS;
  self->timeout_ms = OC3_PROGRAM_FETCHER_TIMEOUT_MS;
  self->max_size = OC3_PROGRAM_FETCHER_MAX_SIZE;
  self->online = TRUE;

  /* The session's own I/O timeout is off: the fetcher's two timers govern,
   * and they report which limit was hit.  SoupContentDecoder is part of
   * every SoupSession, so gzip and deflate responses are accepted. */
  self->session = soup_session_new_with_options ("user-agent",
                                                 "OC3/" PACKAGE_VERSION " (+https://www.oc3.dev/)",
                                                 "timeout", 0,
                                                 NULL);

  oc3_program_fetcher_set_network_monitor (self, NULL);
}

Oc3ProgramFetcher *
oc3_program_fetcher_new (void)
{
  return g_object_new (OC3_TYPE_PROGRAM_FETCHER, NULL);
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0 || g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  /* 127.0.0.0/8 and ::1; a name that merely resolves to them does not
   * count, since resolution is what an attacker on the network controls. */
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
is_http_uri (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && host[0] != '\0';
}

static gboolean
is_secure_uri (GUri *uri)
{
  if (!is_http_uri (uri))
    return FALSE;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ||
         is_loopback_host (g_uri_get_host (uri));
}

/**
 * oc3_program_fetcher_is_secure_url:
 * @url: an address
 *
 * Plain http can be read and changed by anyone on the conference Wi-Fi; the
 * user interface warns about such addresses.  Loopback addresses never leave
 * the machine, so they count as secure.
 *
 * Returns: whether @url is https, or http to 127.0.0.0/8, ::1 or localhost
 */
gboolean
oc3_program_fetcher_is_secure_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  return uri != NULL && is_secure_uri (uri);
}

gboolean
oc3_program_fetcher_get_online (Oc3ProgramFetcher *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_FETCHER (self), FALSE);

  return self->online;
}

GNetworkMonitor *
oc3_program_fetcher_get_network_monitor (Oc3ProgramFetcher *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_FETCHER (self), NULL);

  return self->monitor;
}

/**
 * oc3_program_fetcher_set_network_monitor:
 * @monitor: (nullable): the monitor to ask, or %NULL for the default one
 */
void
oc3_program_fetcher_set_network_monitor (Oc3ProgramFetcher *self,
                                         GNetworkMonitor   *monitor)
{
  g_return_if_fail (OC3_IS_PROGRAM_FETCHER (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  if (monitor == NULL)
    monitor = g_network_monitor_get_default ();

  if (self->monitor == monitor)
    return;

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_set_object (&self->monitor, monitor);
  g_signal_connect_object (self->monitor, "network-changed",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_MONITOR]);

  network_changed_cb (self);
}

guint
oc3_program_fetcher_get_connect_timeout (Oc3ProgramFetcher *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_FETCHER (self), 0);

  return self->connect_timeout_ms;
}

void
oc3_program_fetcher_set_connect_timeout (Oc3ProgramFetcher *self,
                                         guint              milliseconds)
{
  g_return_if_fail (OC3_IS_PROGRAM_FETCHER (self));
  g_return_if_fail (milliseconds > 0);

  if (self->connect_timeout_ms == milliseconds)
    return;

  self->connect_timeout_ms = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
}

guint
oc3_program_fetcher_get_timeout (Oc3ProgramFetcher *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_FETCHER (self), 0);

  return self->timeout_ms;
}

void
oc3_program_fetcher_set_timeout (Oc3ProgramFetcher *self,
                                 guint              milliseconds)
{
  g_return_if_fail (OC3_IS_PROGRAM_FETCHER (self));
  g_return_if_fail (milliseconds > 0);

  if (self->timeout_ms == milliseconds)
    return;

  self->timeout_ms = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint64
oc3_program_fetcher_get_max_size (Oc3ProgramFetcher *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_FETCHER (self), 0);

  return self->max_size;
}

void
oc3_program_fetcher_set_max_size (Oc3ProgramFetcher *self,
                                  guint64            max_size)
{
  g_return_if_fail (OC3_IS_PROGRAM_FETCHER (self));
  g_return_if_fail (max_size > 0 && max_size <= G_MAXUINT32);

  if (self->max_size == max_size)
    return;

  self->max_size = max_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
}

/**
 * oc3_program_fetcher_get_bytes_received:
 *
 * For diagnostics and tests: how many body bytes (after decompression) the
 * most recently finished download read from the network.  It shows that an
 * oversized download was stopped at the cap, not read to its end.
 */
guint64
oc3_program_fetcher_get_bytes_received (Oc3ProgramFetcher *self)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_FETCHER (self), 0);

  return self->bytes_received;
}

/* --- errors ---------------------------------------------------------------- */

static const char *
current_host (FetchData *data)
{
  const char *host = data->uri ? g_uri_get_host (data->uri) : NULL;

  return host ? host : data->url;
}

/* Turns what GIO, GResolver, GTls and libsoup report into one of ours: a
 * sentence for people.  The original goes to the debug log, for developers. */
static GError *
translate_error (FetchData    *data,
                 const GError *error)
{
  const char *host = current_host (data);

  g_debug ("Fetching %s failed: %s (%s, %d)", data->url, error->message,
           g_quark_to_string (error->domain), error->code);

  if (g_cancellable_is_cancelled (data->caller_cancellable))
    return g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_CANCELLED,
                                _("The download was cancelled."));

  if (data->timed_out == TIMED_OUT_CONNECTING ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (OC3_FETCH_ERROR, OC3_FETCH_ERROR_TIMED_OUT,
                        _("The server “%s” did not answer in time. "
                          "Check your connection and try again."), host);

  if (data->timed_out == TIMED_OUT_DOWNLOADING)
    return g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_TIMED_OUT,
                                _("The download took too long. "
                                  "Try again later, or on a faster connection."));

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (OC3_FETCH_ERROR, OC3_FETCH_ERROR_NAME_NOT_FOUND,
                        _("Could not find the server “%s”. "
                          "Check the address and your connection."), host);

  if (error->domain == G_TLS_ERROR)
    {
      if (error->code == G_TLS_ERROR_UNAVAILABLE)
        return g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_TLS,
                                    _("Secure connections are not available on this system. "
                                      "Install the GLib networking support (glib-networking)."));

      return g_error_new (OC3_FETCH_ERROR, OC3_FETCH_ERROR_TLS,
                          _("The server's security certificate is not valid, so the "
                            "connection to “%s” is not safe. If you are on a public Wi-Fi, "
                            "log in to the network first, then refresh."), host);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    {
      if (data->body != NULL)
        return g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_INCOMPLETE,
                                    _("The connection broke off before the whole program "
                                      "arrived. Try again."));
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
      error->domain == SOUP_SESSION_ERROR)
    return g_error_new (OC3_FETCH_ERROR, OC3_FETCH_ERROR_SERVER,
                        _("The server “%s” sent a reply OC3 does not understand. "
                          "Try again later."), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_FAILED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_AUTH_FAILED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_NEED_AUTH) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_NOT_ALLOWED))
    return g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_NO_CONNECTION,
                                _("Could not connect through the proxy. "
                                  "Check the proxy settings, then refresh."));

  /* Refused, unreachable, reset, and whatever else a socket can say. */
  return g_error_new (OC3_FETCH_ERROR, OC3_FETCH_ERROR_NO_CONNECTION,
                      _("Could not connect to the server “%s”. "
                        "Check your connection and try again."), host);
}

/* The download is over, one way or another. */
static void
end_download (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  Oc3ProgramFetcher *self = g_task_get_source_object (task);

  self->bytes_received = data->body ? data->body->len : 0;
  stop_network (data);
}

static void
return_error (GTask  *task,
              GError *error)
{
  end_download (task);
  g_task_return_error (task, error);
}

static void
return_io_error (GTask        *task,
                 const GError *error)
{
  return_error (task, translate_error (g_task_get_task_data (task), error));
}

/* --- validation (worker thread) ------------------------------------------- */

static gboolean
has_prefix_nocase (const char *text,
                   gsize       length,
                   const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  return length >= prefix_length && g_ascii_strncasecmp (text, prefix, prefix_length) == 0;
}

static gboolean
contains_nocase (const char *text,
                 gsize       length,
                 const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (g_ascii_strncasecmp (text + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/* Captive portals answer any address with their login page, with 200 OK.
 * Schedules are JSON, XML (Pentabarf) or iCalendar, so a document that
 * declares itself HTML is not one; an XML schedule also starts with '<', so
 * a '<' alone proves nothing unless the server called it text/html. */
static gboolean
looks_like_html (GBytes     *body,
                 const char *content_type)
{
  gsize length;
  const char *text = g_bytes_get_data (body, &length);
  gboolean declared_html;

  declared_html = content_type != NULL &&
                  (g_ascii_strcasecmp (content_type, "text/html") == 0 ||
                   g_ascii_strcasecmp (content_type, "application/xhtml+xml") == 0);

  if (has_prefix_nocase (text, length, "\xEF\xBB\xBF"))
    {
      text += 3;
      length -= 3;
    }
  while (length > 0 && g_ascii_isspace (*text))
    {
      text++;
      length--;
    }

  if (has_prefix_nocase (text, length, "<!doctype html") ||
      has_prefix_nocase (text, length, "<html"))
    return TRUE;

  if (has_prefix_nocase (text, length, "<?xml"))
    return contains_nocase (text, MIN (length, 1024), "<html");

  return declared_html && length > 0 && text[0] == '<';
}

static void
validate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  FetchData *data = task_data;
  g_autoptr(Oc3FetchResult) result = g_new0 (Oc3FetchResult, 1);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));

  if (looks_like_html (body, data->content_type))
    {
      g_task_return_new_error (task, OC3_FETCH_ERROR, OC3_FETCH_ERROR_NOT_A_SCHEDULE,
                               _("The address returned a web page, not a program — probably "
                                 "a Wi-Fi login page. Log in to the network, then refresh."));
      return;
    }

  result->parsed_free = data->parsed_free;
  if (data->validate != NULL)
    {
      result->parsed = data->validate (body, data->validate_data, &error);
      if (result->parsed == NULL)
        {
          g_task_return_new_error (task, OC3_FETCH_ERROR, OC3_FETCH_ERROR_INVALID,
                                   _("The program at this address is not valid: %s"),
                                   error ? error->message : _("it could not be read."));
          return;
        }
    }

  /* Parsing can take a while; a caller who gave up in the meantime gets
   * what it asked for, not a result it no longer expects. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, OC3_FETCH_ERROR, OC3_FETCH_ERROR_CANCELLED,
                               _("The download was cancelled."));
      return;
    }

  result->status = OC3_FETCH_STATUS_NEW;
  result->checked_at = g_date_time_ref (data->checked_at);
  result->entry = oc3_cache_entry_new ();
  result->entry->program = g_steal_pointer (&body);
  result->entry->url = g_strdup (data->url);
  result->entry->final_url = g_uri_to_string (data->uri);
  result->entry->etag = g_steal_pointer (&data->etag);
  result->entry->last_modified = g_steal_pointer (&data->last_modified);
  result->entry->fetched_at = g_date_time_ref (data->checked_at);
  result->entry->checked_at = g_date_time_ref (data->checked_at);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) oc3_fetch_result_free);
}

/* --- downloading ---------------------------------------------------------- */

/* Both take over the reference to @task they are given: it travels with
 * the asynchronous call, and comes back in its callback. */
static void send_request    (GTask *task);
static void read_next_chunk (GTask *task);

static void
download_complete (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  /* libsoup reports a connection closed early; this also catches a server
   * that got its own Content-Length wrong. */
  if (data->expected_length >= 0 && (gint64) data->body->len != data->expected_length)
    {
      return_error (task, g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_INCOMPLETE,
                                               _("The connection broke off before the whole "
                                                 "program arrived. Try again.")));
      return;
    }

  end_download (task);
  g_task_run_in_thread (task, validate_thread);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (n_read < 0)
    {
      return_io_error (task, error);
      return;
    }

  if (n_read == 0)
    {
      download_complete (task);
      return;
    }

  g_byte_array_append (data->body, data->chunk, (guint) n_read);

  /* Reads never ask for more than one byte past the cap, so this is where
   * an oversized program stops: dropping the stream closes the
   * connection instead of draining it. */
  if (data->body->len > data->max_size)
    {
      g_autofree char *limit = g_format_size (data->max_size);

      return_error (task, g_error_new (OC3_FETCH_ERROR, OC3_FETCH_ERROR_TOO_LARGE,
                                       _("The program is larger than %s, too large to "
                                         "download. Check the address."), limit));
      return;
    }

  read_next_chunk (g_steal_pointer (&task));
}

static void
read_next_chunk (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  gsize wanted = MIN (sizeof data->chunk, data->max_size + 1 - data->body->len);

  g_input_stream_read_async (data->stream, data->chunk, wanted, G_PRIORITY_DEFAULT,
                             data->cancellable, read_cb, task);
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER || status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

static void
follow_redirect (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;

  data->redirects++;
  if (data->redirects > OC3_PROGRAM_FETCHER_MAX_REDIRECTS)
    {
      return_error (task, g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_REDIRECTS,
                                               _("The address redirects too many times. "
                                                 "Check the address, or try again later.")));
      return;
    }

  if (location != NULL)
    target = g_uri_parse_relative (data->uri, location, SOUP_HTTP_URI_FLAGS, NULL);

  if (target == NULL || !is_http_uri (target))
    {
      return_error (task, g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_REDIRECTS,
                                               _("The address redirects to an address OC3 "
                                                 "cannot open. Check the address.")));
      return;
    }

  /* An https address that sends us to plain http would let anyone on the
   * network replace the program. */
  if (is_secure_uri (data->uri) && !is_secure_uri (target))
    {
      return_error (task, g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_REDIRECTS,
                                               _("The secure address redirects to an insecure "
                                                 "one, which OC3 does not follow. Check the "
                                                 "address.")));
      return;
    }

  g_clear_object (&data->stream);
  clear_message (data);
  g_uri_unref (data->uri);
  data->uri = g_steal_pointer (&target);

  send_request (g_object_ref (task));
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      return_io_error (task, error);
      return;
    }

  clear_source (&data->connect_source);
  status = soup_message_get_status (data->message);
  headers = soup_message_get_response_headers (data->message);
  g_clear_pointer (&data->checked_at, g_date_time_unref);
  data->checked_at = g_date_time_new_now_utc ();

  if (is_redirect (status))
    {
      follow_redirect (task);
      return;
    }

  if (status == SOUP_STATUS_NOT_MODIFIED &&
      (data->if_none_match != NULL || data->if_modified_since != NULL))
    {
      g_autoptr(Oc3FetchResult) not_modified = g_new0 (Oc3FetchResult, 1);

      not_modified->status = OC3_FETCH_STATUS_NOT_MODIFIED;
      not_modified->checked_at = g_date_time_ref (data->checked_at);
      end_download (task);
      g_task_return_pointer (task, g_steal_pointer (&not_modified),
                             (GDestroyNotify) oc3_fetch_result_free);
      return;
    }

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    {
      return_error (task, g_error_new_literal (OC3_FETCH_ERROR, OC3_FETCH_ERROR_GONE,
                                               _("This conference's program is no longer at "
                                                 "this address. Check the conference's web "
                                                 "site for a new one.")));
      return;
    }

  if (SOUP_STATUS_IS_SERVER_ERROR (status))
    {
      return_error (task, g_error_new (OC3_FETCH_ERROR, OC3_FETCH_ERROR_SERVER,
                                       _("The server had a problem (error %u). "
                                         "Try again later."), status));
      return;
    }

  if (status != SOUP_STATUS_OK && status != SOUP_STATUS_NON_AUTHORITATIVE)
    {
      return_error (task, g_error_new (OC3_FETCH_ERROR, OC3_FETCH_ERROR_SERVER,
                                       _("The server refused to send the program (error %u). "
                                         "Check the address, or try again later."), status));
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) soup_message_headers_get_content_length (headers) > data->max_size)
    {
      g_autofree char *limit = g_format_size (data->max_size);

      return_error (task, g_error_new (OC3_FETCH_ERROR, OC3_FETCH_ERROR_TOO_LARGE,
                                       _("The program is larger than %s, too large to "
                                         "download. Check the address."), limit));
      return;
    }

  data->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  data->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  data->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  data->body = g_byte_array_new ();
  data->expected_length = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    data->expected_length = soup_message_headers_get_content_length (headers);

  read_next_chunk (g_steal_pointer (&task));
}

static void
wrote_headers_cb (FetchData *data)
{
  /* The request went out on an established (and, for https, verified)
   * connection: connecting is over. */
  clear_source (&data->connect_source);
}

static gboolean
connect_timeout_cb (gpointer user_data)
{
  FetchData *data = user_data;

  data->timed_out = TIMED_OUT_CONNECTING;
  g_cancellable_cancel (data->cancellable);
  g_clear_pointer (&data->connect_source, g_source_unref);
  return G_SOURCE_REMOVE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  FetchData *data = user_data;

  if (data->timed_out == NOT_TIMED_OUT)
    data->timed_out = TIMED_OUT_DOWNLOADING;
  g_cancellable_cancel (data->cancellable);
  g_clear_pointer (&data->timeout_source, g_source_unref);
  return G_SOURCE_REMOVE;
}

static GSource *
add_timeout (guint       milliseconds,
             GSourceFunc callback,
             FetchData  *data)
{
  GSource *source = g_timeout_source_new (milliseconds);

  g_source_set_callback (source, callback, data, NULL);
  g_source_set_static_name (source, "[oc3] fetch timeout");
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

static void
send_request (GTask *task)
{
  Oc3ProgramFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  data->message = soup_message_new_from_uri (SOUP_METHOD_GET, data->uri);
  /* Redirects are followed by hand, to count them and check each target. */
  soup_message_add_flags (data->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (data->message);
  soup_message_headers_replace (headers, "Accept",
                                "application/json, application/xml;q=0.9, text/xml;q=0.9, "
                                "text/calendar;q=0.8, */*;q=0.5");
  if (data->if_none_match != NULL)
    soup_message_headers_replace (headers, "If-None-Match", data->if_none_match);
  if (data->if_modified_since != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", data->if_modified_since);

  g_signal_connect_swapped (data->message, "wrote-headers", G_CALLBACK (wrote_headers_cb), data);

  clear_source (&data->connect_source);
  data->connect_source = add_timeout (self->connect_timeout_ms, connect_timeout_cb, data);

  soup_session_send_async (self->session, data->message, G_PRIORITY_DEFAULT,
                           data->cancellable, send_cb, task);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

/**
 * oc3_program_fetcher_fetch_async:
 * @url: the program's address
 * @previous: (nullable): the cached download of the same @url, whose ETag
 *   and Last-Modified make the request conditional
 * @validate: (nullable): parses and checks the body, in a worker thread
 * @validate_data: passed to @validate; it must stay valid until @callback
 * @parsed_free: (nullable): frees what @validate returns
 * @cancellable: (nullable): a #GCancellable
 *
 * Downloads the program at @url, then validates it.  The result is either
 * "not modified" (the server confirmed @previous) or a new program with its
 * parsed form.  Any failure is an %OC3_FETCH_ERROR, and the caller should
 * keep what it has.
 */
void
oc3_program_fetcher_fetch_async (Oc3ProgramFetcher    *self,
                                 const char           *url,
                                 const Oc3CacheEntry  *previous,
                                 Oc3FetchValidateFunc  validate,
                                 gpointer              validate_data,
                                 GDestroyNotify        parsed_free,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  FetchData *data;

  g_return_if_fail (OC3_IS_PROGRAM_FETCHER (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, oc3_program_fetcher_fetch_async);
  g_task_set_name (task, "[oc3] fetch program");
  /* Cancellation is reported in our own domain, worded for people. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (FetchData, 1);
  data->url = g_strdup (url);
  data->max_size = self->max_size;
  data->validate = validate;
  data->validate_data = validate_data;
  data->parsed_free = parsed_free;
  data->caller_cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  data->uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (data->uri == NULL || !is_http_uri (data->uri))
    {
      g_task_return_new_error (task, OC3_FETCH_ERROR, OC3_FETCH_ERROR_UNSUPPORTED_URL,
                               _("“%s” is not a web address. Enter an address that starts "
                                 "with https://."), url);
      return;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, OC3_FETCH_ERROR, OC3_FETCH_ERROR_CANCELLED,
                               _("The download was cancelled."));
      return;
    }

  if (!g_network_monitor_get_network_available (self->monitor))
    {
      g_task_return_new_error (task, OC3_FETCH_ERROR, OC3_FETCH_ERROR_NO_CONNECTION,
                               _("You are offline. Connect to the internet, then refresh."));
      return;
    }

  /* Validators describe what the server sent for that address; after the
   * address changes they describe nothing. */
  if (previous != NULL && (previous->url == NULL || g_str_equal (previous->url, url)))
    {
      data->if_none_match = g_strdup (previous->etag);
      data->if_modified_since = g_strdup (previous->last_modified);
    }

  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    data->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                  g_object_ref (data->cancellable),
                                                  g_object_unref);

  data->timeout_source = add_timeout (self->timeout_ms, timeout_cb, data);

  send_request (g_steal_pointer (&task));
}

/**
 * oc3_program_fetcher_fetch_finish:
 *
 * Returns: (transfer full): the result, or %NULL with an %OC3_FETCH_ERROR
 */
Oc3FetchResult *
oc3_program_fetcher_fetch_finish (Oc3ProgramFetcher  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (OC3_IS_PROGRAM_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == oc3_program_fetcher_fetch_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
